/**
 * Properties of local-time aggregation in five zones (src/testing/zones.ts), checked against Intl's IANA
 * rules rather than against the clock under test: totals kept, every reading counted once, days cut at
 * local midnight with 23, 24 or 25 hours (23.5 and 24.5 on Lord Howe Island), hours cut on the local hour.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, type Aggregation } from './aggregate.ts';
import { civilFromDays } from './local-time.ts';
import { NO_QUALITY, type MeterReading } from './model.ts';
import { RULES_SPAN, TEST_ZONES, clockOf, intlOffset, type TestZone } from '../testing/zones.ts';
import { millisOf } from './time-units.ts';

const HOUR = 3600;
const DAY = 86_400;
const FIRST_DAY = RULES_SPAN.start / DAY + 1;
const LAST_DAY = RULES_SPAN.end / DAY - 12;

/** Local calendar day (days since 1970-01-01) of an instant, by Intl. */
const intlDay = (iana: string, t: number) => Math.floor((t + intlOffset(iana, t)) / DAY);

interface Drawn {
  readings: MeterReading;
  total: number;
}

/** Back-to-back readings of `step` seconds from a local midnight over `days` local days, some left out. */
const readingsIn = (zone: TestZone) =>
  fc
    .record({
      firstDay: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
      days: fc.integer({ min: 1, max: 8 }),
      step: fc.constantFrom(900, 1800, 3600),
      values: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 }),
      dropped: fc.array(fc.nat(), { maxLength: 20 }),
    })
    .map(({ firstDay, days, step, values, dropped }): Drawn => {
      const clock = clockOf(zone);
      const from = civilFromDays(firstDay);
      const start = clock.fromLocal(from.year, from.month, from.day);
      const end = clock.addLocalDays(start, days);
      const count = Math.floor((end - start) / step);
      const skip = new Set(dropped.map((i) => i % count));
      const kept = Array.from({ length: count }, (_, i) => i).filter((i) => !skip.has(i));
      const value = (i: number) => values[i % values.length] ?? 0;
      return {
        readings: {
          meta: { relatedHrefs: [] },
          blocks: [],
          readings: {
            count: kept.length,
            start: Float64Array.from(kept, (i) => start + i * step),
            duration: Uint32Array.from(kept, () => step),
            value: Float64Array.from(kept, value),
            quality: new Uint8Array(kept.length).fill(NO_QUALITY),
          },
        },
        total: kept.reduce((sum, i) => sum + value(i), 0),
      };
    });

function bucketSums(agg: Aggregation): { total: number; readings: number } {
  let total = 0;
  let readings = 0;
  for (let i = 0; i < agg.count; i++) {
    const v = agg.value[i] ?? NaN;
    if (!Number.isNaN(v)) total += v;
    readings += agg.readings[i] ?? 0;
  }
  return { total, readings };
}

function expectContiguous(agg: Aggregation) {
  for (let i = 1; i < agg.count; i++) expect(agg.start[i]).toBe(agg.end[i - 1]);
}

/** Each hour bucket starts on a local hour, or where the clock shifts (Lord Howe's 02:00 becomes 02:30). */
function expectLocalHours(zone: TestZone, agg: Aggregation) {
  for (let i = 0; i < agg.count; i++) {
    const start = agg.start[i] ?? NaN;
    const onTheHour = (start + intlOffset(zone.iana, start)) % HOUR === 0;
    const clockShifts = intlOffset(zone.iana, start - 1) !== intlOffset(zone.iana, start);
    expect(onTheHour || clockShifts, `hour bucket at ${new Date(millisOf(start)).toISOString()}`).toBe(true);
    expect((agg.end[i] ?? NaN) - start).toBeLessThanOrEqual(HOUR);
  }
}

