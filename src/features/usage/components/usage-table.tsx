import { TableRegion } from '../../../components/ui/table-region.tsx';
import { DISPLAY_LOCALE, formatMoney, formatQuantity, type LocalTime } from '../../../espi/index.ts';
import type { NumericKey } from '../model/chart-points.ts';
import { formatInterval } from '../model/format-time.ts';
import type { ChartData } from '../model/series.ts';
import { seriesLabel } from '../model/series-style.ts';
import { capitalized, rowNotes } from '../model/series-text.ts';

/** Rows beyond this are left to the CSV: a table of 35,000 rows helps no one. */
const MAX_ROWS = 500;

/** The chart's data as a table: the same rows, series and units, for screen readers and for reading off values. */
export function UsageTable(props: {
  data: ChartData;
  clock: LocalTime;
  /** The zone as it applies to the rows (format-time.ts `zoneOnDays`). */
  zone: string;
  lines: NumericKey[];
  unit: string;
  caption: string;
}) {
  const { data, clock, lines, unit } = props;
  const rows = data.rows.filter((row) => row.end > row.start);
  const shown = rows.slice(0, MAX_ROWS);
  const netMetered = data.flows.includes('received');
  return (
    <TableRegion className="usage-table" label={props.caption}>
      <table>
        <caption>
          {props.caption}
          {rows.length > MAX_ROWS &&
            ` (first ${MAX_ROWS} of ${rows.length.toLocaleString(DISPLAY_LOCALE)} rows; download the CSV for all, or choose a coarser resolution)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Interval ({props.zone})</th>
            {lines.map((key) => (
              <th scope="col" className="number" key={key}>
                {seriesLabel(key, netMetered)}
                {key === 'cost' ? '' : ` (${unit})`}
              </th>
            ))}
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.start}>
              <th scope="row">{formatInterval(clock, row.start, row.end)}</th>
              {lines.map((key) => {
                const value = row[key];
                return (
                  <td className="number" key={key}>
                    {value === null
                      ? 'no data'
                      : key === 'cost'
                        ? formatMoney(value, data.currency)
                        : formatQuantity(value, '', undefined, 3)}
                  </td>
                );
              })}
              <td>{capitalized(rowNotes(row).join('; '))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
