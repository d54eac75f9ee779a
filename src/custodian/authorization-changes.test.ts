/**
 * Changing and renewing a third-party authorization (issue 15), end to end over HTTP: the customer's
 * portal token on the customer API, then the third party's own view with its own tokens (its
 * Authorization resource, its Subscription feed, a refresh) and the BatchList its notify URI receives.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B, NODE_PORTAL_REDIRECT_URI, startNodeCustodian } from './node.ts';
import {
  bearer,
  basic,
  codeFlow,
  postForm,
  postJson,
  type TokenResponse,
} from '../testing/custodian-client.ts';
import { TEST_START } from '../testing/node-custodian.ts';
import { assertValidEspi } from '../testing/test-data.ts';
import { millisOf } from '../espi/index.ts';

const DAY = 86_400;
const NOTIFY_URI = 'https://third-party.test/espi/notify';
let clock = TEST_START;
const custodian = startNodeCustodian({ now: () => clock, notifyUri: NOTIFY_URI });
afterAll(() => custodian.close());

/** What the third party's listener received. */
let received: string[] = [];
beforeEach(() => {
  clock = TEST_START;
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
/** SunTrack asks for both services with costs and bill summaries, 15-minute data (directory.ts). */
const SUNTRACK = {
  clientId: 'suntrack',
  redirectUri: 'https://suntrack.example/callback',
  scope:
    'FB=1_3_4_5_8_10_12_13_14_15_16_19_32_37_39;IntervalDuration=900;BlockDuration=daily;HistoryLength=63072000',
  secret: 'suntrack-secret',
};
const ELECTRIC = 'up-1001-e';
const GAS = 'up-1001-g';
/** A window in 2001: the feed carries structure (UsagePoints) but no readings, so it stays small. */
const NO_READINGS = 'published-min=2001-01-01T00:00:00Z&published-max=2001-01-02T00:00:00Z';

interface AuthorizationJson {
  id: string;
  scope: string;
  usagePointIds: string[];
  authorizedPeriod: { start: string; end: string | null; duration: number };
  history: { action: string; before: { end: string | null }; after: { end: string | null; scope: string } }[];
}

/** SunTrack connected by the household over both meters, and the household's portal token. */
async function connected(usagePointIds = [ELECTRIC, GAS]) {
  const app = await codeFlow(B, { ...SUNTRACK, username: 'household', usagePointIds }, SUNTRACK.secret);
  const id = app.authorizationURI.split('/').pop() ?? '';
  return { app, customer: await customerToken(), id };
}

/** The household's portal token, signed in at the clock's time. */
async function customerToken() {
  const signedIn = await codeFlow(B, {
    clientId: 'green-button-portal',
    redirectUri: NODE_PORTAL_REDIRECT_URI,
    scope: 'openid customer_api',
    username: 'household',
  });
  return signedIn.access_token;
}

let keys = 0;
function post(customer: string, id: string, action: 'changes' | 'renewal', body: unknown) {
  keys += 1;
  return postJson(`${API}/authorizations/${id}/${action}`, body, {
    ...bearer(customer),
    'Idempotency-Key': `key-${keys}`,
  });
}

async function appReads(app: TokenResponse, url: string) {
  const response = await fetch(url, { headers: bearer(app.access_token) });
  return { status: response.status, xml: await response.text() };
}

/** The third party's client_credentials token: its own Authorizations and its notification log. */
async function clientToken(): Promise<TokenResponse> {
  const response = await postForm(
    `${B}/oauth/token`,
    { grant_type: 'client_credentials' },
    { Authorization: basic(SUNTRACK.clientId, SUNTRACK.secret) },
  );
  return (await response.json()) as TokenResponse;
}

const usagePointsIn = (xml: string) =>
  [...xml.matchAll(/<link rel="self" href="[^"]*\/UsagePoint\/([^"/]+)"/g)].map((m) => m[1]);
const iso = (seconds: number) => new Date(millisOf(seconds)).toISOString();

describe('narrowing an authorization', () => {
  it('narrows meters, data blocks and the end at once in the third party’s Authorization, feed and token', async () => {
    const { app, customer, id } = await connected();
    const before = await appReads(app, `${app.resourceURI}?${NO_READINGS}`);
    expect(usagePointsIn(before.xml).sort()).toEqual([ELECTRIC, GAS]);
    const summaries = `${R}/Subscription/${app.resourceURI.split('/').pop()}/UsagePoint/${ELECTRIC}/UsageSummary`;
    expect((await appReads(app, summaries)).status).toBe(200);

    const end = Math.floor(TEST_START / 1000) + 60 * DAY;
    // Keep electricity (5), net metering (8), gas (10) and costs (12); stop bill summaries (15, 16).
    const response = await post(customer, id, 'changes', {
      usagePointIds: [ELECTRIC],
      functionBlocks: [5, 8, 10, 12],
      end: iso(end),
    });
    expect(response.status).toBe(200);
    const changed = (await response.json()) as AuthorizationJson;
    expect(changed.scope).toBe(
      'FB=1_3_4_5_8_10_12_13_14_19_32_37_39;IntervalDuration=900;BlockDuration=daily;HistoryLength=63072000',
    );
    expect(changed.usagePointIds).toEqual([ELECTRIC]);
    expect(changed.authorizedPeriod.end).toBe(iso(end).replace('.000', ''));
    expect(changed.history).toHaveLength(1);
    expect(changed.history[0]?.action).toBe('narrowed');
    expect(changed.history[0]?.after.scope).toBe(changed.scope);

    // The third party's Authorization resource, read with its own token.
    const authorization = await appReads(app, app.authorizationURI);
    assertValidEspi(authorization.xml);
    expect(authorization.xml).toContain(`<espi:scope>${changed.scope}</espi:scope>`);
    expect(authorization.xml).toContain(`<espi:expires_at>${end}</espi:expires_at>`);

    // Its feed, with the token issued before the change: the gas meter and the summaries are gone.
    const after = await appReads(app, `${app.resourceURI}?${NO_READINGS}`);
    assertValidEspi(after.xml);
    expect(usagePointsIn(after.xml)).toEqual([ELECTRIC]);
    expect((await appReads(app, `${app.resourceURI}/UsagePoint/${GAS}`)).status).toBe(403);
    expect((await appReads(app, summaries)).status).toBe(403);

    // A refreshed token says what it may read now.
    const refreshed = await postForm(
      `${B}/oauth/token`,
      { grant_type: 'refresh_token', refresh_token: app.refresh_token ?? '' },
      { Authorization: basic(SUNTRACK.clientId, SUNTRACK.secret) },
    );
    expect(((await refreshed.json()) as TokenResponse).scope).toBe(changed.scope);

    // It was told: a BatchList naming its Authorization and its Subscription, valid ESPI.
    await expect.poll(() => received.length).toBe(1);
    const batchList = received[0] ?? '';
    assertValidEspi(batchList, 'espi.xsd');
    expect([...batchList.matchAll(/<resources>([^<]+)<\/resources>/g)].map((m) => m[1])).toEqual([
      app.authorizationURI,
      app.resourceURI,
    ]);
    const log = (await (
      await fetch(`${B}/sandbox/v1/notifications`, { headers: bearer((await clientToken()).access_token) })
    ).json()) as { notifications: { change: string; authorizationURI: string; bulkId: string | null }[] };
    expect(log.notifications[0]).toMatchObject({
      change: 'narrowed',
      authorizationURI: app.authorizationURI,
      bulkId: null,
    });
  });

  it('refuses to widen with 422 widening_refused, and changes nothing', async () => {
    const { app, customer, id } = await connected([ELECTRIC]);
    const currentEnd = Math.floor(TEST_START / 1000) + 365 * DAY;
    for (const body of [
      { usagePointIds: [ELECTRIC, GAS] },
      { functionBlocks: [5, 8, 10, 11, 12, 15, 16] },
      { end: iso(currentEnd + DAY) },
    ]) {
      const response = await post(customer, id, 'changes', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      const refused = (await response.json()) as { error: string; widened: string[] };
      expect(refused.error).toBe('widening_refused');
      expect(refused.widened).toHaveLength(1);
    }
    const authorization = await appReads(app, app.authorizationURI);
    expect(authorization.xml).toContain(`<espi:scope>${SUNTRACK.scope}</espi:scope>`);
    expect(received).toEqual([]);
  });

  it('keeps one kind of meter reading, refuses protocol blocks, an end in the past and a change of nothing', async () => {
    const { customer, id } = await connected();
    const cases: [unknown, string][] = [
      [{ functionBlocks: [8, 12, 15, 16] }, 'invalid_change'],
      [{ functionBlocks: [5, 10, 14] }, 'invalid_change'],
      [{ end: iso(Math.floor(TEST_START / 1000) - DAY) }, 'invalid_term'],
      [{ usagePointIds: [GAS, ELECTRIC] }, 'no_change'],
    ];
    for (const [body, error] of cases) {
      const response = await post(customer, id, 'changes', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(((await response.json()) as { error: string }).error).toBe(error);
    }
  });
});

describe('renewing an authorization', () => {
  it('moves the end later, up to a year from today, and the third party sees the new end', async () => {
    const { app, id } = await connected();
    // Eleven months on, the term has a month left.
    clock += 335 * DAY * 1000;
    const customer = await customerToken();
    const now = Math.floor(clock / 1000);
    const tooLate = await post(customer, id, 'renewal', { end: iso(now + 366 * DAY) });
    expect(tooLate.status).toBe(422);
    const newEnd = now + 365 * DAY;
    const response = await post(customer, id, 'renewal', { end: iso(newEnd) });
    expect(response.status).toBe(200);
    const renewed = (await response.json()) as AuthorizationJson;
    expect(renewed.history.map((h) => h.action)).toEqual(['renewed']);
    expect(renewed.scope).toBe(SUNTRACK.scope);

    // Its sign-in has long expired: it reads its Authorization with its client token.
    const authorization = await appReads(await clientToken(), app.authorizationURI);
    assertValidEspi(authorization.xml);
    expect(authorization.xml).toContain(`<espi:expires_at>${newEnd}</espi:expires_at>`);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toContain(`${app.authorizationURI}<`);

    const earlier = await post(customer, id, 'renewal', { end: iso(newEnd - DAY) });
    expect(earlier.status).toBe(422);

    // Without an end, a renewal reaches one year from today: here, a day later.
    clock += DAY * 1000;
    const signedInAgain = await customerToken();
    const byDefault = (await (await post(signedInAgain, id, 'renewal', {})).json()) as AuthorizationJson;
    expect(byDefault.authorizedPeriod.end).toBe(iso(newEnd + DAY).replace('.000', ''));
  });

  it('refuses to change or renew an authorization that has ended', async () => {
    const { id } = await connected();
    clock += 366 * DAY * 1000;
    const customer = await customerToken();
    for (const action of ['changes', 'renewal'] as const) {
      const response = await post(customer, id, action, { end: iso(Math.floor(clock / 1000) + DAY) });
      expect(response.status).toBe(409);
    }
  });
});
