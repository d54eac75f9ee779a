import { describe, expect, it } from 'vitest';
import { aggregate, aggregateByFlowDirection, netOf, totalsOf } from './aggregate.ts';
import { createLocalTime } from './local-time.ts';
import { NO_QUALITY, type MeterReading, type ReadingType } from './model.ts';

const eastern = createLocalTime({
  meta: { relatedHrefs: [] },
  tzOffset: -18000,
  dstOffset: 3600,
  dstStartRule: 0x360e2000,
  dstEndRule: 0xb40e2000,
});
const utc = (iso: string) => Date.parse(iso) / 1000;
const at = (column: ArrayLike<number>, i: number): number => {
  const v = column[i];
  if (v === undefined) throw new Error(`no bucket ${i}`);
  return v;
};

function readingType(fields: Omit<ReadingType, 'meta'>): ReadingType {
  return { meta: { relatedHrefs: [] }, ...fields };
}

/** Readings of `step` seconds from `start`; value(i) raw; optional costs and qualities; `skip` leaves gaps. */
function meterReading(
  rt: ReadingType | undefined,
  start: number,
  count: number,
  step: number,
  value: (i: number) => number,
  extra: {
    cost?: (i: number) => number;
    quality?: (i: number) => number;
    skip?: (i: number) => boolean;
  } = {},
): MeterReading {
  const idx = Array.from({ length: count }, (_, i) => i).filter((i) => !extra.skip?.(i));
  const { cost, quality } = extra;
  return {
    meta: { relatedHrefs: [] },
    ...(rt ? { readingType: rt } : {}),
    blocks: [],
    readings: {
      count: idx.length,
      start: Float64Array.from(idx, (i) => start + i * step),
      duration: Uint32Array.from(idx, () => step),
      value: Float64Array.from(idx, value),
      ...(cost ? { cost: Float64Array.from(idx, cost) } : {}),
      quality: Uint8Array.from(idx, (i) => quality?.(i) ?? NO_QUALITY),
    },
  };
}

const energy = readingType({ uom: 72, powerOfTenMultiplier: 0, flowDirection: 1, kind: 12, currency: 840 });

