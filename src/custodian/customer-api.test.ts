import { describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B } from './node.ts';
import {
  basic,
  bearer,
  codeFlow,
  feedPages,
  postForm,
  postJson,
  type TokenResponse,
} from '../testing/custodian-client.ts';
import { PORTAL, THIRD_PARTY, THIRD_PARTY_AUTH, startClockedCustodian } from '../testing/node-custodian.ts';
import { assertValidEspi } from '../testing/test-data.ts';

startClockedCustodian();

const API = `${B}/api/customer/v1`;
const portalToken = async (username: string, scope = 'openid customer_api') =>
  (await codeFlow(B, { ...PORTAL, scope, username })).access_token;
const getJson = async <T>(url: string, token: string) => {
  const response = await fetch(url, { headers: bearer(token) });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
};

interface AuthorizationJson {
  id: string;
  status: string;
  thirdParty: { name: string; clientId: string };
  usagePointIds: string[];
  revokedAt: string | null;
}
interface GrantJson {
  id: string;
  bulkId: string;
  status: string;
  usagePointIds: string[];
  scope: string;
  history: { action: string; count: number }[];
  bulkURI: string;
}

describe('account, usage points and third parties', () => {
  it('describes the customer and every usage point with its ESPI hrefs', async () => {
    const token = await portalToken('commercial');
    const me = await getJson<{ displayName: string; apiAccess: { enabled: boolean } }>(`${API}/me`, token);
    expect(me.body.displayName).toBe('Northeast Grocers Cooperative');
    expect(me.body.apiAccess).toEqual({ enabled: true });
    const { body } = await getJson<{
      usagePoints: { id: string; site: string; serviceKind: number; hrefs: { batch: string } }[];
    }>(`${API}/usage-points`, token);
    expect(body.usagePoints.length).toBeGreaterThanOrEqual(1200);
    expect(new Set(body.usagePoints.map((u) => u.site)).size).toBeGreaterThan(20);
    expect(new Set(body.usagePoints.map((u) => u.serviceKind))).toEqual(new Set([0, 1, 2]));
    expect(body.usagePoints[0]?.hrefs.batch).toBe(
      `${B}/espi/1_1/resource/Batch/Subscription/self-rc-3001/UsagePoint/up-3001-0001`,
    );
  });

  it('lists registered third parties, names verbatim, aggregators marked', async () => {
    const { body } = await getJson<{ thirdParties: { name: string; bulkCapable: boolean }[] }>(
      `${API}/third-parties`,
      await portalToken('household'),
    );
    expect(body.thirdParties.map((t) => t.name)).toContain('<img src=x onerror=alert(1)>');
    expect(body.thirdParties.filter((t) => t.bulkCapable).length).toBeGreaterThanOrEqual(2);
  });

  it('serves the apps’ logos itself, so a page without network shows them', async () => {
    const { body } = await getJson<{ thirdParties: { clientId: string; logoUri: string | null }[] }>(
      `${API}/third-parties`,
      await portalToken('household'),
    );
    const logoUri = body.thirdParties.find((t) => t.clientId === 'brightwatt')?.logoUri;
    expect(logoUri).toBe(`${B}/logos/brightwatt.svg`);
    const logo = await fetch(logoUri ?? '');
    expect(logo.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(await logo.text()).toMatch(/^<svg [^>]*>.*>B<\/text><\/svg>$/);
    expect((await fetch(`${B}/logos/markup-test.svg`)).status).toBe(404);
  });

  it('needs the portal’s token with customer_api', async () => {
    expect((await getJson(`${API}/me`, await portalToken('household', 'openid'))).status).toBe(403);
    expect((await fetch(`${API}/me`)).status).toBe(401);
  });
});

describe('authorizations', () => {
  it('lists every state and shows one in detail', async () => {
    const token = await portalToken('household');
    const { body } = await getJson<{ authorizations: AuthorizationJson[] }>(`${API}/authorizations`, token);
    expect(new Set(body.authorizations.map((a) => a.status))).toEqual(
      new Set(['active', 'expired', 'revoked', 'denied']),
    );
    const first = body.authorizations[0];
    const detail = await getJson<AuthorizationJson>(`${API}/authorizations/${first?.id}`, token);
    expect(detail.body).toEqual(first);
    expect((await getJson(`${API}/authorizations/a-2001-1`, token)).status).toBe(404);
  });

  it('revokes idempotently, and the third party’s tokens then fail with 401', async () => {
    const thirdParty = await codeFlow(B, THIRD_PARTY, THIRD_PARTY.secret);
    const readData = () =>
      fetch(`${thirdParty.resourceURI}?max-results=1`, { headers: bearer(thirdParty.access_token) });
    expect((await readData()).status).toBe(200);
    const token = await portalToken('household');
    const id = thirdParty.authorizationURI.split('/').pop();
    const revoke = () =>
      fetch(`${API}/authorizations/${id}/revoke`, { method: 'POST', headers: bearer(token) });
    const first = (await (await revoke()).json()) as AuthorizationJson;
    expect(first.status).toBe('revoked');
    const second = (await (await revoke()).json()) as AuthorizationJson;
    expect(second).toEqual(first);
    const after = await readData();
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/invalid_token/);
    const refresh = await postForm(
      `${B}/oauth/token`,
      { grant_type: 'refresh_token', refresh_token: thirdParty.refresh_token ?? '' },
      THIRD_PARTY_AUTH,
    );
    expect(refresh.status).toBe(400);
  });

  it('refuses to revoke a denied request', async () => {
    const token = await portalToken('household');
    const { body } = await getJson<{ authorizations: AuthorizationJson[] }>(`${API}/authorizations`, token);
    const denied = body.authorizations.find((a) => a.status === 'denied');
    expect(
      (await fetch(`${API}/authorizations/${denied?.id}/revoke`, { method: 'POST', headers: bearer(token) }))
        .status,
    ).toBe(409);
  });

  it('gives a customer 0 or 500 synthetic authorizations on demand', async () => {
    for (const count of [0, 500]) {
      const set = await fetch(`${B}/__demo/customers/household/authorizations`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ count }),
      });
      expect(set.status).toBe(200);
      const { body } = await getJson<{ authorizations: AuthorizationJson[] }>(
        `${API}/authorizations`,
        await portalToken('household'),
      );
      expect(body.authorizations).toHaveLength(count);
    }
  });
});

