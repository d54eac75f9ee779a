/**
 * When energy is used, as tables a screen reader can walk: the hour × weekday heatmap (each cell's number
 * is written in it, its shade only repeats it) and the average day's shape on weekdays and weekends, with a
 * one-sentence summary first. Shared by Why this bill and an opened file's summary.
 */
import type { DayShape, WeekHeatmap } from '../../espi/index.ts';
import { HOURS, WEEKDAYS } from '../../espi/index.ts';
import { DISPLAY_LOCALE } from '../../espi/index.ts';
import { TableRegion } from '../ui/table-region.tsx';
import './profile-tables.css';

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const number = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The highest average hour, for the summary sentence. */
function peakOf(values: readonly number[]): { hour: number; value: number } | undefined {
  let peak: { hour: number; value: number } | undefined;
  values.forEach((value, hour) => {
    if (!Number.isNaN(value) && (!peak || value > peak.value)) peak = { hour, value };
  });
  return peak;
}

export function DayShapeTable(props: { shape: DayShape; unit: string }) {
  const { shape, unit } = props;
  const weekdayPeak = peakOf(shape.weekday);
  const weekendPeak = peakOf(shape.weekend);
  return (
    <section aria-labelledby="day-shape-title" className="profile">
      <h3 id="day-shape-title">The average day</h3>
      <p>
        {weekdayPeak &&
          `On weekdays use peaks at ${hourLabel(weekdayPeak.hour)} (${number.format(weekdayPeak.value)} ${unit} in that hour)`}
        {weekdayPeak && weekendPeak && '; '}
        {weekendPeak &&
          `on weekends at ${hourLabel(weekendPeak.hour)} (${number.format(weekendPeak.value)} ${unit})`}
        .{` Averaged over ${shape.weekdayDays} weekdays and ${shape.weekendDays} weekend days.`}
      </p>
      <TableRegion label="The average day, hour by hour">
        <table className="profile-table">
          <caption>Average use in each hour, {unit}</caption>
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col">Weekdays</th>
              <th scope="col">Weekends</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: HOURS }, (_, hour) => (
              <tr key={hour}>
                <th scope="row">{hourLabel(hour)}</th>
                <td>{formatCell(shape.weekday[hour])}</td>
                <td>{formatCell(shape.weekend[hour])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

const formatCell = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '–' : number.format(value);

export function HeatmapTable(props: { heatmap: WeekHeatmap; unit: string; from: string; to: string }) {
  const { heatmap, unit } = props;
  const values = heatmap.cells.filter((v) => !Number.isNaN(v));
  const max = Math.max(0, ...values);
  const peakSlot = heatmap.cells.findIndex((v) => v === max);
  return (
    <section aria-labelledby="heatmap-title" className="profile">
      <h3 id="heatmap-title">Hour by weekday</h3>
      <p>
        The average use of each hour of each weekday, {props.from} to {props.to}; darker is more.
        {peakSlot >= 0 &&
          ` The busiest hour is ${WEEKDAY_NAMES[Math.floor(peakSlot / HOURS)]} ${hourLabel(peakSlot % HOURS)} (${number.format(max)} ${unit}).`}
      </p>
      <TableRegion label="Hour by weekday heatmap" className="heatmap-wrap">
        <table className="heatmap">
          <caption>Average use in each hour, {unit}: weekdays down, hours across</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {Array.from({ length: HOURS }, (_, hour) => (
                <th scope="col" key={hour} aria-label={hourLabel(hour)}>
                  {String(hour).padStart(2, '0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((weekday) => (
              <tr key={weekday}>
                <th scope="row">{WEEKDAY_NAMES[weekday - 1]}</th>
                {Array.from({ length: HOURS }, (_, hour) => {
                  const value = heatmap.cells[(weekday - 1) * HOURS + hour] ?? NaN;
                  const level =
                    max > 0 && !Number.isNaN(value) ? Math.min(4, Math.floor((value / max) * 5)) : -1;
                  return (
                    <td key={hour} className={level < 0 ? 'heat heat--none' : `heat heat--${level}`}>
                      {formatCell(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
