import { describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B } from './node.ts';
import { bearer, codeFlow } from '../testing/custodian-client.ts';
import { PORTAL, startClockedCustodian } from '../testing/node-custodian.ts';
import { findUsagePoint } from './directory.ts';
import { ESTIMATED, blockSpans, dataEnd, flatCost, generateBlock, zoneOf } from './readings.ts';

startClockedCustodian();

const API = `${B}/api/customer/v1/usage-summaries`;

interface Figures {
  use: number;
  cost: number;
  peakDemand: number;
  readings: number;
  estimated: number;
}
interface SummaryPage {
  month: string;
  yearAgoMonth: string;
  complete: boolean;
  months: { first: string; last: string };
  total: number;
  next: string | null;
  summaries: {
    usagePointId: string;
    unit: { uom: number; powerOfTenMultiplier: number };
    current: Figures;
    yearAgo: Figures | null;
    readingsEnd: string;
  }[];
}

const tokenOf = async (username: string) =>
  (await codeFlow(B, { ...PORTAL, scope: 'openid customer_api', username })).access_token;

async function get(url: string, token: string) {
  const response = await fetch(url, { headers: bearer(token) });
  return { status: response.status, body: (await response.json()) as SummaryPage & { error: string } };
}

/** Every page of a month, following `next`. */
async function allPages(url: string, token: string): Promise<SummaryPage[]> {
  const pages: SummaryPage[] = [];
  for (let next: string | null = url; next;) {
    const { status, body } = await get(next, token);
    expect(status).toBe(200);
    pages.push(body);
    next = body.next;
  }
  return pages;
}

/** The generator's own figures for one meter and local month, read block by block. */
function generated(id: string, year: number, month: number, nowSeconds: number): Figures {
  const up = findUsagePoint(id);
  const spec = up?.readings[0];
  if (!up || !spec) throw new Error(`no meter ${id}`);
  const { clock } = zoneOf(up.zone);
  const start = clock.fromLocal(year, month, 1);
  const figures = { use: 0, cost: 0, peakDemand: 0, readings: 0, estimated: 0 };
  for (const span of blockSpans(up, start, clock.addLocalMonths(start, 1), nowSeconds)) {
    const { readings, total } = generateBlock(up, spec, span, false);
    figures.use += total;
    figures.readings += readings.count;
    for (let i = 0; i < readings.count; i++) {
      const perHour = ((readings.value[i] ?? 0) * 3600) / (readings.duration[i] ?? 1);
      figures.peakDemand = Math.max(figures.peakDemand, perHour);
      if (readings.quality[i] === ESTIMATED) figures.estimated++;
    }
  }
  return { ...figures, cost: flatCost(spec, figures.use), peakDemand: Math.round(figures.peakDemand) };
}

const NOW = Date.parse('2025-06-15T12:00:00Z') / 1000;

describe('usage summaries', () => {
  it('pages through every meter of the latest whole month, with the generator’s figures', async () => {
    const token = await tokenOf('commercial');
    const pages = await allPages(`${API}?limit=500`, token);
    expect(pages.map((p) => p.summaries.length)).toEqual([500, 500, 280]);
    const [first] = pages;
    expect(first).toMatchObject({
      month: '2025-05',
      yearAgoMonth: '2024-05',
      complete: true,
      total: 1280,
      months: { first: '2023-06', last: '2025-06' },
    });
    const summaries = pages.flatMap((p) => p.summaries);
    expect(new Set(summaries.map((s) => s.usagePointId)).size).toBe(1280);
    for (const id of ['up-3001-0001', 'up-3001-0002', 'up-3001-0640']) {
      const summary = summaries.find((s) => s.usagePointId === id);
      expect(summary?.current).toEqual(generated(id, 2025, 5, NOW));
      expect(summary?.yearAgo).toEqual(generated(id, 2024, 5, NOW));
    }
  });

  it('answers a chosen month, and the same figures warm as cold', async () => {
    const token = await tokenOf('commercial');
    const url = `${API}?month=2025-02&limit=3`;
    const cold = await get(url, token);
    expect(cold.body.summaries.map((s) => s.usagePointId)).toEqual([
      'up-3001-0001',
      'up-3001-0002',
      'up-3001-0003',
    ]);
    expect(cold.body.summaries[2]?.current).toEqual(generated('up-3001-0003', 2025, 2, NOW));
    expect(cold.body.next).toBe(`${API}?month=2025-02&limit=3&offset=3`);
    expect((await get(url, token)).body).toEqual(cold.body);
  });

  it('shows the troubled meters: a surge, a meter that stopped, one read mostly by estimates', async () => {
    const token = await tokenOf('commercial');
    const pages = await allPages(`${API}?month=2025-05&limit=500`, token);
    const byId = new Map(pages.flatMap((p) => p.summaries).map((s) => [s.usagePointId, s]));
    const surge = byId.get('up-3001-0006');
    expect((surge?.current.use ?? 0) / (surge?.yearAgo?.use ?? 1)).toBeGreaterThan(2);
    // Stopped 40 local days before the data's end (2025-06-14 in New York).
    const end = dataEnd(zoneOf('America/New_York'), NOW);
    expect(byId.get('up-3001-0200')?.readingsEnd).toBe(
      new Date(zoneOf('America/New_York').clock.addLocalDays(end, -40) * 1000).toISOString().slice(0, 19) +
        'Z',
    );
    expect(byId.get('up-3001-0001')?.readingsEnd).toBe('2025-06-14T04:00:00Z');
    const estimates = byId.get('up-3001-0333')?.current;
    expect((estimates?.estimated ?? 0) / (estimates?.readings ?? 1)).toBeGreaterThan(0.5);
  });

  it('is the customer’s own: a household gets its two meters', async () => {
    const { body } = await get(API, await tokenOf('household'));
    expect(body.summaries.map((s) => s.usagePointId)).toEqual(['up-1001-e', 'up-1001-g']);
    expect(body.next).toBeNull();
  });

  it('refuses a malformed month, a month without data and a page beyond the bound', async () => {
    const token = await tokenOf('commercial');
    for (const query of ['month=2025-13', 'month=May', 'month=2021-01', 'month=2025-07', 'limit=501']) {
      const { status, body } = await get(`${API}?${query}`, token);
      expect(status, query).toBe(400);
      expect(body.error).toBe('invalid_request');
    }
  });
});
