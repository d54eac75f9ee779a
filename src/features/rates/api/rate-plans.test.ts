/**
 * `GET /rate-plans` against the mock custodian, read through the portal's own schema, and a year of the
 * household's readings priced as the worker prices them: under its current plan the energy charges equal
 * the costs the custodian put on each reading (the same rates), which ties the engine to the custodian.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeCustodian } from '../../../custodian/node.ts';
import { compareRatesIn, costToCurrency, readEspi } from '../../../espi/index.ts';
import { ApiError } from '../../../lib/api-error.ts';
import type { UsagePoint } from '../../../lib/usage-points.ts';
import { NODE_CUSTOMER_API as API, signedInPortalClient } from '../../../testing/portal-client.ts';
import { comparisonWindow } from './rate-comparison.ts';
import { parseRatePlans } from './rate-plans.ts';

const NOW = Date.parse('2026-11-29T20:00:00Z');
const custodian = startNodeCustodian({ now: () => NOW });
afterAll(() => custodian.close());

describe('GET /rate-plans', () => {
  it('publishes URDB tariffs and puts the household on its time-of-use plan, with the residential plans open', async () => {
    const api = await signedInPortalClient('household');
    const { ratePlans, servicePoints } = parseRatePlans(await api.json(`${API}/rate-plans`));
    expect(ratePlans.map((p) => p.id)).toEqual([
      'res-tiered',
      'res-tou-weekdays',
      'res-tou-daily',
      'gs-flat',
      'gs-tou',
      'gs-demand',
    ]);
    // The gas meter has no electricity plan.
    expect(servicePoints.map((s) => [s.usagePointId, s.currentPlanId])).toEqual([
      ['up-1001-e', 'res-tou-weekdays'],
    ]);
    const open = servicePoints[0]?.plans.filter((p) => p.eligible).map((p) => p.planId);
    expect(open).toEqual(['res-tiered', 'res-tou-weekdays', 'res-tou-daily']);
    expect(servicePoints[0]?.plans.find((p) => p.planId === 'gs-demand')?.reason).toMatch(/business/);
    const tou = ratePlans.find((p) => p.id === 'res-tou-weekdays')?.tariff;
    // Weekday 5 pm in July is the summer peak (period 4); Saturday 5 pm is off-peak (0).
    expect(tou?.energyweekdayschedule?.[6]?.[17]).toBe(4);
    expect(tou?.energyweekendschedule?.[6]?.[17]).toBe(0);
  });

  it('puts both of the bakery’s electricity meters on the demand plan', async () => {
    const api = await signedInPortalClient('business');
    const { ratePlans, servicePoints } = parseRatePlans(await api.json(`${API}/rate-plans`));
    expect(servicePoints.map((s) => s.currentPlanId)).toEqual(['gs-demand', 'gs-demand']);
    const demand = ratePlans.find((p) => p.id === 'gs-demand')?.tariff;
    expect(demand?.flatdemandstructure?.[0]?.[0]?.rate).toBeGreaterThan(0);
    expect(demand?.demandweekdayschedule?.[0]?.[14]).toBe(1);
  });

  it('is refused without a token', async () => {
    const response = await fetch(`${API}/rate-plans`);
    expect(response.status).toBe(401);
  });

  it('refuses, at the edge, a tariff whose schedule names a period it does not price', async () => {
    const api = await signedInPortalClient('household');
    const body = (await api.json(`${API}/rate-plans`)) as {
      ratePlans: { tariff: { energyweekdayschedule: number[][] } }[];
    };
    const broken = structuredClone(body);
    (broken.ratePlans[0]?.tariff.energyweekdayschedule[3] as number[])[5] = 7;
    expect(() => parseRatePlans(broken)).toThrow(ApiError);
    const short = structuredClone(body);
    short.ratePlans[0]?.tariff.energyweekdayschedule.pop();
    expect(() => parseRatePlans(short)).toThrow(/rate plans/);
  });
});

describe('a year priced as the worker prices it', () => {
  it('prices the household’s twelve months; on its own plan the energy equals the costs on its readings', async () => {
    const api = await signedInPortalClient('household');
    const plans = parseRatePlans(await api.json(`${API}/rate-plans`));
    const { usagePoints } = (await api.json(`${API}/usage-points`)) as { usagePoints: UsagePoint[] };
    const listing = usagePoints.find((up) => up.id === 'up-1001-e') as UsagePoint;
    const window = comparisonWindow(NOW);
    const url = new URL(listing.hrefs.batch);
    url.searchParams.set('published-min', window.publishedMin);
    url.searchParams.set('published-max', window.publishedMax);
    const doc = readEspi(await api.getText(url.href), { baseUrl: url.href });
    const comparison = compareRatesIn(doc, {
      plans: plans.ratePlans.filter((p) => p.tariff.sector === 'Residential'),
      currentPlanId: 'res-tou-weekdays',
    });
    if (!comparison) throw new Error('no comparison');
    // Data ends 30 h before 29 November 2026: the twelve whole months are November 2025 to October 2026.
    expect(comparison.months.map((m) => `${m.year}-${m.month}`)).toEqual([
      '2025-11',
      '2025-12',
      ...Array.from({ length: 10 }, (_, i) => `2026-${i + 1}`),
    ]);
    expect(comparison.months.some((m) => m.partial)).toBe(false);
    const current = comparison.bills.find((b) => b.label === 'res-tou-weekdays');
    const delivered = doc.usagePoints[0]?.meterReadings.find((m) => m.readingType?.flowDirection === 1);
    const r = delivered?.readings;
    let readingCosts = 0;
    const first = comparison.months[0]?.start ?? 0;
    const end = comparison.months[11]?.end ?? 0;
    for (let i = 0; r && i < r.count; i++)
      if ((r.start[i] as number) >= first && (r.start[i] as number) < end) readingCosts += r.cost?.[i] ?? 0;
    const energy = current?.periods.reduce((sum, p) => sum + p.energyCost, 0) ?? 0;
    // Each reading's cost is rounded to 10^-5 dollars; 35,000 readings stay within half a dollar.
    expect(Math.abs(energy - costToCurrency(readingCosts))).toBeLessThan(0.5);
    expect(current?.total).toBeCloseTo(energy + 12 * 12, 6);
    // Cheapest first; the saving is the current plan's total less the cheapest's.
    expect(comparison.bills[0]?.label).toBe(comparison.cheapestPlanId);
    expect(comparison.saving).toBeCloseTo((current?.total ?? 0) - (comparison.bills[0]?.total ?? 0), 9);
    expect(comparison.currentSplit.map((s) => s.kind)).toEqual(['peak', 'shoulder', 'off-peak']);
  });
});
