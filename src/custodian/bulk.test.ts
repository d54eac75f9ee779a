/**
 * Bulk as ESPI means it (issue 20): one aggregator's bulk carries many customers' grants, each meter
 * under exactly its own customer's terms, and membership changes reach the aggregator as BatchList
 * notifications. Everything goes through HTTP: the portal's customer API, the aggregator's
 * client_credentials token, its Batch/Bulk feed and its notification log.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B, NODE_PORTAL_REDIRECT_URI, startNodeCustodian } from './node.ts';
import { findAnyUsagePoint } from './population.ts';
import { scopeLimits } from './scope-limits.ts';
import {
  basic,
  bearer,
  codeFlow,
  feedPages,
  postForm,
  postJson,
  type TokenResponse,
} from '../testing/custodian-client.ts';
import { assertValidEspi } from '../testing/test-data.ts';

const DAY = 86_400_000;
const NOTIFY_URI = 'https://aggregator.test/espi/notify';
let clock = Date.parse('2025-06-15T12:00:00Z');
const custodian = startNodeCustodian({ now: () => clock, notifyUri: NOTIFY_URI });
afterAll(() => custodian.close());

/** What the aggregator's listener received. */
let received: string[] = [];
beforeEach(() => {
  clock = Date.parse('2025-06-15T12:00:00Z');
  custodian.reset();
  received = [];
  custodian.server.use(
    http.post(NOTIFY_URI, async ({ request }) => {
      received.push(await request.text());
      return new HttpResponse(null, { status: 204 });
    }),
  );
});

const API = `${B}/api/customer/v1`;
const R = `${B}/espi/1_1/resource`;
const HOURLY_BULK = '5101';

/** A grant as the customer API answered it, with the customer's portal token. */
interface Granted {
  id: string;
  bulkId: string;
  token: string;
}

async function grant(
  username: string,
  body: { usagePointIds: string[]; scope?: string; bulkId?: string; termEnd?: string },
): Promise<Granted> {
  const token = (
    await codeFlow(B, {
      clientId: 'green-button-portal',
      redirectUri: NODE_PORTAL_REDIRECT_URI,
      scope: 'openid customer_api',
      username,
    })
  ).access_token;
  const response = await postJson(
    `${API}/bulk-grants`,
    { thirdPartyId: 'gridflex', ...body },
    { ...bearer(token), 'Idempotency-Key': `${username}-${body.scope ?? 'offered'}` },
  );
  expect(response.status).toBe(201);
  return { ...((await response.json()) as Omit<Granted, 'token'>), token };
}

async function revoke(g: Granted) {
  const response = await fetch(`${API}/bulk-grants/${g.id}/revoke`, {
    method: 'POST',
    headers: bearer(g.token),
  });
  expect(response.status).toBe(200);
}

async function aggregatorToken(): Promise<string> {
  const response = await postForm(
    `${B}/oauth/token`,
    { grant_type: 'client_credentials' },
    { Authorization: basic('gridflex', 'gridflex-secret') },
  );
  return ((await response.json()) as TokenResponse).access_token;
}

interface Entry {
  self: string;
  related: string[];
  xml: string;
}

function entries(pages: string[]): Entry[] {
  return pages.flatMap((page) =>
    [...page.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, xml = '']) => ({
      self: /<link rel="self" href="([^"]+)"/.exec(xml)?.[1] ?? '',
      related: [...xml.matchAll(/<link rel="related" href="([^"]+)"/g)].map((m) => m[1] ?? ''),
      xml,
    })),
  );
}

/** The bulk as the aggregator reads it: every page (each schema-valid), as entries. */
async function pullBulk(query = ''): Promise<Entry[]> {
  const pages = await feedPages(`${R}/Batch/Bulk/${HOURLY_BULK}${query}`, await aggregatorToken());
  pages.forEach((xml) => assertValidEspi(xml));
  return entries(pages);
}

const USAGE_POINT = /\/Subscription\/([^/]+)\/UsagePoint\/([^/]+)$/;
const INTERVAL_BLOCK = /\/Subscription\/([^/]+)\/UsagePoint\/([^/]+)\/MeterReading\/[^/]+\/IntervalBlock\//;

/** Each meter in the feed: the grant (subscription) it is served under and the Authorization it links to. */
function meters(feed: Entry[]): Map<string, { grantId: string; authorization: string | undefined }> {
  const found = new Map<string, { grantId: string; authorization: string | undefined }>();
  for (const e of feed) {
    const [, grantId = '', usagePointId = ''] = USAGE_POINT.exec(e.self) ?? [];
    if (!usagePointId) continue;
    expect(found.has(usagePointId), `${usagePointId} appears once`).toBe(false);
    found.set(usagePointId, { grantId, authorization: e.related.find((r) => r.includes('/Authorization/')) });
  }
  return found;
}

