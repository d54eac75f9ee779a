/**
 * When in the day and the week energy is used, from hourly buckets (precompute.ts makes them in the
 * worker): the average of each hour of each weekday (a 7 × 24 heatmap) and, from the same sums, the
 * average day's shape on weekdays and on weekends. Each bucket counts at the local hour it starts, so the
 * fall-back day's repeated hour adds a second sample to that hour and the spring-forward day none to the
 * skipped one: an average per hour stays an average of real hours.
 */
import type { Aggregation } from '../aggregate.ts';
import { lowerBound } from '../aggregate.ts';
import type { LocalTime } from '../local-time.ts';

export const HOURS = 24;
/** ISO weekdays, Monday (1) first, as the rows of the heatmap. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const isWeekend = (isoWeekday: number) => isoWeekday >= 6;

export interface WeekHeatmap {
  /** The local days averaged: [start, end) epoch seconds. */
  start: number;
  end: number;
  /** Average use per hour, row-major: row (ISO weekday - 1), column the local hour. NaN where no data. */
  cells: number[];
  /** Hours of data behind each cell. */
  samples: number[];
}

export interface DayShape {
  /** Average use in each local hour 0..23; NaN where no data. */
  weekday: number[];
  weekend: number[];
  /** Local days with data of each kind. */
  weekdayDays: number;
  weekendDays: number;
}

export interface HourlyProfile {
  heatmap: WeekHeatmap;
  dayShape: DayShape;
}

/** The profile of the hourly buckets of `hours` starting in [start, end). */
export function hourlyProfile(
  hours: Aggregation,
  clock: LocalTime,
  start: number,
  end: number,
): HourlyProfile {
  const sums = new Array<number>(7 * HOURS).fill(0);
  const samples = new Array<number>(7 * HOURS).fill(0);
  let weekdayDays = 0;
  let weekendDays = 0;
  let lastDay = '';
  const from = lowerBound(hours.start, hours.count, start);
  for (let i = from; i < hours.count; i++) {
    const at = hours.start[i] ?? Infinity;
    if (at >= end) break;
    const value = hours.value[i] ?? NaN;
    if (Number.isNaN(value)) continue;
    const p = clock.toLocal(at);
    const slot = (p.weekday - 1) * HOURS + p.hour;
    sums[slot] = (sums[slot] ?? 0) + value;
    samples[slot] = (samples[slot] ?? 0) + 1;
    const day = `${p.year}-${p.month}-${p.day}`;
    if (day !== lastDay) {
      lastDay = day;
      if (isWeekend(p.weekday)) weekendDays += 1;
      else weekdayDays += 1;
    }
  }
  const cells = sums.map((sum, slot) => ((samples[slot] ?? 0) > 0 ? sum / (samples[slot] ?? 1) : NaN));
  const shape = (weekend: boolean) =>
    Array.from({ length: HOURS }, (_, hour) => {
      let sum = 0;
      let n = 0;
      for (const weekday of WEEKDAYS) {
        if (isWeekend(weekday) !== weekend) continue;
        const slot = (weekday - 1) * HOURS + hour;
        sum += sums[slot] ?? 0;
        n += samples[slot] ?? 0;
      }
      return n > 0 ? sum / n : NaN;
    });
  return {
    heatmap: { start, end, cells, samples },
    dayShape: { weekday: shape(false), weekend: shape(true), weekdayDays, weekendDays },
  };
}
