/**
 * Axis ticks on the custodian's local clock: at local midnights, month starts or whole hours, never at
 * the arbitrary seconds a linear scale would pick, never at or past the range's end (the midnight after
 * the last day would be labelled with a day not shown), and never closer than their labels are wide.
 */
import type { LocalTime } from '../../../espi/index.ts';
import { formatDay, formatHour, formatMonth, formatMonthDay } from './format-time.ts';

export type TickUnit = 'hour' | 'day' | 'month';

const HOUR_STEPS = [1, 2, 3, 6, 12];
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12];

const UNITS: readonly TickUnit[] = ['hour', 'day', 'month'];

/** At most `maxTicks` ticks in [start, end), on the coarsest-fitting local boundaries, none finer than `finest`. */
export function timeTicks(
  clock: LocalTime,
  start: number,
  end: number,
  maxTicks: number,
  finest: TickUnit = 'hour',
): { ticks: number[]; unit: TickUnit } {
  const span = end - start;
  const limit = Math.max(1, maxTicks);
  const allowed = (unit: TickUnit) => UNITS.indexOf(unit) >= UNITS.indexOf(finest);
  const hourStep = allowed('hour') ? HOUR_STEPS.find((h) => span / (h * 3600) <= limit) : undefined;
  if (hourStep !== undefined) {
    const ticks: number[] = [];
    for (let t = clock.startOfLocalHour(start); t < end; t += 3600) {
      if (t >= start && clock.toLocal(t).hour % hourStep === 0) ticks.push(t);
    }
    return { ticks, unit: 'hour' };
  }
  const dayStep = allowed('day') ? DAY_STEPS.find((d) => span / (d * 86400) <= limit) : undefined;
  if (dayStep !== undefined) {
    const ticks: number[] = [];
    let t = clock.startOfLocalDay(start);
    if (t < start) t = clock.addLocalDays(t, 1);
    for (let i = 0; t < end; i++, t = clock.addLocalDays(t, 1)) {
      if (i % dayStep === 0) ticks.push(t);
    }
    return { ticks, unit: 'day' };
  }
  const monthStep = MONTH_STEPS.find((m) => span / (m * 30.44 * 86400) <= limit) ?? 12;
  const ticks: number[] = [];
  let t = clock.startOfLocalMonth(start);
  if (t < start) t = clock.addLocalMonths(t, 1);
  for (; t < end; t = clock.addLocalMonths(t, 1)) {
    if ((clock.toLocal(t).month - 1) % monthStep === 0) ticks.push(t);
  }
  return { ticks, unit: 'month' };
}

export interface AxisTick {
  /** Where the tick stands, epoch seconds. */
  at: number;
  label: string;
}

/** Pixels per character of a 12 px axis label (the widest digits and capitals), and between two labels. */
export const LABEL_CHAR_PX = 7.5;
const LABEL_GAP_PX = 12;

export function labelWidth(label: string): number {
  return label.length * LABEL_CHAR_PX;
}

function tickLabel(clock: LocalTime, unit: TickUnit, t: number, first: boolean): string {
  const p = clock.toLocal(t);
  if (unit === 'month')
    return first || p.month === 1 ? formatMonth(clock, t) : formatMonth(clock, t, 'short');
  if (unit === 'day') return p.month === 1 && p.day === 1 ? formatDay(clock, t) : formatMonthDay(clock, t);
  return p.hour === 0 || first ? formatMonthDay(clock, t) : formatHour(clock, t);
}

function nextBoundary(clock: LocalTime, unit: TickUnit, t: number): number {
  if (unit === 'hour') return t + 3600;
  if (unit === 'day') return clock.addLocalDays(t, 1);
  return clock.addLocalMonths(t, 1);
}

/**
 * Labelled ticks for an axis `plotWidth` pixels wide over [start, end): as many as fit without two labels
 * touching or one running off the chart (labels may reach `room.left` and `room.right` pixels past the plot,
 * over the value axes). Month labels carry the year on the first and on each January. `centredOn` (the bars' bucket) ticks no finer than
 * the bars and puts a tick of that unit in the middle of its bucket, under its bar, not between two bars.
 */
export function axisTicks(
  clock: LocalTime,
  start: number,
  end: number,
  plotWidth: number,
  centredOn?: TickUnit,
  room: { left: number; right: number } = { left: 0, right: 0 },
): AxisTick[] {
  const x = (t: number) => ((t - start) / (end - start)) * plotWidth;
  const fits = (tick: AxisTick) => {
    const half = labelWidth(tick.label) / 2;
    return x(tick.at) - half >= -room.left && x(tick.at) + half <= plotWidth + room.right;
  };
  for (let max = Math.max(1, Math.floor(plotWidth / 40)); max >= 1; max--) {
    const { ticks, unit } = timeTicks(clock, start, end, max, centredOn);
    const placed = ticks.map((t) => ({
      t,
      at: unit === centredOn ? (t + Math.min(end, nextBoundary(clock, unit, t))) / 2 : t,
    }));
    const inside = placed
      .filter(({ t, at }) => fits({ at, label: tickLabel(clock, unit, t, false) }))
      .map(({ t, at }, i) => ({ at, label: tickLabel(clock, unit, t, i === 0) }));
    const apart = inside.every((tick, i) => {
      const next = inside[i + 1];
      if (!next) return true;
      const space = (labelWidth(tick.label) + labelWidth(next.label)) / 2 + LABEL_GAP_PX;
      return x(next.at) - x(tick.at) >= space;
    });
    if (apart && inside.length > 0 && inside.every(fits)) return inside;
  }
  return [];
}
