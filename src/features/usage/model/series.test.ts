import { describe, expect, it } from 'vitest';
import {
  createLocalTime,
  type MeterReading,
  NO_QUALITY,
  type UsagePoint,
  usZoneRules,
} from '../../../espi/index.ts';
import { rangeBounds } from './range.ts';
import { buildChartData, UNKNOWN_UNIT, withComparison } from './series.ts';

const clock = createLocalTime(undefined, usZoneRules('Pacific'));
const HOUR = 3600;

function meterReading(
  flowDirection: number,
  start: number,
  hours: number,
  wh: (i: number) => number,
  skip: (i: number) => boolean = () => false,
): MeterReading {
  const idx = Array.from({ length: hours }, (_, i) => i).filter((i) => !skip(i));
  return {
    meta: { relatedHrefs: [] },
    readingType: {
      meta: { relatedHrefs: [] },
      flowDirection,
      uom: 72,
      powerOfTenMultiplier: 0,
      intervalLength: HOUR,
      currency: 840,
    },
    blocks: [],
    readings: {
      count: idx.length,
      start: Float64Array.from(idx, (i) => start + i * HOUR),
      duration: new Uint32Array(idx.length).fill(HOUR),
      value: Float64Array.from(idx, wh),
      cost: Float64Array.from(idx, () => 20_000),
      quality: Uint8Array.from(idx, (i) => (i === 2 ? 9 : NO_QUALITY)),
    },
  };
}

const usagePoint = (...meterReadings: MeterReading[]): UsagePoint => ({
  meta: { relatedHrefs: [] },
  serviceKind: 0,
  meterReadings,
  usageSummaries: [],
});

// 1 November 2026, Pacific: DST ends, the day has 25 hours. Three days from 31 October.
const range = { from: '2026-10-31', to: '2026-11-02' };
const bounds = rangeBounds(range, clock);
const hours = (bounds.end - bounds.start) / HOUR;

describe('buildChartData', () => {
  const delivered = meterReading(
    1,
    bounds.start,
    hours,
    () => 1000,
    (i) => i >= 30 && i < 33,
  );
  const received = meterReading(19, bounds.start, hours, (i) => (i % 24 === 12 ? 4000 : 0));

  it('sums local days, the 25-hour one included, and leaves a gap-only bucket null', () => {
    const data = buildChartData(usagePoint(meterReading(1, bounds.start, hours, () => 1000)), {
      resolution: 'day',
      clock,
      bounds,
    });
    expect(data.rows.map((r) => r.delivered)).toEqual([24, 25, 24]);
    expect(data.flows).toEqual(['delivered']);
    expect(data.rows[0]?.estimated).toBe(1);
    expect(data.rows[0]?.cost).toBeCloseTo(24 * 0.2);
  });

  it('shows delivered, received and net for a net-metered usage point, never added together', () => {
    const data = buildChartData(usagePoint(delivered, received), { resolution: 'day', clock, bounds });
    expect(data.flows).toEqual(['delivered', 'received', 'net']);
    expect(data.rows[1]?.delivered).toBe(22); // 25 hours, 3 missing
    expect(data.rows[1]?.received).toBe(4);
    expect(data.rows[1]?.net).toBe(18);
  });

  it('breaks the interval line at a gap with a null row', () => {
    const data = buildChartData(usagePoint(delivered, received), { resolution: 'interval', clock, bounds });
    const gapAt = data.rows.findIndex((r) => r.delivered === null);
    expect(gapAt).toBe(30);
    expect(data.rows[gapAt]?.start).toBe(bounds.start + 30 * HOUR);
    expect(data.rows.filter((r) => r.delivered !== null)).toHaveLength(hours - 3);
    expect(data.rows[0]?.net).toBe(1);
  });

  it('falls back to months when the feed names no billing periods', () => {
    const data = buildChartData(usagePoint(delivered), { resolution: 'billing', clock, bounds });
    expect(data.resolution).toBe('month');
    expect(data.rows).toHaveLength(2);
  });

  it('lays the year-earlier buckets over the current ones', () => {
    const current = buildChartData(usagePoint(delivered, received), { resolution: 'day', clock, bounds });
    const earlierBounds = rangeBounds({ from: '2025-10-31', to: '2025-11-02' }, clock);
    const earlierHours = (earlierBounds.end - earlierBounds.start) / HOUR;
    const earlier = buildChartData(
      usagePoint(
        meterReading(1, earlierBounds.start, earlierHours, () => 2000),
        meterReading(19, earlierBounds.start, earlierHours, () => 0),
      ),
      { resolution: 'day', clock, bounds: earlierBounds },
    );
    // 2 November 2025 was the fall-back day there.
    expect(withComparison(current, earlier).rows.map((r) => r.compare)).toEqual([48, 48, 50]);
  });
});

describe('a reading without a ReadingType', () => {
  it('is charted in its raw values as of an unknown unit, never "none"', () => {
    const bare = meterReading(1, bounds.start, 24, (i) => 1_000_000 + i);
    delete bare.readingType;
    const data = buildChartData(usagePoint(bare), { resolution: 'hour', clock, bounds });
    expect(data.unit).toBe(UNKNOWN_UNIT);
    expect(data.rows[0]?.delivered).toBe(1_000_000);
  });
});

describe('partial periods', () => {
  // Hourly readings from 20 October to 10 November 2026, Pacific.
  const dataStart = rangeBounds({ from: '2026-10-20', to: '2026-10-20' }, clock).start;
  const dataEnd = rangeBounds({ from: '2026-11-10', to: '2026-11-10' }, clock).end;
  const point = usagePoint(meterReading(1, dataStart, (dataEnd - dataStart) / HOUR, () => 1000));
  const partials = (from: string, to: string, resolution: 'month' | 'billing' | 'day') =>
    buildChartData(point, { resolution, clock, bounds: rangeBounds({ from, to }, clock) }).rows.map(
      (r) => r.partial,
    );

  it('marks the months the data starts or ends in with the days it covers', () => {
    expect(partials('2026-10-01', '2026-11-30', 'month')).toEqual([
      { days: 12, periodDays: 31 },
      { days: 10, periodDays: 30 },
    ]);
  });

  it('marks a month the range cuts, and not a month covered whole', () => {
    const whole = buildChartData(point, {
      resolution: 'month',
      clock,
      bounds: rangeBounds({ from: '2026-10-25', to: '2026-11-10' }, clock),
    });
    expect(whole.rows.map((r) => r.partial)).toEqual([
      { days: 7, periodDays: 31 },
      { days: 10, periodDays: 30 },
    ]);
  });

  it('marks no day: partial periods are months and billing periods', () => {
    expect(partials('2026-10-20', '2026-10-22', 'day').every((p) => p === undefined)).toBe(true);
  });

  it('marks the current billing period, continued from those given, as partial', () => {
    const day = (date: string) => rangeBounds({ from: date, to: date }, clock).start;
    const billed: UsagePoint = {
      ...point,
      usageSummaries: [
        {
          meta: { relatedHrefs: [] },
          element: 'UsageSummary',
          billingPeriod: { start: day('2026-09-15'), duration: day('2026-10-15') - day('2026-09-15') },
        },
      ],
    };
    const data = buildChartData(billed, {
      resolution: 'billing',
      clock,
      bounds: rangeBounds({ from: '2026-10-15', to: '2026-11-14' }, clock),
    });
    expect(data.resolution).toBe('billing');
    // October 15 to November 14; the readings run from October 20 to November 10.
    expect(data.rows.map((r) => r.partial)).toEqual([{ days: 22, periodDays: 31 }]);
  });
});
