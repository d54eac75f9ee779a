/**
 * Properties of the period model in five zones (src/testing/zones.ts), checked against Intl's IANA rules:
 * periods follow one another without gap or overlap, start and end at local midnight, keep their cycle
 * (monthly on the same day, or the same number of local days) past the last period given, and a reading
 * aggregated by them is counted once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.ts';
import { civilFromDays, type LocalTime } from './local-time.ts';
import { NO_QUALITY, type DateTimeInterval, type MeterReading } from './model.ts';
import { coverageOf, currentAndPrevious, localDaysBetween, periodsCovering, type Period } from './periods.ts';
import { RULES_SPAN, TEST_ZONES, clockOf, intlOffset, type TestZone } from '../testing/zones.ts';

const DAY = 86_400;

/** The local date of an instant by Intl, and whether it is a local midnight. */
function intlDate(zone: TestZone, t: number) {
  const local = t + intlOffset(zone.iana, t);
  return { ...civilFromDays(Math.floor(local / DAY)), midnight: local % DAY === 0 };
}

/** Billing cycles as custodians cut them: monthly on a day of the month, or every so many days. */
const cycles = fc.oneof(
  fc.record({ monthlyOn: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ everyDays: fc.integer({ min: 27, max: 35 }) }),
);

interface Drawn {
  given: DateTimeInterval[];
  cycle: { monthlyOn: number } | { everyDays: number };
  to: number;
}

const billingIn = (zone: TestZone) =>
  fc
    .record({
      year: fc.integer({ min: 2010, max: 2033 }),
      month: fc.integer({ min: 1, max: 12 }),
      cycle: cycles,
      extra: fc.integer({ min: 0, max: 2 }),
      after: fc.integer({ min: 1, max: 400 }),
    })
    .map(({ year, month, cycle, extra, after }): Drawn => {
      const clock = clockOf(zone);
      // One period from April 1 to May 1 may be monthly or 30-day; three of a fixed length never look monthly.
      const given = ('monthlyOn' in cycle ? 1 : 3) + extra;
      let start =
        'monthlyOn' in cycle
          ? clock.fromLocal(year, month, cycle.monthlyOn)
          : clock.fromLocal(year, month, 1);
      const periods: DateTimeInterval[] = [];
      for (let i = 0; i < given; i++) {
        const end =
          'monthlyOn' in cycle ? clock.addLocalMonths(start, 1) : clock.addLocalDays(start, cycle.everyDays);
        periods.push({ start, duration: end - start });
        start = end;
      }
      return { given: periods, cycle, to: clock.addLocalDays(start, after) - 1 };
    });

function expectTiled(zone: TestZone, periods: readonly Period[], from: number, to: number) {
  expect(periods[0]?.start).toBeLessThanOrEqual(from);
  expect(periods.at(-1)?.end).toBeGreaterThanOrEqual(to);
  periods.forEach((p, i) => {
    if (i > 0) expect(p.start).toBe(periods[i - 1]?.end);
    expect(intlDate(zone, p.start).midnight).toBe(true);
    expect(intlDate(zone, p.end).midnight).toBe(true);
  });
}

/** Hourly readings of 1 to 9 Wh over [start, end). */
function hourly(start: number, end: number): { reading: MeterReading; total: number } {
  const count = Math.floor((end - start) / 3600);
  const value = Float64Array.from({ length: count }, (_, i) => (i % 9) + 1);
  return {
    reading: {
      meta: { relatedHrefs: [] },
      blocks: [],
      readings: {
        count,
        start: Float64Array.from({ length: count }, (_, i) => start + i * 3600),
        duration: new Uint32Array(count).fill(3600),
        value,
        quality: new Uint8Array(count).fill(NO_QUALITY),
      },
    },
    total: value.reduce((a, b) => a + b, 0),
  };
}

const periodAt = (clock: LocalTime, given: readonly DateTimeInterval[], at: number) =>
  currentAndPrevious(clock, given, at);

describe.each(TEST_ZONES)('periods in $iana', (zone) => {
  const clock = clockOf(zone);

  it('continues the billing cycle given, from local midnight to local midnight, with no gap', () => {
    fc.assert(
      fc.property(billingIn(zone), ({ given, cycle, to }) => {
        const from = given[0]?.start ?? 0;
        const periods = periodsCovering(clock, given, from, to);
        expectTiled(zone, periods, from, to);
        for (const p of periods.slice(given.length)) {
          if ('monthlyOn' in cycle) {
            expect(intlDate(zone, p.start).day).toBe(cycle.monthlyOn);
            expect(intlDate(zone, p.end).day).toBe(cycle.monthlyOn);
          } else {
            expect(localDaysBetween(clock, p.start, p.end)).toBe(cycle.everyDays);
          }
        }
        const now = periodAt(clock, given, to - 1);
        expect(now?.current.start).toBeLessThanOrEqual(to - 1);
        expect(now?.current.end).toBeGreaterThan(to - 1);
        expect(now?.previous?.end).toBe(now?.current.start);
      }),
      { numRuns: 60 },
    );
  });

  it('cuts calendar months on the 1st at local midnight when no billing period is given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: RULES_SPAN.start, max: RULES_SPAN.end - 800 * DAY }),
        fc.integer({ min: 1, max: 800 }),
        (from, days) => {
          const to = from + days * DAY;
          const months = periodsCovering(clock, [], from, to);
          expectTiled(zone, months, from, to);
          for (const m of months) {
            expect(intlDate(zone, m.start).day).toBe(1);
            expect([28, 29, 30, 31]).toContain(localDaysBetween(clock, m.start, m.end));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts each reading once when aggregated by period, and knows partial periods', () => {
    fc.assert(
      fc.property(billingIn(zone), fc.integer({ min: 0, max: 20 }), ({ given, to }, lateDays) => {
        const dataStart = clock.addLocalDays(given[0]?.start ?? 0, lateDays);
        const { reading, total } = hourly(dataStart, to);
        const periods = periodsCovering(clock, given, dataStart, to);
        const agg = aggregate(reading, {
          resolution: 'billingPeriod',
          clock,
          billingPeriods: periods.map((p) => ({ start: p.start, duration: p.end - p.start })),
        });
        let sum = 0;
        let readings = 0;
        for (let i = 0; i < agg.count; i++) {
          sum += Number.isNaN(agg.value[i]) ? 0 : (agg.value[i] ?? 0);
          readings += agg.readings[i] ?? 0;
        }
        expect({ sum, readings }).toEqual({ sum: total, readings: reading.readings.count });
        const dataEnd = (reading.readings.start.at(-1) ?? 0) + 3600;
        for (const p of periods) {
          const coverage = coverageOf(clock, p, dataStart, dataEnd);
          expect(coverage.days).toBeLessThanOrEqual(coverage.periodDays);
          expect(coverage.partial).toBe(p.start < dataStart || p.end > dataEnd);
          if (!coverage.partial) expect(coverage.days).toBe(coverage.periodDays);
        }
      }),
      { numRuns: 40 },
    );
  });
});