/** The interval blocks in the feed per meter, each with whether it carries costs. */
function blocks(feed: Entry[]): { grantId: string; usagePointId: string; hasCost: boolean }[] {
  return feed.flatMap((e) => {
    const [, grantId = '', usagePointId = ''] = INTERVAL_BLOCK.exec(e.self) ?? [];
    return usagePointId ? [{ grantId, usagePointId, hasCost: e.xml.includes('<espi:cost>') }] : [];
  });
}

/** Every grant's scope, as the aggregator reads it: its Authorization entries. */
async function grantScopes(): Promise<Map<string, string>> {
  const pages = await feedPages(`${R}/Authorization`, await aggregatorToken());
  return new Map(
    entries(pages).map((e) => [
      e.self.slice(e.self.lastIndexOf('/') + 1),
      /<espi:scope>([^<]+)<\/espi:scope>/.exec(e.xml)?.[1] ?? '',
    ]),
  );
}

const HOUSEHOLD = ['up-1001-e', 'up-1001-g'];
const BAKERY = ['up-2001-1', 'up-2001-2', 'up-2001-3'];
/** The household keeps costs back and shares 3 months; the bakery shares what GridFlex asks (13 months, costs). */
const HOUSEHOLD_SCOPE =
  'FB=1_3_4_5_10_11_13_14_18_19_32_35_37_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=7948800';

