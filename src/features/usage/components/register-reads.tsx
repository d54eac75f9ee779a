import { TableRegion } from '../../../components/ui/table-region.tsx';
/**
 * Register reads, beside the chart: the meter's running total at one moment each, which some utilities
 * publish daily. They are points in time, not usage over an interval, so they are listed on their own
 * and never drawn as usage or added to its totals.
 */
import { useMemo } from 'react';
import { DISPLAY_LOCALE, type LocalTime, type UsagePoint } from '../../../espi/index.ts';
import { formatDateTime } from '../model/format-time.ts';
import { registerReadSeries } from '../model/register-reads.ts';

const number = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 3 });

export function RegisterReads(props: {
  usagePoint: UsagePoint;
  clock: LocalTime;
  range: { start: number; end: number };
}) {
  const { usagePoint, clock, range } = props;
  const series = useMemo(() => registerReadSeries(usagePoint, range), [usagePoint, range]);
  if (series.length === 0) return null;
  return (
    <section aria-labelledby="register-reads-heading" className="register-reads">
      <h3 id="register-reads-heading">Meter register reads</h3>
      <p className="muted">
        What the meter’s counter showed at one moment, as your utility read it. Each is a running total, not
        the use over a period, so they are listed here and not added to the usage above.
      </p>
      {series.map((s) =>
        s.reads.length === 0 ? (
          <p key={s.label} className="muted">
            {s.label}: no register reads in these days ({s.total.toLocaleString(DISPLAY_LOCALE)} in the file).
          </p>
        ) : (
          <TableRegion key={s.label} label={`${s.label}: register reads`}>
            <table>
              <caption>
                {s.label}: register reads in {s.unit}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Read at</th>
                  <th scope="col" className="number">
                    Counter ({s.unit})
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.reads.map((read, k) => (
                  <tr key={k}>
                    <td>{formatDateTime(clock, read.time)}</td>
                    <td className="number">
                      {number.format(read.value)}
                      {read.estimated && ' (estimated)'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ),
      )}
    </section>
  );
}
