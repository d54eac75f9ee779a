/**
 * Own-data API access (issue 16) against the mock custodian: the customer manages the client through
 * the customer API with a portal token; the "script" makes the password grant with the client's
 * credentials and the customer's password, refreshes, reads, and is stopped by the customer.
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B } from './node.ts';
import {
  basic,
  bearer,
  codeFlow,
  feedPages,
  postForm,
  type TokenResponse,
} from '../testing/custodian-client.ts';
import { PORTAL, startClockedCustodian } from '../testing/node-custodian.ts';
import {
  commercialPortalToken,
  createOwnApiClient,
  ownApiRequest,
  passwordGrant,
  refreshGrant,
  type OwnApiClientJson,
} from '../testing/own-api-client.ts';
import { OWN_API_LIFETIMES } from './own-api-clients.ts';

const { custodian, clock } = startClockedCustodian();

const ESPI = `${B}/espi/1_1/resource`;
const FEED = `${ESPI}/Batch/Subscription/self-rc-3001`;
/** Electricity only, a month back: narrower than the account's own data. */
const CEILING = {
  scope: 'FB=1_3_4_5_13_14_19_32_37_39;IntervalDuration=900;HistoryLength=2678400',
  usagePointIds: ['up-3001-0001', 'up-3001-0002'],
};

const portalToken = () => commercialPortalToken(B, PORTAL.redirectUri);

/** A portal token, a new client with CEILING, and a password grant of it (the script's first run). */
async function scriptWithTokens() {
  const portal = await portalToken();
  const client = await createOwnApiClient(B, portal, CEILING);
  const response = await passwordGrant(B, client);
  expect(response.status).toBe(200);
  return { portal, client, tokens: (await response.json()) as TokenResponse };
}

/** The status of a GET; the body is read, so a streamed feed ends cleanly. */
const status = async (url: string, token: string) => {
  const response = await fetch(url, { headers: bearer(token) });
  await response.arrayBuffer();
  return response.status;
};
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

describe('the own-data API client', () => {
  it('is created once, with a secret shown once and stored only as a hash', async () => {
    const portal = await portalToken();
    const client = await createOwnApiClient(B, portal, CEILING);
    expect(client.clientSecret).toMatch(/^gbs_[\w-]{43}$/);
    expect(client.ceiling).toEqual(CEILING);
    expect(client.lifetimes).toEqual({
      accessToken: 600,
      refreshToken: OWN_API_LIFETIMES.refresh,
      refreshTokenFamily: OWN_API_LIFETIMES.family,
    });
    const read = await ownApiRequest(B, portal, 'GET', '');
    const { apiClient } = (await read.json()) as { apiClient: OwnApiClientJson };
    expect(apiClient.clientId).toBe(client.clientId);
    expect(apiClient).not.toHaveProperty('clientSecret');
    expect(JSON.stringify(custodian.store.state)).not.toContain(client.clientSecret);
    const again = await ownApiRequest(B, portal, 'POST', '', CEILING);
    expect(again.status).toBe(409);
  });

  it('refuses a ceiling beyond the account’s own data or with another customer’s meter', async () => {
    const portal = await portalToken();
    const foreign = await ownApiRequest(B, portal, 'POST', '', { ...CEILING, usagePointIds: ['up-1001-e'] });
    expect(foreign.status).toBe(400);
    expect(await errorOf(foreign)).toBe('invalid_usage_points');
    const wider = await ownApiRequest(B, portal, 'POST', '', { ...CEILING, scope: 'FB=1_3_34_35' });
    expect(await errorOf(wider)).toBe('invalid_scope');
  });

  it('is only for accounts with API access', async () => {
    const household = (await codeFlow(B, { ...PORTAL, scope: 'openid customer_api' })).access_token;
    const overview = await ownApiRequest(B, household, 'GET', '');
    expect(await overview.json()).toMatchObject({ enabled: false, apiClient: null });
    const response = await ownApiRequest(B, household, 'POST', '', CEILING);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe('api_access_not_enabled');
  });

  it('once deleted, its secret and its tokens stop working', async () => {
    const { portal, client, tokens } = await scriptWithTokens();
    expect((await ownApiRequest(B, portal, 'DELETE', '')).status).toBe(204);
    expect(await status(FEED, tokens.access_token)).toBe(401);
    expect(await errorOf(await passwordGrant(B, client))).toBe('invalid_client');
    expect(custodian.store.state.authorizations[`api-${client.clientId}`]).toBeUndefined();
    // A new one can be created.
    expect((await ownApiRequest(B, portal, 'POST', '', CEILING)).status).toBe(201);
  });
});