describe.each(TEST_ZONES)('local-time aggregation in $iana', (zone) => {
  const clock = clockOf(zone);

  it('has the offset Intl has, at any instant and either side of each DST change', () => {
    fc.assert(
      fc.property(fc.integer({ min: RULES_SPAN.start, max: RULES_SPAN.end }), (t) => {
        expect(clock.offsetAt(t)).toBe(intlOffset(zone.iana, t));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 2010, max: 2035 }), (year) => {
        const shifts = clock.dstTransitions(year);
        for (const t of shifts ? [shifts.start, shifts.end] : []) {
          expect(clock.offsetAt(t - 1)).toBe(intlOffset(zone.iana, t - 1));
          expect(clock.offsetAt(t)).toBe(intlOffset(zone.iana, t));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('cuts days at local midnight, keeps the total and counts every reading once, in its own day', () => {
    fc.assert(
      fc.property(readingsIn(zone), ({ readings, total }) => {
        const agg = aggregate(readings, { resolution: 'day', clock });
        expect(bucketSums(agg)).toEqual({ total, readings: readings.readings.count });
        expectContiguous(agg);
        const r = readings.readings;
        let k = 0;
        for (let i = 0; i < agg.count; i++) {
          const start = agg.start[i] ?? NaN;
          const end = agg.end[i] ?? NaN;
          expect((start + intlOffset(zone.iana, start)) % DAY).toBe(0);
          expect((end + intlOffset(zone.iana, end)) % DAY).toBe(0);
          expect(zone.dayHours).toContain((end - start) / HOUR);
          const day = intlDay(zone.iana, start);
          let inDay = 0;
          while (k < r.count && intlDay(zone.iana, r.start[k] ?? NaN) === day) {
            inDay++;
            k++;
          }
          expect(agg.readings[i]).toBe(inDay);
        }
        expect(k).toBe(r.count);
      }),
      { numRuns: 60 },
    );
  });

  it('cuts hours on the local hour, or where the clock shifts, and keeps the total', () => {
    fc.assert(
      fc.property(readingsIn(zone), ({ readings, total }) => {
        const agg = aggregate(readings, { resolution: 'hour', clock });
        expect(bucketSums(agg)).toEqual({ total, readings: readings.readings.count });
        expectContiguous(agg);
        expectLocalHours(zone, agg);
      }),
      { numRuns: 40 },
    );
  });

  it.runIf(zone.dayHours.length > 1)('gives the DST days their true length in hour and day buckets', () => {
    const empty: MeterReading = {
      meta: { relatedHrefs: [] },
      blocks: [],
      readings: {
        count: 0,
        start: new Float64Array(0),
        duration: new Uint32Array(0),
        value: new Float64Array(0),
        quality: new Uint8Array(0),
      },
    };
    fc.assert(
      fc.property(fc.integer({ min: 2010, max: 2035 }), fc.boolean(), (year, springForward) => {
        const shifts = clock.dstTransitions(year);
        if (!shifts) throw new Error(`${zone.iana} has no DST in ${year}`);
        const shift = springForward ? shifts.start : shifts.end;
        const range = {
          start: clock.startOfLocalDay(shift),
          end: clock.addLocalDays(clock.startOfLocalDay(shift), 1),
        };
        const dst = (zone.rules.dstOffset ?? 0) / HOUR;
        const hours = springForward ? 24 - dst : 24 + dst;
        const days = aggregate(empty, { resolution: 'day', clock, range });
        expect(days.count).toBe(1);
        expect(((days.end[0] ?? NaN) - (days.start[0] ?? NaN)) / HOUR).toBe(hours);
        expect(range.end - range.start).toBe(
          DAY + intlOffset(zone.iana, range.start) - intlOffset(zone.iana, range.end),
        );
        const hourly = aggregate(empty, { resolution: 'hour', clock, range });
        expect(hourly.count).toBe(Math.ceil(hours));
        expect(hourly.end[hourly.count - 1]).toBe(range.end);
        expectLocalHours(zone, hourly);
      }),
      { numRuns: 30 },
    );
  });
});
