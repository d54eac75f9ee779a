import { describe, expect, it } from 'vitest';
import {
  createLocalTime,
  NO_QUALITY,
  type UsagePoint,
  type UsageSummary,
  usZoneRules,
} from '../../../espi/index.ts';
import { buildChartData } from './series.ts';

const clock = createLocalTime(undefined, usZoneRules('Pacific'));
const HOUR = 3600;

describe('the Billing period resolution (issue 12)', () => {
  // September and October summarised; November under way, read through the 26th. 1,000 Wh an hour.
  const sepFirst = clock.fromLocal(2026, 9, 1);
  const octFirst = clock.fromLocal(2026, 10, 1);
  const novFirst = clock.fromLocal(2026, 11, 1);
  const decFirst = clock.fromLocal(2026, 12, 1);
  const dataEnd = clock.fromLocal(2026, 11, 27);
  const count = (dataEnd - sepFirst) / HOUR;
  const summary = (start: number, end: number): UsageSummary => ({
    meta: { relatedHrefs: [] },
    element: 'UsageSummary',
    billingPeriod: { start, duration: end - start },
  });
  const usagePoint: UsagePoint = {
    meta: { relatedHrefs: [] },
    serviceKind: 0,
    usageSummaries: [summary(sepFirst, octFirst), summary(octFirst, novFirst)],
    meterReadings: [
      {
        meta: { relatedHrefs: [] },
        readingType: { meta: { relatedHrefs: [] }, flowDirection: 1, uom: 72, powerOfTenMultiplier: 0 },
        blocks: [],
        readings: {
          count,
          start: Float64Array.from({ length: count }, (_, i) => sepFirst + i * HOUR),
          duration: new Uint32Array(count).fill(HOUR),
          value: new Float64Array(count).fill(1000),
          quality: new Uint8Array(count).fill(NO_QUALITY),
        },
      },
    ],
  };

  it('includes the current, partial period, ending where its cycle ends', () => {
    const data = buildChartData(usagePoint, {
      resolution: 'billing',
      clock,
      bounds: { start: sepFirst, end: clock.fromLocal(2026, 11, 29) },
    });
    expect(data.resolution).toBe('billing');
    expect(data.rows.map((row) => [row.start, row.end])).toEqual([
      [sepFirst, octFirst],
      [octFirst, novFirst],
      [novFirst, decFirst],
    ]);
    // 26 days, the first of them 25 hours long.
    expect(data.rows[2]?.delivered).toBeCloseTo(26 * 24 + 1);
  });
});