describe('a bulk of several customers', () => {
  it('carries each customer’s meters under exactly that customer’s grant, never another’s', async () => {
    // The bakery grants first: a feed that applied the first grant's terms to every meter would give the
    // household's time-of-use meter its costs.
    const bakery = await grant('business', { usagePointIds: BAKERY });
    const household = await grant('household', { usagePointIds: HOUSEHOLD, scope: HOUSEHOLD_SCOPE });
    expect([bakery.bulkId, household.bulkId]).toEqual([HOURLY_BULK, HOURLY_BULK]);

    const feed = await pullBulk();
    const served = meters(feed);
    for (const [usagePointId, g] of [
      ...BAKERY.map((m) => [m, bakery] as const),
      ...HOUSEHOLD.map((m) => [m, household] as const),
    ]) {
      expect(served.get(usagePointId)).toEqual({
        grantId: g.id,
        authorization: `${R}/Authorization/${g.id}`,
      });
    }
    // Seeded synthetic customers share the bulk too: more than the two.
    const customers = new Set([...served.keys()].map((id) => findAnyUsagePoint(id)?.customerId));
    expect(customers.size).toBeGreaterThan(3);

    // The independent check: each block's costs exactly as its own grant's scope and meter allow.
    const scopes = await grantScopes();
    const checked = blocks(feed);
    expect(checked.some((b) => b.hasCost)).toBe(true);
    expect(checked.some((b) => b.usagePointId === 'up-1001-e')).toBe(true);
    for (const b of checked) {
      const scope = scopes.get(b.grantId);
      expect(scope, `the Authorization of ${b.grantId}`).toBeDefined();
      const timeOfUse = findAnyUsagePoint(b.usagePointId)?.readings.some((r) => r.timeOfUseCost) ?? false;
      expect(b.hasCost, `${b.usagePointId} under ${b.grantId}`).toBe(
        timeOfUse && scopeLimits(scope ?? '').intervalCosts,
      );
    }
  });

  it('reaches back as far as each customer allowed: 200 days for the bakery, not for the household', async () => {
    const bakery = await grant('business', { usagePointIds: BAKERY });
    const household = await grant('household', { usagePointIds: HOUSEHOLD, scope: HOUSEHOLD_SCOPE });
    const day = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const feed = await pullBulk(
      `?published-min=${day(clock - 201 * DAY)}&published-max=${day(clock - 199 * DAY)}`,
    );
    const byGrant = (id: string) => blocks(feed).filter((b) => b.grantId === id);
    expect(
      byGrant(bakery.id)
        .map((b) => b.usagePointId)
        .sort(),
    ).toEqual(BAKERY);
    expect(byGrant(household.id)).toEqual([]);
    // Structure stays: the aggregator still sees which meters it holds.
    expect(meters(feed).get('up-1001-e')?.grantId).toBe(household.id);
  });

  it('drops a revoking customer’s meters from the next pull, keeps the other’s, and tells the aggregator', async () => {
    const bakery = await grant('business', { usagePointIds: BAKERY });
    const household = await grant('household', { usagePointIds: HOUSEHOLD, scope: HOUSEHOLD_SCOPE });
    await revoke(household);

    const served = meters(await pullBulk());
    for (const m of HOUSEHOLD) expect(served.has(m)).toBe(false);
    for (const m of BAKERY) expect(served.get(m)?.grantId).toBe(bakery.id);

    await expect.poll(() => received.length).toBe(3);
    const revoked = received.at(-1) ?? '';
    assertValidEspi(revoked, 'espi.xsd');
    expect([...revoked.matchAll(/<resources>([^<]+)<\/resources>/g)].map((m) => m[1])).toEqual([
      `${R}/Batch/Bulk/${HOURLY_BULK}`,
      `${R}/Authorization/${household.id}`,
    ]);
    const log = await fetch(`${B}/sandbox/v1/bulk-notifications`, {
      headers: bearer(await aggregatorToken()),
    });
    const { notifications } = (await log.json()) as {
      notifications: { change: string; authorizationURI: string; delivery: string; batchList: string }[];
    };
    expect(notifications.slice(0, 3).map((n) => [n.change, n.authorizationURI, n.delivery])).toEqual([
      ['revoked', `${R}/Authorization/${household.id}`, 'delivered'],
      ['created', `${R}/Authorization/${household.id}`, 'delivered'],
      ['created', `${R}/Authorization/${bakery.id}`, 'delivered'],
    ]);
    expect(notifications[0]?.batchList).toBe(revoked);
  });

  it('ends a grant at its term: the meters leave and the aggregator is told it expired', async () => {
    const household = await grant('household', {
      usagePointIds: HOUSEHOLD,
      termEnd: new Date(clock + 2 * DAY).toISOString(),
    });
    expect(meters(await pullBulk()).get('up-1001-e')?.grantId).toBe(household.id);
    clock += 3 * DAY;
    expect(meters(await pullBulk()).has('up-1001-e')).toBe(false);
    await expect.poll(() => received.length).toBe(2);
    expect(received[1]).toContain(`/Authorization/${household.id}<`);
    const log = await fetch(`${B}/sandbox/v1/bulk-notifications`, {
      headers: bearer(await aggregatorToken()),
    });
    const { notifications } = (await log.json()) as { notifications: { change: string }[] };
    expect(notifications.filter((n) => n.change === 'expired')).toHaveLength(1);
  });

  it('serves a meter a customer granted twice to one bulk once, under the newer grant', async () => {
    const first = await grant('household', { usagePointIds: HOUSEHOLD });
    const second = await grant('household', { usagePointIds: ['up-1001-e'], scope: HOUSEHOLD_SCOPE });
    const served = meters(await pullBulk());
    expect(served.get('up-1001-e')?.grantId).toBe(second.id);
    expect(served.get('up-1001-g')?.grantId).toBe(first.id);
  });

  it('joins the data set the customer names, or the first that holds the scope, and refuses a scope none holds', async () => {
    const fifteenMinute = await grant('household', { usagePointIds: ['up-1001-e'], bulkId: '5103' });
    expect(fifteenMinute.bulkId).toBe('5103');
    // Electricity for 3 months fits both GridFlex data sets: the first, hourly one, takes it.
    const fits = await grant('business', { usagePointIds: ['up-2001-1'], scope: HOUSEHOLD_SCOPE });
    expect(fits.bulkId).toBe(HOURLY_BULK);
    const token = (
      await codeFlow(B, {
        clientId: 'green-button-portal',
        redirectUri: NODE_PORTAL_REDIRECT_URI,
        scope: 'openid customer_api',
        username: 'business',
      })
    ).access_token;
    // Gas (FB 10) is not in the 15-minute data set; two years is in neither.
    for (const body of [
      { bulkId: '5103', scope: HOUSEHOLD_SCOPE },
      { scope: HOUSEHOLD_SCOPE.replace('HistoryLength=7948800', 'HistoryLength=63072000') },
    ]) {
      const refused = await postJson(
        `${API}/bulk-grants`,
        { thirdPartyId: 'gridflex', usagePointIds: ['up-2001-2'], ...body },
        { ...bearer(token), 'Idempotency-Key': JSON.stringify(body) },
      );
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: string }).error).toBe('invalid_scope');
    }
  });
});

describe('the aggregator’s registration', () => {
  it('names each of its bulks in its ApplicationInformation, one scope per offered data set', async () => {
    const response = await fetch(`${R}/ApplicationInformation/gridflex`, {
      headers: bearer(await aggregatorToken()),
    });
    expect(response.status).toBe(200);
    const xml = await response.text();
    assertValidEspi(xml);
    const scopes = [...xml.matchAll(/<espi:scope>([^<]*)<\/espi:scope>/g)].map((m) => m[1]);
    expect(scopes.map((s) => /BR=(\d+)/.exec(s ?? '')?.[1])).toEqual(['5101', '5103']);
  });
});
