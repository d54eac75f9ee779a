import { describe, expect, it } from 'vitest';
import {
  createLocalTime,
  type MeterReading,
  NO_QUALITY,
  type UsagePoint,
  type UsageSummary,
  usZoneRules,
} from '../../../espi/index.ts';
import { summarizeUsagePoint } from './summary.ts';

const clock = createLocalTime(undefined, usZoneRules('Pacific'));
const HOUR = 3600;

/** Hourly readings of `wh(i)` Wh from `start`, with `skip` readings left out (a gap). */
function meterReading(
  flowDirection: number,
  start: number,
  hours: number,
  wh: (i: number) => number,
  skip: number[] = [],
) {
  const indexes = Array.from({ length: hours }, (_, i) => i).filter((i) => !skip.includes(i));
  const reading: MeterReading = {
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
      count: indexes.length,
      start: Float64Array.from(indexes, (i) => start + i * HOUR),
      duration: new Uint32Array(indexes.length).fill(HOUR),
      value: Float64Array.from(indexes, wh),
      cost: Float64Array.from(indexes, () => 10_000),
      quality: Uint8Array.from(indexes, (i) => (i === 5 ? 8 : NO_QUALITY)),
    },
  };
  return reading;
}

function usagePoint(...meterReadings: MeterReading[]): UsagePoint {
  return { meta: { relatedHrefs: [] }, serviceKind: 0, meterReadings, usageSummaries: [] };
}

/** A UsageSummary for a billing period, as the custodian publishes it once the period is over. */
function summaryFor(start: number, end: number, fields: Partial<UsageSummary> = {}): UsageSummary {
  return {
    meta: { relatedHrefs: [] },
    element: 'UsageSummary',
    billingPeriod: { start, duration: end - start },
    ...fields,
  };
}

describe('summarizeUsagePoint', () => {
  const octFirst = clock.fromLocal(2026, 10, 1);
  const novFirst = clock.fromLocal(2026, 11, 1);
  // October and the first 10 days of November, local: 1,000 Wh an hour, one hour missing in November.
  const hours = (clock.fromLocal(2026, 11, 11) - octFirst) / HOUR;
  const gapHour = (novFirst - octFirst) / HOUR + 30;
  const delivered = meterReading(1, octFirst, hours, () => 1000, [gapHour]);

  it('sums this month and last in kWh, cut at local midnights', () => {
    const s = summarizeUsagePoint(usagePoint(delivered), clock, clock.fromLocal(2026, 11, 11, 12));
    expect(s.unit).toBe('kWh');
    expect(s.dataThrough).toBe(clock.fromLocal(2026, 11, 11));
    expect(s.previous?.period.start).toBe(octFirst);
    expect(s.previous?.energy).toBeCloseTo((31 * 24 * 1000) / 1000);
    // 1 November 2026 is the 25-hour day DST ends on: 241 hours, one of them missing.
    expect(s.current?.energy).toBeCloseTo(240);
    expect(s.current?.missingIntervals).toBe(1);
    expect(s.previous?.estimatedReadings).toBe(1);
    expect(s.current?.peakDemand).toMatchObject({ value: 1, unit: 'kW' });
    // Per local day: the 25-hour day is one day of ten.
    expect(s.current?.averagePerDay).toBeCloseTo(24);
  });

  it('projects the cost so far to the end of the month', () => {
    const now = clock.fromLocal(2026, 11, 11);
    const s = summarizeUsagePoint(usagePoint(delivered), clock, now);
    const soFar = s.current?.cost ?? 0;
    expect(s.projection?.soFar).toBeCloseTo(soFar);
    expect(s.projection).toMatchObject({ days: 10, periodDays: 30, fromSummary: false });
    expect(s.projection?.projected).toBeCloseTo((soFar / 10) * 30);
  });

  it('reports net of solar exports, never adding the two flows', () => {
    const received = meterReading(19, octFirst, hours, (i) => (i % 24 === 12 ? 3000 : 0));
    const s = summarizeUsagePoint(usagePoint(delivered, received), clock, clock.fromLocal(2026, 11, 11));
    expect(s.previous?.energy).toBeCloseTo(744);
    expect(s.previous?.net).toBeCloseTo(744 - 31 * 3);
  });

  it('has no figures for a usage point without readings', () => {
    const s = summarizeUsagePoint(usagePoint(), clock, 0);
    expect(s.current).toBeUndefined();
    expect(s.dataThrough).toBeUndefined();
  });
});