describe('the password grant of the customer’s script', () => {
  it('gets a token within the ceiling, with a refresh token', async () => {
    const { tokens } = await scriptWithTokens();
    expect(tokens.scope).toBe(CEILING.scope);
    expect(tokens.refresh_token).toBeDefined();
    expect(tokens.expires_in).toBe(600);
    expect(tokens.resourceURI).toBe(FEED);
  });

  it('reaches only the ceiling’s meters, never another customer’s data', async () => {
    const { tokens } = await scriptWithTokens();
    const token = tokens.access_token;
    const pages = await feedPages(`${FEED}?max-results=500`, token);
    const meters = new Set(
      pages.flatMap((xml) => [...xml.matchAll(/UsagePoint\/(up-[\d-]+)/g)].map((m) => m[1])),
    );
    expect([...meters].sort()).toEqual(CEILING.usagePointIds);
    // Gas is outside the ceiling's function blocks, the third meter outside its meters.
    expect(pages.join('')).not.toMatch(/<espi:kind>1<\/espi:kind>/);
    expect(await status(`${ESPI}/Subscription/self-rc-3001/UsagePoint/up-3001-0001`, token)).toBe(200);
    expect(await status(`${ESPI}/Subscription/self-rc-3001/UsagePoint/up-3001-0003`, token)).toBe(403);
    expect(await status(`${ESPI}/Subscription/self-rc-1001/UsagePoint/up-1001-e`, token)).toBe(403);
    expect(await status(`${ESPI}/Batch/RetailCustomer/rc-1001/UsagePoint`, token)).toBe(403);
  });

  it('refuses a scope above the ceiling (not narrowed), another account and a wrong password', async () => {
    const portal = await portalToken();
    const client = await createOwnApiClient(B, portal, CEILING);
    const wider = await passwordGrant(B, client, {
      scope: 'FB=1_3_4_5_10_13_14_19_32_37_39;HistoryLength=2678400',
    });
    expect(await errorOf(wider)).toBe('invalid_scope');
    const longer = await passwordGrant(B, client, { scope: 'FB=1_3_4_5_13;HistoryLength=31536000' });
    expect(await errorOf(longer)).toBe('invalid_scope');
    const narrower = await passwordGrant(B, client, { scope: 'FB=1_3_4_5_13;HistoryLength=604800' });
    expect(((await narrower.json()) as TokenResponse).scope).toBe('FB=1_3_4_5_13;HistoryLength=604800');
    expect(await errorOf(await passwordGrant(B, client, { username: 'household' }))).toBe('invalid_grant');
    expect(await errorOf(await passwordGrant(B, client, { password: 'not-demo' }))).toBe('invalid_grant');
    const thirdParty = await passwordGrant(B, { clientId: 'brightwatt', clientSecret: 'brightwatt-secret' });
    expect(await errorOf(thirdParty)).toBe('unauthorized_client');
  });
});

describe('refresh', () => {
  it('rotates the refresh token; the old one is refused and its reuse ends the family', async () => {
    const { client, tokens } = await scriptWithTokens();
    const first = await refreshGrant(B, client, tokens.refresh_token ?? '');
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as TokenResponse;
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect(await status(FEED, rotated.access_token)).toBe(200);
    const reused = await refreshGrant(B, client, tokens.refresh_token ?? '');
    expect(await errorOf(reused)).toBe('invalid_grant');
    // A second use of a rotated token means it leaked: the newer one stops too.
    expect(await errorOf(await refreshGrant(B, client, rotated.refresh_token ?? ''))).toBe('invalid_grant');
    expect(await status(FEED, rotated.access_token)).toBe(401);
  });

  it('keeps a nightly job going for as long as the family lives, then asks for the password', async () => {
    const { client, tokens } = await scriptWithTokens();
    let refresh = tokens.refresh_token ?? '';
    // Every 29 days (inside the refresh token's 30): still refreshing after 87 days.
    for (let night = 1; night <= 3; night += 1) {
      clock.ms += 29 * 86_400_000;
      const response = await refreshGrant(B, client, refresh);
      expect(response.status, `refresh after ${night * 29} days`).toBe(200);
      refresh = ((await response.json()) as TokenResponse).refresh_token ?? '';
    }
    // The family ends 90 days after the password grant: the last refresh token is cut short to it.
    clock.ms += 4 * 86_400_000;
    expect(await errorOf(await refreshGrant(B, client, refresh))).toBe('invalid_grant');
    expect((await passwordGrant(B, client)).status).toBe(200);
  });

  it('narrows to a ceiling narrowed since; until then the wider token is refused', async () => {
    const { portal, client, tokens } = await scriptWithTokens();
    const narrower = { scope: 'FB=1_3_4_5_13;HistoryLength=604800', usagePointIds: ['up-3001-0002'] };
    expect((await ownApiRequest(B, portal, 'PUT', '/ceiling', narrower)).status).toBe(200);
    expect(await status(FEED, tokens.access_token)).toBe(403);
    const refreshed = (await (
      await refreshGrant(B, client, tokens.refresh_token ?? '')
    ).json()) as TokenResponse;
    // The ceiling's blocks and history; the token's interval duration is kept.
    expect(refreshed.scope).toBe('FB=1_3_4_5_13;IntervalDuration=900;HistoryLength=604800');
    expect(
      await status(`${ESPI}/Subscription/self-rc-3001/UsagePoint/up-3001-0001`, refreshed.access_token),
    ).toBe(403);
    expect(
      await status(`${ESPI}/Subscription/self-rc-3001/UsagePoint/up-3001-0002`, refreshed.access_token),
    ).toBe(200);
  });
});

