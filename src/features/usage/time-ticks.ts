/**
 * Axis ticks on the custodian's local clock: at local midnights, month starts or whole hours, never at
 * the arbitrary seconds a linear scale would pick, and never more than fit.
 */
import type { LocalTime } from '../../espi/local-time.ts';

export type TickUnit = 'hour' | 'day' | 'month';

const HOUR_STEPS = [1, 2, 3, 6, 12];
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12];

export function timeTicks(
  clock: LocalTime,
  start: number,
  end: number,
  maxTicks: number,
): { ticks: number[]; unit: TickUnit } {
  const span = end - start;
  const limit = Math.max(2, maxTicks);
  const hourStep = HOUR_STEPS.find((h) => span / (h * 3600) <= limit);
  if (hourStep !== undefined) {
    const ticks: number[] = [];
    for (let t = clock.startOfLocalHour(start); t <= end; t += 3600) {
      if (t >= start && clock.toLocal(t).hour % hourStep === 0) ticks.push(t);
    }
    return { ticks, unit: 'hour' };
  }
  const dayStep = DAY_STEPS.find((d) => span / (d * 86400) <= limit);
  if (dayStep !== undefined) {
    const ticks: number[] = [];
    let t = clock.startOfLocalDay(start);
    if (t < start) t = clock.addLocalDays(t, 1);
    for (let i = 0; t <= end; i++, t = clock.addLocalDays(t, 1)) {
      if (i % dayStep === 0) ticks.push(t);
    }
    return { ticks, unit: 'day' };
  }
  const monthStep = MONTH_STEPS.find((m) => span / (m * 30.44 * 86400) <= limit) ?? 12;
  const ticks: number[] = [];
  let t = clock.startOfLocalMonth(start);
  if (t < start) t = clock.addLocalMonths(t, 1);
  for (; t <= end; t = clock.addLocalMonths(t, 1)) {
    if ((clock.toLocal(t).month - 1) % monthStep === 0) ticks.push(t);
  }
  return { ticks, unit: 'month' };
}