describe('the current billing period (issue 12)', () => {
  // The demo's shape: October's billing period summarised, November under way with 26 days of data, and
  // 4 % more use a day in November than in October (1,000 Wh an hour, then 1,040).
  const octFirst = clock.fromLocal(2026, 10, 1);
  const novFirst = clock.fromLocal(2026, 11, 1);
  const dataEnd = clock.fromLocal(2026, 11, 27);
  const hours = (dataEnd - octFirst) / HOUR;
  const delivered = meterReading(1, octFirst, hours, (i) => (octFirst + i * HOUR < novFirst ? 1000 : 1040));
  const withOctober = (...fields: Partial<UsageSummary>[]): UsagePoint => ({
    ...usagePoint(delivered),
    usageSummaries: [summaryFor(octFirst, novFirst, ...fields)],
  });
  const now = dataEnd + 30 * HOUR;

  it("ends on the day the cycle ends (Nov 1 – Nov 30), not after the previous period's length", () => {
    const s = summarizeUsagePoint(withOctober(), clock, now);
    expect(s.current?.period).toEqual({
      start: novFirst,
      end: clock.fromLocal(2026, 12, 1),
      kind: 'billing',
    });
    expect(s.previous?.period).toEqual({ start: octFirst, end: novFirst, kind: 'billing' });
  });

  it('knows the current period as partial: 26 of its 30 days', () => {
    const s = summarizeUsagePoint(withOctober(), clock, now);
    expect(s.current?.coverage).toEqual({ days: 26, periodDays: 30, partial: true });
    expect(s.previous?.coverage).toEqual({ days: 31, periodDays: 31, partial: false });
  });

  it('compares like for like: the same 26 days of the previous period, +4 % rather than -13 %', () => {
    const s = summarizeUsagePoint(withOctober(), clock, now);
    expect(s.comparison?.basis).toBe('sameDays');
    expect(s.comparison?.previous.span).toEqual({ start: octFirst, end: clock.fromLocal(2026, 10, 27) });
    expect(s.comparison?.previous.energy).toBeCloseTo(26 * 24);
    expect(s.comparison?.use).toBeCloseTo(0.04);
    // A flat 10 cents an hour: the same days cost the same, but for the hour 1 November gains.
    expect(s.comparison?.cost).toBeCloseTo(1 / (26 * 24), 5);
    // The whole of October stays on hand (the last bill), but is not what the change is measured against.
    expect(s.previous?.energy).toBeCloseTo(31 * 24);
  });

  it('projects the cost over the true 30 days, at the daily rate so far', () => {
    const s = summarizeUsagePoint(withOctober(), clock, now);
    const soFar = s.current?.cost ?? NaN;
    expect(soFar).toBeCloseTo((26 * 24 + 1) * 0.1); // 10 cents an hour; 1 November has 25 hours
    expect(s.projection).toMatchObject({ days: 26, periodDays: 30, fromSummary: false });
    expect(s.projection?.projected).toBeCloseTo((soFar / 26) * 30);
  });

  it("takes the custodian's bill to date only for the period it belongs to", () => {
    const october = summarizeUsagePoint(withOctober({ billToDate: 99_000_000 }), clock, now);
    expect(october.projection?.fromSummary).toBe(false);
    const november: UsagePoint = {
      ...withOctober(),
      usageSummaries: [
        summaryFor(octFirst, novFirst),
        summaryFor(novFirst, clock.fromLocal(2026, 12, 1), { billToDate: 6_000_000 }),
      ],
    };
    expect(summarizeUsagePoint(november, clock, now).projection).toMatchObject({
      soFar: 60,
      projected: (60 / 26) * 30,
      fromSummary: true,
    });
  });

  it('compares whole periods per day once the current one is over', () => {
    const decFirst = clock.fromLocal(2026, 12, 1);
    const whole = meterReading(1, octFirst, (decFirst - octFirst) / HOUR, (i) =>
      octFirst + i * HOUR < novFirst ? 1000 : 1040,
    );
    const s = summarizeUsagePoint(
      { ...usagePoint(whole), usageSummaries: [summaryFor(octFirst, novFirst)] },
      clock,
      decFirst + 30 * HOUR,
    );
    expect(s.current?.coverage).toEqual({ days: 30, periodDays: 30, partial: false });
    expect(s.comparison?.basis).toBe('perDay');
    expect(s.comparison?.previous.coverage.days).toBe(31);
    // 30 days at 1,040 Wh an hour (one of them 25 hours) against 31 days at 1,000.
    expect(s.comparison?.use).toBeCloseTo(((30 * 24 + 1) * 1.04) / 30 / 24 - 1, 5);
    expect(s.projection).toBeUndefined();
  });
});
