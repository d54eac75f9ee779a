import { describe, expect, it } from 'vitest';
import type { EspiDocument } from '../model.ts';
import { precomputeAggregates } from '../precompute.ts';
import { documentInsights } from './usage-point-insights.ts';
import { hourlyReading, usagePointOf } from './test-readings.ts';

const at = (month: number, day: number) => Date.UTC(2026, month - 1, day) / 1000;

/**
 * UTC calendar months (no LocalTimeParameters): January 1 kWh an hour at $0.20/kWh, February 1.5 kWh at
 * $0.25, March 1 to 10 2 kWh at $0.25. Received (solar) 0.5 kWh an hour in March only, no cost.
 */
function documentOf(): EspiDocument {
  const start = at(1, 1);
  const hours = (at(3, 11) - start) / 3600;
  const kwh = (t: number) => (t < at(2, 1) ? 1 : t < at(3, 1) ? 1.5 : 2);
  const price = (t: number) => (t < at(2, 1) ? 0.2 : 0.25);
  const delivered = hourlyReading(
    start,
    hours,
    (t) => kwh(t) * 1000,
    (t) => kwh(t) * price(t),
  );
  const received = hourlyReading(at(3, 1), 240, () => 500, undefined, 19);
  const doc: EspiDocument = {
    usagePoints: [usagePointOf(delivered, received)],
    orphanMeterReadings: [],
    localTimeParameters: [],
    authorizations: [],
    applicationInformation: [],
    warnings: [],
    partial: false,
  };
  precomputeAggregates(doc);
  return doc;
}

describe('documentInsights', () => {
  const [insights] = documentInsights(documentOf(), at(3, 11) + 3600);

  it('totals each flow over the whole file', () => {
    // Delivered: 744 + 1008 + 480 kWh, costing 148.80 + 252 + 120; received 240 × 0.5 kWh, no cost.
    expect(insights?.flows).toEqual([
      { flow: 'delivered', unit: 'kWh', use: 2232, cost: expect.closeTo(520.8, 6), readings: 1656 },
      { flow: 'received', unit: 'kWh', use: 120, readings: 240 },
    ]);
    expect(insights?.span?.days).toBe(69);
    expect(insights?.averagePerDay).toBeCloseTo(2232 / 69, 10);
  });

  it('splits February against January into days, use and price', () => {
    // January: 31 days, 24 kWh a day at $0.20 ($148.80). February: 28 days, 36 kWh a day at $0.25
    // ($252). Days: -3 × 24 × 0.20 = -14.40; use: 28 × 12 × 0.20 = 67.20; price: 28 × 36 × 0.05 = 50.40.
    expect(insights?.last).toMatchObject({ periodDays: 28, complete: true, use: 1008 });
    expect(insights?.last?.cost).toBeCloseTo(252, 6);
    const change = insights?.changeVsBefore;
    expect(change?.total).toBeCloseTo(103.2, 6);
    expect(change?.days).toBeCloseTo(-14.4, 6);
    expect(change?.use).toBeCloseTo(67.2, 6);
    expect(change?.price).toBeCloseTo(50.4, 6);
    // No February a year before in the file: no split against it.
    expect(insights?.changeVsLastYear).toBeUndefined();
  });

  it('projects March from its first ten days', () => {
    // $0.50 an hour, $12 a day: $120 so far, 21 days to go at $12: $372; every day alike, so no spread.
    const projection = insights?.current?.projection;
    expect(insights?.current).toMatchObject({ days: 10, periodDays: 31, complete: false });
    expect(projection?.projected).toBeCloseTo(372, 6);
    expect(projection?.low).toBeCloseTo(372, 6);
    expect(projection?.high).toBeCloseTo(372, 6);
    expect(insights?.daily?.measure).toBe('cost');
    expect(insights?.daily?.current).toHaveLength(10);
    expect(insights?.daily?.current[0]).toBeCloseTo(12, 6);
    expect(insights?.daily?.last).toHaveLength(28);
    expect(insights?.daily?.last[0]).toBeCloseTo(9, 6);
  });

  it('profiles the last 13 weeks by weekday and hour', () => {
    // 91 days back from March 11 is December 10: the profile starts with the data, on January 1.
    const profile = insights?.profile;
    expect(profile?.heatmap.start).toBe(at(1, 1));
    expect(profile?.heatmap.end).toBe(at(3, 11));
    // Thursdays (ISO 4) 08:00: Jan 1, 8, 15, 22, 29 at 1 kWh, Feb 5 to 26 at 1.5, Mar 5 at 2: 13 / 10.
    expect(profile?.heatmap.samples[3 * 24 + 8]).toBe(10);
    expect(profile?.heatmap.cells[3 * 24 + 8]).toBeCloseTo(13 / 10, 10);
  });
});
