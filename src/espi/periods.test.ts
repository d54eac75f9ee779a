import { describe, expect, it } from 'vitest';
import { createLocalTime, usZoneRules } from './local-time.ts';
import type { UsageSummary } from './model.ts';
import {
  coverageOf,
  currentAndPrevious,
  cycleOf,
  givenBillingPeriods,
  localDaysBetween,
  nextPeriod,
  periodsCovering,
} from './periods.ts';

const pacific = createLocalTime(undefined, usZoneRules('Pacific'));
const local = (y: number, m: number, d: number) => pacific.fromLocal(y, m, d);
const interval = (start: number, end: number) => ({ start, duration: end - start });

function summary(start: number, end: number): UsageSummary {
  return { meta: { relatedHrefs: [] }, element: 'UsageSummary', billingPeriod: interval(start, end) };
}

describe('billing periods', () => {
  it('reads the UsageSummary billing periods oldest first, without repeats or empty ones', () => {
    const sep = summary(local(2026, 9, 1), local(2026, 10, 1));
    const oct = summary(local(2026, 10, 1), local(2026, 11, 1));
    const empty = summary(local(2026, 8, 1), local(2026, 8, 1));
    expect(givenBillingPeriods([oct, sep, oct, empty])).toEqual([sep.billingPeriod, oct.billingPeriod]);
  });

  it('ends the current period after a monthly cycle on the same day of the next month: Nov 1 to Dec 1', () => {
    // October 2026 ends the day before DST does; its length in seconds would put the end at Dec 1, 23:00.
    const october = { start: local(2026, 10, 1), end: local(2026, 11, 1), kind: 'billing' as const };
    expect(cycleOf(pacific, [october])).toEqual({ months: 1 });
    const current = nextPeriod(pacific, october, { months: 1 });
    expect(current).toEqual({ start: local(2026, 11, 1), end: local(2026, 12, 1), kind: 'billing' });
    expect(localDaysBetween(pacific, current.start, current.end)).toBe(30);
  });

  it('keeps a cycle on the 15th on the 15th, and a 30-day cycle at 30 local days across DST', () => {
    const fifteenth = { start: local(2026, 1, 15), end: local(2026, 2, 15), kind: 'billing' as const };
    expect(nextPeriod(pacific, fifteenth, cycleOf(pacific, [fifteenth])).end).toBe(local(2026, 3, 15));
    const thirtyDays = { start: local(2026, 2, 10), end: local(2026, 3, 12), kind: 'billing' as const };
    const before = { start: local(2026, 1, 11), end: local(2026, 2, 10), kind: 'billing' as const };
    expect(cycleOf(pacific, [before, thirtyDays])).toEqual({ days: 30 });
    expect(nextPeriod(pacific, thirtyDays, { days: 30 }).end).toBe(local(2026, 4, 11));
  });

  it('continues the billing periods given up to the range end, so the current one is there', () => {
    const given = [
      interval(local(2026, 9, 1), local(2026, 10, 1)),
      interval(local(2026, 10, 1), local(2026, 11, 1)),
    ];
    const periods = periodsCovering(pacific, given, local(2026, 9, 15), local(2026, 11, 27));
    expect(periods.map((p) => [p.start, p.end, p.kind])).toEqual([
      [local(2026, 9, 1), local(2026, 10, 1), 'billing'],
      [local(2026, 10, 1), local(2026, 11, 1), 'billing'],
      [local(2026, 11, 1), local(2026, 12, 1), 'billing'],
    ]);
  });

  it('falls back to calendar months of the local zone when no billing period is given', () => {
    const periods = periodsCovering(pacific, [], local(2026, 10, 20), local(2026, 11, 27));
    expect(periods).toEqual([
      { start: local(2026, 10, 1), end: local(2026, 11, 1), kind: 'month' },
      { start: local(2026, 11, 1), end: local(2026, 12, 1), kind: 'month' },
    ]);
  });

  it('names the current period and the one before, from the cycle or the calendar', () => {
    const oct = [interval(local(2026, 10, 1), local(2026, 11, 1))];
    expect(currentAndPrevious(pacific, oct, local(2026, 11, 27) - 1)).toEqual({
      current: { start: local(2026, 11, 1), end: local(2026, 12, 1), kind: 'billing' },
      previous: { start: local(2026, 10, 1), end: local(2026, 11, 1), kind: 'billing' },
    });
    // Data older than the first billing period given: calendar months.
    expect(currentAndPrevious(pacific, oct, local(2026, 9, 5))?.current.kind).toBe('month');
    expect(currentAndPrevious(pacific, [], local(2026, 1, 5))?.previous).toEqual({
      start: local(2025, 12, 1),
      end: local(2026, 1, 1),
      kind: 'month',
    });
  });
});

describe('coverage', () => {
  const november = { start: local(2026, 11, 1), end: local(2026, 12, 1) };

  it('knows a month holding 26 days of data, or one, as partial', () => {
    expect(coverageOf(pacific, november, local(2026, 10, 1), local(2026, 11, 27))).toEqual({
      days: 26,
      periodDays: 30,
      partial: true,
    });
    expect(coverageOf(pacific, november, local(2026, 11, 30), local(2027, 1, 1))).toEqual({
      days: 1,
      periodDays: 30,
      partial: true,
    });
  });

  it('knows a whole month as whole, its 25-hour day counted once', () => {
    expect(coverageOf(pacific, november, local(2026, 10, 1), local(2027, 1, 1))).toEqual({
      days: 30,
      periodDays: 30,
      partial: false,
    });
  });
});