describe('aggregate on DST days (US Eastern)', () => {
  it.each([
    ['2024-03-10', 23],
    ['2024-11-03', 25],
    ['2026-03-08', 23],
    ['2026-11-01', 25],
  ])('%s has %i hourly buckets that sum to the day', (date, hours) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const dayStart = eastern.fromLocal(y, m, d);
    // 15-minute readings from local midnight to the next local midnight: 4 per hour of that day.
    const mr = meterReading(energy, dayStart, hours * 4, 900, (i) => 100 + i, { cost: () => 1000 });
    const hourly = aggregate(mr, { resolution: 'hour', clock: eastern });
    expect(hourly.count).toBe(hours);
    expect(Array.from(hourly.readings)).toEqual(new Array(hours).fill(4));
    const daily = aggregate(mr, { resolution: 'day', clock: eastern });
    expect(daily.count).toBe(1);
    expect(at(daily.end, 0) - at(daily.start, 0)).toBe(hours * 3600);
    const rawSum = Array.from({ length: hours * 4 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
    expect(daily.value[0]).toBeCloseTo(rawSum / 1000, 9); // kWh
    expect(hourly.value.reduce((a, b) => a + b, 0)).toBeCloseTo(rawSum / 1000, 9);
    expect(daily.cost[0]).toBeCloseTo((hours * 4 * 1000) / 100000, 9);
    expect(daily.gaps).toEqual([]);
    expect(totalsOf(daily).coverage).toBe(1);
  });

  it('labels the hour after the spring gap 03:00 local', () => {
    const dayStart = eastern.fromLocal(2024, 3, 10);
    const hourly = aggregate(
      meterReading(energy, dayStart, 23, 3600, () => 1),
      { resolution: 'hour', clock: eastern },
    );
    expect(eastern.toLocal(at(hourly.start, 2)).hour).toBe(3);
  });
});

describe('aggregate to weeks, months and billing periods', () => {
  const start = utc('2024-01-01T05:00:00Z'); // local midnight, Monday 1 January 2024
  const days = 366;
  const mr = meterReading(energy, start, days * 24, 3600, () => 500);

  it('cuts months at local midnight, across DST', () => {
    const monthly = aggregate(mr, { resolution: 'month', clock: eastern });
    expect(monthly.count).toBe(12);
    expect(Array.from(monthly.readings)).toEqual([
      744, 696, 743, 720, 744, 720, 744, 744, 720, 744, 721, 744,
    ]);
    expect(monthly.start[3]).toBe(utc('2024-04-01T04:00:00Z'));
    // Readings run in UTC hours from 2024-01-01T05:00Z; the last one ends at 2025-01-01T05:00Z, local midnight.
    expect(monthly.value.reduce((a, b) => a + b, 0)).toBeCloseTo(days * 24 * 0.5, 6);
  });

  it('cuts weeks on Monday by default, Sunday on request', () => {
    const weekly = aggregate(mr, { resolution: 'week', clock: eastern });
    expect(eastern.toLocal(at(weekly.start, 0)).weekday).toBe(1);
    expect(weekly.readings[0]).toBe(168);
    const sundays = aggregate(mr, { resolution: 'week', clock: eastern, weekStartsOn: 7 });
    expect(eastern.toLocal(at(sundays.start, 0)).weekday).toBe(7);
    expect(sundays.readings[0]).toBe(6 * 24);
  });

  it('aggregates to the billing periods given, skipping readings between them', () => {
    const billing = aggregate(mr, {
      resolution: 'billingPeriod',
      clock: eastern,
      billingPeriods: [
        { start: start + 40 * 86400, duration: 30 * 86400 },
        { start, duration: 31 * 86400 },
      ],
    });
    expect(Array.from(billing.start)).toEqual([start, start + 40 * 86400]);
    expect(Array.from(billing.readings)).toEqual([31 * 24, 30 * 24]);
    expect(() => aggregate(mr, { resolution: 'billingPeriod', clock: eastern })).toThrow(/billing periods/);
  });

  it('keeps interval resolution as is and honours a range', () => {
    const from = start + 10 * 3600;
    const intervals = aggregate(mr, {
      resolution: 'interval',
      clock: eastern,
      range: { start: from, end: from + 5 * 3600 },
    });
    expect(intervals.count).toBe(5);
    expect(intervals.start[0]).toBe(from);
    expect(Array.from(intervals.value)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
  });
});

describe('gaps, qualities and scaling', () => {
  const dayStart = eastern.fromLocal(2024, 6, 3);

  it('shows missing readings as NaN buckets and gap intervals, not zeros', () => {
    const mr = meterReading(energy, dayStart, 24, 3600, () => 1000, { skip: (i) => i >= 5 && i < 8 });
    const hourly = aggregate(mr, {
      resolution: 'hour',
      clock: eastern,
      range: { start: dayStart, end: dayStart + 26 * 3600 },
    });
    expect(hourly.count).toBe(26);
    expect(Number.isNaN(at(hourly.value, 5))).toBe(true);
    expect(Number.isNaN(at(hourly.value, 24))).toBe(true);
    expect(hourly.value[4]).toBe(1);
    expect(hourly.gaps).toEqual([
      { start: dayStart + 5 * 3600, duration: 3 * 3600 },
      { start: dayStart + 24 * 3600, duration: 2 * 3600 },
    ]);
    const totals = totalsOf(hourly);
    expect(totals.value).toBe(21);
    expect(totals.coverage).toBeCloseTo(21 / 26, 10);
  });

  it('counts estimated and suspect readings, falling back to the default quality', () => {
    const rt = readingType({ uom: 72, defaultQuality: 14 });
    const mr = meterReading(rt, dayStart, 4, 3600, () => 1, {
      quality: (i) => [8, 9, 10, NO_QUALITY][i] ?? NO_QUALITY,
    });
    const day = aggregate(mr, { resolution: 'day', clock: eastern });
    expect(day.estimated[0]).toBe(2);
    expect(day.suspect[0]).toBe(2); // 10 questionable, and 14 raw by default
  });

  it('scales by powerOfTenMultiplier into the display unit', () => {
    const gas = readingType({ uom: 169, powerOfTenMultiplier: -3 });
    const day = aggregate(
      meterReading(gas, dayStart, 3, 3600, () => 2500),
      { resolution: 'day', clock: eastern },
    );
    expect(day.unit).toBe('therm');
    expect(day.value[0]).toBeCloseTo(7.5, 10);
  });

  it('takes the peak of demand readings instead of summing them', () => {
    const demand = readingType({ uom: 38, kind: 8, powerOfTenMultiplier: 0 });
    const mr = meterReading(demand, dayStart, 24, 3600, (i) => (i === 17 ? 7200 : 1000));
    const day = aggregate(mr, { resolution: 'day', clock: eastern });
    expect(day.combine).toBe('max');
    expect(day.unit).toBe('kW');
    expect(day.value[0]).toBe(7.2);
    expect(totalsOf(day).value).toBe(7.2);
  });

  it('averages levels such as voltage', () => {
    const volts = readingType({ uom: 29, kind: 54 });
    const day = aggregate(
      meterReading(volts, dayStart, 4, 3600, (i) => 238 + i),
      { resolution: 'day', clock: eastern },
    );
    expect(day.value[0]).toBe(239.5);
  });
});

describe('flow directions', () => {
  const dayStart = eastern.fromLocal(2024, 6, 3);
  const delivered = meterReading(energy, dayStart, 48, 3600, () => 800, { cost: () => 10000 });
  const received = meterReading({ ...energy, flowDirection: 19 }, dayStart + 6 * 3600, 12, 3600, () => 1500);
  const secondDelivered = meterReading(energy, dayStart, 24, 3600, () => 200);

  it('aggregates per flow direction over common buckets and never adds directions together', () => {
    const series = aggregateByFlowDirection([delivered, received, secondDelivered], {
      resolution: 'day',
      clock: eastern,
    });
    expect(series.map((s) => s.flowDirection)).toEqual(['forward', 'reverse']);
    const [fwd, rev] = series;
    expect(fwd?.meterReadings).toHaveLength(2);
    expect(fwd?.aggregation.value[0]).toBeCloseTo(24 * 0.8 + 24 * 0.2, 10);
    expect(fwd?.aggregation.value[1]).toBeCloseTo(24 * 0.8, 10);
    expect(Array.from(rev?.aggregation.value ?? [])).toEqual([12 * 1.5, NaN]);
    expect(fwd?.aggregation.start).toEqual(rev?.aggregation.start);
  });

  it('computes net = delivered - received, with gaps kept', () => {
    const series = aggregateByFlowDirection([delivered, received], { resolution: 'day', clock: eastern });
    const fwd = series.find((s) => s.flowDirection === 'forward')?.aggregation;
    const rev = series.find((s) => s.flowDirection === 'reverse')?.aggregation;
    if (!fwd || !rev) throw new Error('missing series');
    const net = netOf(fwd, rev);
    expect(net.flowDirection).toBe('net');
    expect(net.value[0]).toBeCloseTo(24 * 0.8 - 12 * 1.5, 10);
    expect(Number.isNaN(at(net.value, 1))).toBe(true);
    expect(net.cost[0]).toBeCloseTo(2.4, 10);
  });

  it('refuses to net series with different buckets', () => {
    const a = aggregate(delivered, { resolution: 'day', clock: eastern });
    const b = aggregate(received, { resolution: 'hour', clock: eastern });
    expect(() => netOf(a, b)).toThrow(/different buckets/);
  });
});
