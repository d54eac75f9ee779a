import { TableRegion } from '../../../components/ui/table-region.tsx';
import type { LocalTime } from '../../../espi/index.ts';
import { formatQuantity } from '../../../espi/index.ts';
import { formatDay, formatInterval } from '../model/format-time.ts';
import type { CompareRow, ComparedMeter } from '../model/compare.ts';
import { lineStyle } from './compare-style.ts';

/** A short stretch of the meter's line, as the chart draws it: the table is also the chart's legend. */
function Swatch(props: { index: number }) {
  const style = lineStyle(props.index);
  return (
    <svg className="compare-swatch" width="28" height="10" aria-hidden="true">
      <line
        x1="0"
        y1="5"
        x2="28"
        y2="5"
        style={{ stroke: `var(${style.colour})` }}
        strokeWidth="3"
        strokeDasharray={style.dash}
      />
    </svg>
  );
}

/** Each meter's total, highest bucket and estimates over the range. */
export function CompareTotals(props: { meters: ComparedMeter[]; clock: LocalTime; bucket: string }) {
  return (
    <TableRegion label="Meters compared" className="compare-table">
      <table>
        <caption className="visually-hidden">Meters compared: totals</caption>
        <thead>
          <tr>
            <th scope="col">Meter</th>
            <th scope="col" className="number">
              Total
            </th>
            <th scope="col">Highest {props.bucket}</th>
            <th scope="col" className="number">
              Estimated readings
            </th>
          </tr>
        </thead>
        <tbody>
          {props.meters.map((meter, i) => (
            <tr key={meter.id}>
              <th scope="row">
                <Swatch index={i} /> {meter.name}
              </th>
              <td className="number">{formatQuantity(meter.total, meter.unit)}</td>
              <td>
                {meter.highest
                  ? `${formatQuantity(meter.highest.value, meter.unit)}, ${formatInterval(props.clock, meter.highest.start, meter.highest.end)}`
                  : 'No readings'}
              </td>
              <td className="number">{meter.estimated.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Every day with each meter's use: what the chart draws, as numbers. */
export function CompareDays(props: { meters: ComparedMeter[]; rows: CompareRow[]; clock: LocalTime }) {
  return (
    <TableRegion label="Each day compared" className="compare-table">
      <table>
        <caption className="visually-hidden">Each day, each meter’s use</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {props.meters.map((meter) => (
              <th key={meter.id} scope="col" className="number">
                {meter.name} ({meter.unit})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.start}>
              <th scope="row">{formatDay(props.clock, row.start)}</th>
              {row.values.map((value, i) => (
                <td key={props.meters[i]?.id ?? i} className="number">
                  {value === null ? '–' : formatQuantity(value, '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