describe('bulk grants', () => {
  const meters = ['up-3001-0001', 'up-3001-0002', 'up-3001-0003'];
  const create = (token: string, key: string, body: unknown) =>
    postJson(`${API}/bulk-grants`, body, { ...bearer(token), 'Idempotency-Key': key });
  const aggregatorToken = async () =>
    (
      (await (
        await postForm(
          `${B}/oauth/token`,
          { grant_type: 'client_credentials' },
          { Authorization: basic('gridflex', 'gridflex-secret') },
        )
      ).json()) as TokenResponse
    ).access_token;
  /** The meters the aggregator's bulk feed carries under this grant (its subscription), every page. */
  const bulkMeters = async (grant: GrantJson) => {
    const pages = await feedPages(
      `${grant.bulkURI}?published-min=2025-06-12T00:00:00Z`,
      await aggregatorToken(),
    );
    pages.forEach((xml) => assertValidEspi(xml));
    const own = new RegExp(`rel="self" href="[^"]*/Subscription/${grant.id}/UsagePoint/(up-[\\d-]+)"`, 'g');
    return pages.flatMap((xml) => [...xml.matchAll(own)].map((m) => m[1])).sort();
  };

  it('creates once per Idempotency-Key, and the aggregator’s Bulk feed holds exactly the granted meters', async () => {
    const token = await portalToken('commercial');
    const body = { thirdPartyId: 'gridflex', usagePointIds: meters, termEnd: null };
    const first = await create(token, 'key-1', body);
    expect(first.status).toBe(201);
    const grant = (await first.json()) as GrantJson;
    expect(grant.scope).toMatch(new RegExp(`;BR=${grant.bulkId}$`));
    const retry = await create(token, 'key-1', body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as GrantJson).id).toBe(grant.id);
    const { body: list } = await getJson<{ bulkGrants: GrantJson[] }>(`${API}/bulk-grants`, token);
    expect(list.bulkGrants.filter((g) => g.id === grant.id)).toHaveLength(1);
    expect((await create(token, 'key-1', { ...body, usagePointIds: ['up-3001-0004'] })).status).toBe(422);
    expect((await postJson(`${API}/bulk-grants`, body, bearer(token))).status).toBe(400);
    expect(await bulkMeters(grant)).toEqual(meters);
  });

  it('names the meters that cannot be granted, without telling another customer’s from an unknown one, and creates nothing', async () => {
    const token = await portalToken('commercial');
    const response = await create(token, 'key-2', {
      thirdPartyId: 'gridflex',
      usagePointIds: ['up-3001-0001', 'up-1001-e', 'up-3001-0097', 'nope'],
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { rejected: { usagePointId: string; reason: string }[] };
    expect(body.rejected).toEqual([
      { usagePointId: 'up-1001-e', reason: 'not-yours' },
      { usagePointId: 'up-3001-0097', reason: 'not-eligible' },
      // Another customer's meter and an id that exists nowhere look the same: meters cannot be enumerated.
      { usagePointId: 'nope', reason: 'not-yours' },
    ]);
    expect((await create(token, 'key-3', { thirdPartyId: 'brightwatt', usagePointIds: meters })).status).toBe(
      422,
    );
  });

  it('widens, narrows and revokes, recording each change; the feed follows', async () => {
    const token = await portalToken('commercial');
    const grant = (await (
      await create(token, 'key-4', { thirdPartyId: 'gridflex', usagePointIds: meters })
    ).json()) as GrantJson;
    const change = (key: string, body: unknown) =>
      postJson(`${API}/bulk-grants/${grant.id}/changes`, body, { ...bearer(token), 'Idempotency-Key': key });

    const widen = await change('key-5', { add: ['up-3001-0004', 'up-1001-e'] });
    const widened = (await widen.json()) as {
      grant: GrantJson;
      added: string[];
      rejected: { usagePointId: string }[];
      partial: boolean;
    };
    expect(widened.added).toEqual(['up-3001-0004']);
    expect(widened.partial).toBe(true);
    expect(widened.rejected.map((x) => x.usagePointId)).toEqual(['up-1001-e']);
    // The retry of a change is replayed, not applied twice.
    expect(
      ((await (await change('key-5', { add: ['up-3001-0004', 'up-1001-e'] })).json()) as { grant: GrantJson })
        .grant.history,
    ).toHaveLength(2);
    expect(await bulkMeters(widened.grant)).toEqual([...meters, 'up-3001-0004']);

    const narrowed = (await (await change('key-6', { remove: ['up-3001-0001', 'up-3001-0002'] })).json()) as {
      grant: GrantJson;
    };
    expect(narrowed.grant.usagePointIds).toEqual(['up-3001-0003', 'up-3001-0004']);
    expect(await bulkMeters(grant)).toEqual(['up-3001-0003', 'up-3001-0004']);
    expect((await change('key-7', { remove: ['up-3001-0003', 'up-3001-0004'] })).status).toBe(422);

    const revoke = () =>
      fetch(`${API}/bulk-grants/${grant.id}/revoke`, { method: 'POST', headers: bearer(token) });
    const revoked = (await (await revoke()).json()) as GrantJson;
    expect(revoked.status).toBe('revoked');
    expect(revoked.history.map((h) => h.action)).toEqual([
      'created',
      'meters-added',
      'meters-removed',
      'revoked',
    ]);
    expect(await (await revoke()).json()).toEqual(revoked);
    expect(await bulkMeters(grant)).toEqual([]);
    expect((await change('key-8', { add: ['up-3001-0001'] })).status).toBe(409);
  });

  it('keeps one aggregator out of another’s bulk', async () => {
    const token = await portalToken('commercial');
    const grant = (await (
      await create(token, 'key-9', { thirdPartyId: 'carbonledger', usagePointIds: meters })
    ).json()) as GrantJson;
    expect((await fetch(grant.bulkURI, { headers: bearer(await aggregatorToken()) })).status).toBe(403);
  });
});
