/**
 * The page's answer from a comparison: rows against the current plan, and the verdict in each case (another
 * plan cheaper, the current one cheapest, a partial year). The comparisons are priced by the engine from
 * a flat series, so each figure is worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  comparePlans,
  createLocalTime,
  usZoneRules,
  type EnergySeries,
  type RatePlan,
} from '../../../espi/index.ts';
import { comparisonView, verdict } from './comparison-view.ts';

const clock = createLocalTime(undefined, usZoneRules('Pacific'));
const money = (n: number) => `$${n.toFixed(2)}`;

/** 1 kWh every hour from the first of `fromMonth` 2025 to 1 January 2026. */
function hourly(fromMonth: number): EnergySeries {
  const start = clock.fromLocal(2025, fromMonth, 1);
  const end = clock.fromLocal(2026, 1, 1);
  const count = (end - start) / 3600;
  return {
    count,
    start: Float64Array.from({ length: count }, (_, i) => start + i * 3600),
    duration: new Uint32Array(count).fill(3600),
    kWh: new Float64Array(count).fill(1),
  };
}

const flat = (id: string, rate: number, fixed = 0): RatePlan => ({
  id,
  summary: '',
  modelledOn: '',
  energyPeriods: [{ name: 'All day', kind: 'all-day' }],
  tariff: {
    label: id,
    name: `Plan ${id}`,
    utility: 'Test',
    sector: 'Residential',
    energyratestructure: [[{ rate }]],
    fixedchargefirstmeter: fixed,
    fixedchargeunits: '$/month',
  },
});

describe('comparisonView and verdict', () => {
  it('names the cheaper plan and the saving over twelve months', () => {
    // 2025 has 8,760 hours (the DST hours cancel out): 8,760 kWh.
    // A: 8,760 x 0.30 = 2,628.00. B: 8,760 x 0.25 + 12 x 10 = 2,190 + 120 = 2,310.00; saves 318.00.
    const comparison = comparePlans(hourly(1), clock, [flat('a', 0.3), flat('b', 0.25, 10)], 'a');
    if (!comparison) throw new Error('no comparison');
    const view = comparisonView(comparison, [flat('a', 0.3), flat('b', 0.25, 10)]);
    expect(view.rows.map((r) => [r.plan.id, r.total.toFixed(2), r.difference.toFixed(2)])).toEqual([
      ['b', '2310.00', '-318.00'],
      ['a', '2628.00', '0.00'],
    ]);
    expect(view.months.map((m) => m.label)[0]).toMatch(/Jan.*2025/);
    expect(view.partialYear).toBe(false);
    expect(verdict(view, money)).toBe(
      'Plan b would have cost least over the last 12 months: $318.00 less than your current plan, Plan a ($2310.00 instead of $2628.00).',
    );
  });

  it('says when the current plan was the cheapest, and how much more the next would have cost', () => {
    const comparison = comparePlans(hourly(1), clock, [flat('a', 0.3), flat('b', 0.25, 10)], 'b');
    if (!comparison) throw new Error('no comparison');
    expect(verdict(comparisonView(comparison, [flat('a', 0.3), flat('b', 0.25, 10)]), money)).toBe(
      'Your current plan, Plan b, cost least over the last 12 months: the next cheapest, Plan a, would have cost $318.00 more.',
    );
  });

  it('compares fewer months when the data begins later in the year: a partial year', () => {
    // Readings from 1 September: four whole months, September to December.
    const comparison = comparePlans(hourly(9), clock, [flat('a', 0.3), flat('b', 0.25, 10)], 'a');
    if (!comparison) throw new Error('no comparison');
    const view = comparisonView(comparison, [flat('a', 0.3), flat('b', 0.25, 10)]);
    expect(view.months).toHaveLength(4);
    expect(view.partialYear).toBe(true);
    expect(verdict(view, money)).toMatch(/over the last 4 months/);
  });
});
