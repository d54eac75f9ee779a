import { describe, expect, it } from 'vitest';
import type { UsagePointInsights } from '../../../espi/insights/usage-point-insights.ts';
import { noticesFor } from './attention.ts';
import { serviceBills, type MeterInsights } from './service-bill.ts';

const DAY = 86_400;
const start = 1_780_000_000;

function meter(id: string, serviceKind: number, soFar: number, projected: number, end = start + 10 * DAY) {
  const insights: UsagePointInsights = {
    index: 0,
    unit: 'kWh',
    currency: 840,
    flows: [],
    span: { start: start - 40 * DAY, end, days: 50 },
    current: {
      start,
      end: start + 30 * DAY,
      kind: 'month',
      periodDays: 30,
      days: 10,
      complete: false,
      use: 100,
      cost: soFar,
      costFromSummary: false,
      projection: { soFar, days: 10, periodDays: 30, projected, low: projected - 5, high: projected + 5 },
    },
    last: {
      start: start - 31 * DAY,
      end: start,
      kind: 'month',
      periodDays: 31,
      days: 31,
      complete: true,
      use: 300,
      cost: 2 * soFar,
      costFromSummary: false,
    },
    daily: { measure: 'cost', current: [1, 2], last: [3, 4, 5] },
    recent: { days: 7, use: 30, lastYearUse: 20, change: 0.5 },
  };
  return { usagePointId: id, title: id, serviceKind, insights } satisfies MeterInsights;
}

describe('serviceBills', () => {
  it('adds the meters of a service into one bill and checks it against its budget', () => {
    const bills = serviceBills(
      [meter('ovens', 0, 30, 90), meter('gas', 1, 5, 15), meter('fridges', 0, 20, 60)],
      new Map([['electricity', 140]]),
    );
    expect(bills.map((b) => [b.service, b.meters.map((m) => m.usagePointId)])).toEqual([
      ['electricity', ['ovens', 'fridges']],
      ['gas', ['gas']],
    ]);
    const [electricity, gas] = bills;
    // $30 + $20 so far, $90 + $60 projected (range $140 to $160), last period $60 + $40.
    expect(electricity?.soFar).toBe(50);
    expect(electricity?.projection).toEqual({ projected: 150, low: 140, high: 160 });
    expect(electricity?.last?.cost).toBe(100);
    expect(electricity?.daily?.current).toEqual([2, 4]);
    expect(electricity?.daily?.last).toEqual([6, 8, 10]);
    expect(electricity?.budget).toMatchObject({ state: 'on-course-to-pass', difference: 10 });
    expect(gas?.budget).toBeUndefined();
  });

  it('waits for every meter of a service before adding', () => {
    const { insights: _, ...loading } = meter('fridges', 0, 20, 60);
    const [electricity] = serviceBills([meter('ovens', 0, 30, 90), loading], new Map());
    expect(electricity?.soFar).toBeUndefined();
  });
});

describe('noticesFor', () => {
  const now = start + 10 * DAY;
  const bills = serviceBills(
    [meter('ovens', 0, 30, 90), meter('late', 1, 5, 15, now - 3 * DAY)],
    new Map([['electricity', 80]]),
  );
  const year = new Map(bills.flatMap((b) => b.meters.map((m) => [m.usagePointId, m.insights] as const)));

  it('says what the customer chose to hear about', () => {
    const notices = noticesFor(bills, year, { budgetPassed: true, aboveLastYear: true, dataLate: true }, now);
    expect(notices.map((n) => n.kind)).toEqual(['budget', 'aboveLastYear', 'dataLate', 'aboveLastYear']);
    expect(notices[0]).toMatchObject({ check: { state: 'on-course-to-pass', difference: 10 } });
    expect(notices[2]).toMatchObject({ usagePointId: 'late', through: now - 3 * DAY });
  });

  it('says nothing the customer turned off', () => {
    expect(
      noticesFor(bills, year, { budgetPassed: false, aboveLastYear: false, dataLate: false }, now),
    ).toEqual([]);
  });
});
