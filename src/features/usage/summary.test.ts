import { describe, expect, it } from 'vitest';
import { createLocalTime, usZoneRules } from '../../espi/local-time.ts';
import { NO_QUALITY, type MeterReading, type UsagePoint } from '../../espi/model.ts';
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
    expect(s.current?.averagePerDay).toBeCloseTo(24 * (240 / 241), 5);
  });

  it('projects the cost so far to the end of the month', () => {
    const now = clock.fromLocal(2026, 11, 11);
    const s = summarizeUsagePoint(usagePoint(delivered), clock, now);
    const soFar = s.current?.cost ?? 0;
    expect(s.projection?.soFar).toBeCloseTo(soFar);
    const monthLength = clock.fromLocal(2026, 12, 1) - novFirst;
    expect(s.projection?.projected).toBeCloseTo((soFar / (now - novFirst)) * monthLength);
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