describe('rotating the secret', () => {
  it('makes the old secret fail at once and the new one work', async () => {
    const { portal, client, tokens } = await scriptWithTokens();
    const response = await ownApiRequest(B, portal, 'POST', '/secret');
    const rotated = (await response.json()) as OwnApiClientJson & { clientSecret: string };
    expect(rotated.clientSecret).not.toBe(client.clientSecret);
    const old = await passwordGrant(B, client);
    expect(old.status).toBe(401);
    expect(await errorOf(old)).toBe('invalid_client');
    expect(await errorOf(await refreshGrant(B, client, tokens.refresh_token ?? ''))).toBe('invalid_client');
    expect((await passwordGrant(B, rotated)).status).toBe(200);
    expect((await refreshGrant(B, rotated, tokens.refresh_token ?? '')).status).toBe(200);
  });
});

describe('the token list and revocation', () => {
  interface TokenJson {
    id: string;
    status: string;
    scope: string;
    issuedAt: string;
    lastUsedAt: string | null;
    refreshedAt: string | null;
    accessTokenExpiresAt: string;
    refreshTokenExpiresAt: string;
  }
  const listTokens = async (portal: string) =>
    ((await (await ownApiRequest(B, portal, 'GET', '/tokens')).json()) as { tokens: TokenJson[] }).tokens;

  it('lists each grant with when it was issued, used and refreshed, its scope and expiry', async () => {
    const { portal, client, tokens } = await scriptWithTokens();
    const issued = new Date(clock.ms).toISOString().replace('.000Z', 'Z');
    clock.ms += 120_000;
    expect(await status(FEED, tokens.access_token)).toBe(200);
    const [listed] = await listTokens(portal);
    expect(listed).toMatchObject({
      status: 'active',
      scope: CEILING.scope,
      issuedAt: issued,
      lastUsedAt: new Date(clock.ms).toISOString().replace('.000Z', 'Z'),
      refreshedAt: null,
      accessTokenExpiresAt: new Date(Date.parse(issued) + 600_000).toISOString().replace('.000Z', 'Z'),
    });
    await refreshGrant(B, client, tokens.refresh_token ?? '');
    const after = await listTokens(portal);
    expect(after).toHaveLength(1);
    expect(after[0]?.refreshedAt).not.toBeNull();
  });

  it('revoking one token stops its access and refresh; revoking all stops every one', async () => {
    const { portal, client, tokens } = await scriptWithTokens();
    const second = (await (await passwordGrant(B, client)).json()) as TokenResponse;
    const third = (await (await passwordGrant(B, client)).json()) as TokenResponse;
    // A token's row is its refresh-token family, the fid claim of its tokens.
    const thirdId = String(decodeJwt(third.access_token).fid);
    expect((await listTokens(portal)).map((t) => t.id)).toContain(thirdId);
    const one = await ownApiRequest(B, portal, 'POST', `/tokens/${thirdId}/revoke`);
    expect(((await one.json()) as TokenJson).status).toBe('revoked');
    expect(await status(FEED, third.access_token)).toBe(401);
    expect(await errorOf(await refreshGrant(B, client, third.refresh_token ?? ''))).toBe('invalid_grant');
    expect(await status(FEED, tokens.access_token)).toBe(200);

    const all = await ownApiRequest(B, portal, 'POST', '/tokens/revoke');
    const revoked = ((await all.json()) as { tokens: TokenJson[] }).tokens;
    expect(revoked.map((t) => t.status)).toEqual(['revoked', 'revoked', 'revoked']);
    for (const t of [tokens, second]) {
      expect(await status(FEED, t.access_token)).toBe(401);
      expect(await errorOf(await refreshGrant(B, client, t.refresh_token ?? ''))).toBe('invalid_grant');
    }
  });

  it('the script can revoke its own refresh token too (RFC 7009), ending the family', async () => {
    const { client, tokens } = await scriptWithTokens();
    const revoke = await postForm(
      `${B}/oauth/revoke`,
      { token: tokens.refresh_token ?? '', token_type_hint: 'refresh_token' },
      { Authorization: basic(client.clientId, client.clientSecret) },
    );
    expect(revoke.status).toBe(200);
    expect(await status(FEED, tokens.access_token)).toBe(401);
  });
});
