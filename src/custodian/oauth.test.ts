import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B } from './node.ts';
import {
  authorizeRedirect,
  basic,
  bearer,
  codeFlow,
  pkcePair,
  postForm,
  postJson,
  redeemCode,
  signInStep,
  type TokenResponse,
} from '../testing/custodian-client.ts';
import { PORTAL, THIRD_PARTY, THIRD_PARTY_AUTH, startClockedCustodian } from '../testing/node-custodian.ts';

const { custodian, clock } = startClockedCustodian();

async function userinfo(token: string) {
  return fetch(`${B}/oauth/userinfo`, { headers: bearer(token) });
}

describe('discovery and keys', () => {
  it('publishes the endpoints, S256 only, and a key that verifies id tokens', async () => {
    const doc = (await (await fetch(`${B}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(doc.issuer).toBe(B);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(doc.revocation_endpoint).toBe(`${B}/oauth/revoke`);
    expect(doc.userinfo_endpoint).toBe(`${B}/oauth/userinfo`);
    const jwks = (await (await fetch(String(doc.jwks_uri))).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it('answers CORS preflights like the reference implementation, for the portal’s origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${B}/oauth/token`, { method: 'OPTIONS', headers: { Origin: origin } });
    const portal = await preflight(new URL(PORTAL.redirectUri).origin);
    expect(portal.status).toBe(204);
    expect(portal.headers.get('access-control-allow-origin')).toBe(new URL(PORTAL.redirectUri).origin);
    expect(portal.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** A valid authorize request of the third party, with a fresh PKCE challenge. */
const valid = async () => ({
  client_id: THIRD_PARTY.clientId,
  redirect_uri: THIRD_PARTY.redirectUri,
  response_type: 'code',
  scope: THIRD_PARTY.scope,
  state: 's',
  code_challenge: (await pkcePair()).challenge,
  code_challenge_method: 'S256',
});

describe('the authorize request', () => {
  it('returns the client to show and the scope asked for', async () => {
    const response = await postJson(`${B}/oauth/interaction/validate`, await valid());
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      client: { name: string };
      scope: { espi: string; description: { history: string } };
      consentRequired: boolean;
    };
    expect(body.client.name).toBe('BrightWatt Energy Insights');
    expect(body.scope.espi).toBe(THIRD_PARTY.scope);
    expect(body.scope.description.history).toBe('395 days (about 13 months)');
    expect(body.consentRequired).toBe(true);
  });

  it('never redirects for an unknown client or an unregistered redirect_uri', async () => {
    for (const change of [{ client_id: 'nobody' }, { redirect_uri: 'https://evil.example/callback' }]) {
      const response = await postJson(`${B}/oauth/interaction/validate`, { ...(await valid()), ...change });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { redirectUrl: unknown }).redirectUrl).toBeNull();
    }
  });

  it('sends PKCE-less, wrong response_type and unregistered scopes back to the client with the error', async () => {
    const cases = [
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'FB=1_3_4_5_10_11_12_13;HistoryLength=999999999' }, 'invalid_scope'],
    ] as const;
    for (const [change, error] of cases) {
      const response = await postJson(`${B}/oauth/interaction/validate`, { ...(await valid()), ...change });
      const body = (await response.json()) as { error: string; redirectUrl: string };
      expect(body.error).toBe(error);
      const redirect = new URL(body.redirectUrl);
      expect(redirect.origin + redirect.pathname).toBe(THIRD_PARTY.redirectUri);
      expect(redirect.searchParams.get('error')).toBe(error);
      expect(redirect.searchParams.get('state')).toBe('s');
    }
  });

  it('refuses a wrong password with a message to show', async () => {
    const response = await postJson(`${B}/oauth/interaction/sign-in`, {
      request: await valid(),
      username: 'household',
      password: 'nope',
    });
    expect(response.status).toBe(401);
  });

  it('redirects with access_denied and the state when the customer denies, and records the denial', async () => {
    const redirect = await authorizeRedirect(
      B,
      { ...THIRD_PARTY, usagePointIds: null, state: 'xyz' },
      (await pkcePair()).challenge,
    );
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('state')).toBe('xyz');
    expect(redirect.searchParams.get('code')).toBeNull();
    const denied = Object.values(custodian.store.state.authorizations).filter(
      (a) => a.clientId === 'brightwatt' && a.status === 'denied' && a.createdAt === clock.ms / 1000,
    );
    expect(denied).toHaveLength(1);
  });
});

describe('consent shares no more than asked', () => {
  const YEAR = 365 * 86_400;
  /** Signs household in for BrightWatt's electricity-only scope: the consent step's answer. */
  async function consentStep() {
    const response = await signInStep(B, THIRD_PARTY, (await pkcePair()).challenge);
    expect(response.status).toBe(200);
    return (await response.json()) as {
      interaction: string;
      accessEnds: number;
      customer: { usagePoints: { id: string }[] };
    };
  }
  const decide = (body: Record<string, unknown>) => postJson(`${B}/oauth/interaction/decision`, body);

  it('offers only the meters the scope can read, and says when access would end', async () => {
    const consent = await consentStep();
    // FB 5 reads electricity only: household's gas meter is not offered.
    expect(consent.customer.usagePoints.map((up) => up.id)).toEqual(['up-1001-e']);
    expect(consent.accessEnds).toBe(clock.ms / 1000 + YEAR);
  });

  it('refuses a meter the scope cannot read', async () => {
    const consent = await consentStep();
    const response = await decide({
      interaction: consent.interaction,
      approve: true,
      usagePointIds: ['up-1001-e', 'up-1001-g'],
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error_description: string }).error_description).toContain(
      'up-1001-g',
    );
  });

  it('keeps an earlier end the customer chose, and refuses one past the usual year', async () => {
    const now = clock.ms / 1000;
    const late = await consentStep();
    const refused = await decide({
      interaction: late.interaction,
      approve: true,
      usagePointIds: ['up-1001-e'],
      accessEnds: now + YEAR + 86_400,
    });
    expect(refused.status).toBe(400);

    const consent = await consentStep();
    const answer = await decide({
      interaction: consent.interaction,
      approve: true,
      usagePointIds: ['up-1001-e'],
      accessEnds: now + 30 * 86_400,
    });
    expect(answer.status).toBe(200);
    const { authorizationId } = (await answer.json()) as { authorizationId: string };
    expect(custodian.store.state.authorizations[authorizationId]?.authorizedPeriod).toEqual({
      start: now,
      duration: 30 * 86_400,
    });
  });
});

describe('authorization_code with PKCE', () => {
  it('issues tokens with the ESPI resourceURI and authorizationURI for the approved usage points', async () => {
    const tokens = await codeFlow(B, { ...THIRD_PARTY, usagePointIds: ['up-1001-e'] }, THIRD_PARTY.secret);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.resourceURI).toMatch(new RegExp(`^${B}/espi/1_1/resource/Batch/Subscription/`));
    const authorizationId = tokens.authorizationURI.split('/').pop() ?? '';
    expect(custodian.store.state.authorizations[authorizationId]?.usagePointIds).toEqual(['up-1001-e']);
    expect(tokens.refresh_token).toBeDefined();
    expect(tokens.id_token).toBeUndefined();
  });

  it('refuses a wrong verifier, a reused code and a different redirect_uri', async () => {
    const { verifier, challenge } = await pkcePair();
    const exchange = (code: string, changes: Record<string, string> = {}) =>
      redeemCode(B, THIRD_PARTY, { code, verifier, secret: THIRD_PARTY.secret }, changes);
    const code = (await authorizeRedirect(B, THIRD_PARTY, challenge)).searchParams.get('code') ?? '';
    const wrong = await exchange(code, { code_verifier: `${verifier}x` });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await exchange(code, { redirect_uri: 'http://127.0.0.1/callback' })).status).toBe(400);
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const { refresh_token } = (await first.json()) as TokenResponse;
    const again = await exchange(code);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
    // The second use of a code revokes what it issued (RFC 6749 section 4.1.2).
    const refreshed = await postForm(
      `${B}/oauth/token`,
      { grant_type: 'refresh_token', refresh_token: refresh_token ?? '' },
      THIRD_PARTY_AUTH,
    );
    expect(refreshed.status).toBe(400);
  });

  it('refuses a code after its short lifetime', async () => {
    const { verifier, challenge } = await pkcePair();
    const code = (await authorizeRedirect(B, THIRD_PARTY, challenge)).searchParams.get('code') ?? '';
    clock.ms += 61_000;
    const response = await redeemCode(B, THIRD_PARTY, { code, verifier, secret: THIRD_PARTY.secret });
    expect(((await response.json()) as { error_description: string }).error_description).toMatch(/expired/);
  });

  it('authenticates confidential clients with client_secret_basic only', async () => {
    const noSecret = await postForm(`${B}/oauth/token`, {
      grant_type: 'client_credentials',
      client_id: 'brightwatt',
    });
    expect(noSecret.status).toBe(401);
    expect(noSecret.headers.get('www-authenticate')).toMatch(/^Basic/);
    const wrong = await postForm(
      `${B}/oauth/token`,
      { grant_type: 'client_credentials' },
      { Authorization: basic('brightwatt', 'x') },
    );
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('signs the portal in without consent and returns an id_token for the nonce', async () => {
    const tokens = await codeFlow(B, { ...PORTAL, username: 'business', nonce: 'n-123' });
    const idToken = decodeJwt(tokens.id_token ?? '');
    expect(decodeProtectedHeader(tokens.id_token ?? '').alg).toBe('ES256');
    expect(idToken).toMatchObject({ iss: B, aud: 'green-button-portal', sub: 'rc-2001', nonce: 'n-123' });
    expect(idToken.exp).toBe(clock.ms / 1000 + 600);
    expect(tokens.resourceURI).toBe(`${B}/espi/1_1/resource/Batch/Subscription/self-rc-2001`);
    const info = await userinfo(tokens.access_token);
    expect(await info.json()).toEqual({
      sub: 'rc-2001',
      name: 'Harbor Street Bakery LLC',
      preferred_username: 'business',
    });
  });
});

describe('access-token lifetime', () => {
  it('rejects an expired token with 401 invalid_token, and honours a configured lifetime', async () => {
    custodian.setFaults({ accessTokenLifetime: 30 });
    const tokens = await codeFlow(B, PORTAL);
    expect(tokens.expires_in).toBe(30);
    expect((await userinfo(tokens.access_token)).status).toBe(200);
    clock.ms += 31_000;
    const expired = await userinfo(tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="DataCustodian", error="invalid_token"/,
    );
  });

  it('treats every token as expired under the expired-tokens fault', async () => {
    const tokens = await codeFlow(B, PORTAL);
    custodian.setFaults({ expireTokens: true });
    expect((await userinfo(tokens.access_token)).status).toBe(401);
    const refresh = await postForm(`${B}/oauth/token`, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: 'green-button-portal',
    });
    expect(refresh.status).toBe(400);
  });
});

describe('refresh_token rotation', () => {
  const refresh = (token: string) =>
    postForm(`${B}/oauth/token`, {
      grant_type: 'refresh_token',
      refresh_token: token,
      client_id: 'green-button-portal',
    });

  it('rotates, and a reused refresh token revokes the whole family', async () => {
    const first = await codeFlow(B, PORTAL);
    const second = (await (await refresh(first.refresh_token ?? '')).json()) as TokenResponse;
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await userinfo(second.access_token)).status).toBe(200);

    const reuse = await refresh(first.refresh_token ?? '');
    expect(reuse.status).toBe(400);
    expect(((await reuse.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await refresh(second.refresh_token ?? '')).status).toBe(400);
    expect((await userinfo(second.access_token)).status).toBe(401);
  });

  it('keeps the original auth_time in a refreshed id_token (OIDC Core 12.2)', async () => {
    const first = await codeFlow(B, PORTAL);
    const signedInAt = decodeJwt(first.id_token ?? '').auth_time;
    expect(signedInAt).toBeTypeOf('number');
    clock.ms += 120_000;
    const second = (await (await refresh(first.refresh_token ?? '')).json()) as TokenResponse;
    const refreshed = decodeJwt(second.id_token ?? '');
    expect(refreshed.auth_time).toBe(signedInAt);
    expect(refreshed.iat).toBeGreaterThan(signedInAt as number);
  });

  it('refuses a refresh token of another client and a wider scope', async () => {
    const tokens = await codeFlow(B, THIRD_PARTY, THIRD_PARTY.secret);
    const other = await postForm(
      `${B}/oauth/token`,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' },
      { Authorization: basic('suntrack', 'suntrack-secret') },
    );
    expect(other.status).toBe(400);
    const wider = await postForm(
      `${B}/oauth/token`,
      {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
        scope: `${THIRD_PARTY.scope} openid`,
      },
      THIRD_PARTY_AUTH,
    );
    expect(((await wider.json()) as { error: string }).error).toBe('invalid_scope');
  });
});

describe('client_credentials', () => {
  it('gives an aggregator a Batch/Bulk token, and refuses a foreign scope', async () => {
    const response = await postForm(
      `${B}/oauth/token`,
      { grant_type: 'client_credentials' },
      { Authorization: basic('gridflex', 'gridflex-secret') },
    );
    const tokens = (await response.json()) as TokenResponse;
    expect(tokens.scope).toBe('FB=3_34_35');
    expect(tokens.resourceURI).toBe(`${B}/espi/1_1/resource/Batch/Bulk`);
    expect(tokens.refresh_token).toBeUndefined();
    const foreign = await postForm(
      `${B}/oauth/token`,
      { grant_type: 'client_credentials', scope: 'FB=3_33' },
      { Authorization: basic('gridflex', 'gridflex-secret') },
    );
    expect(((await foreign.json()) as { error: string }).error).toBe('invalid_scope');
  });

  it('is refused to the portal and to unknown grant types', async () => {
    const portal = await postForm(`${B}/oauth/token`, {
      grant_type: 'client_credentials',
      client_id: 'green-button-portal',
    });
    expect(((await portal.json()) as { error: string }).error).toBe('unauthorized_client');
    const implicit = await postForm(`${B}/oauth/token`, {
      grant_type: 'implicit',
      client_id: 'green-button-portal',
    });
    expect(((await implicit.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });
});

describe('revocation (RFC 7009)', () => {
  const revoke = (token: string, hint?: string) =>
    postForm(`${B}/oauth/revoke`, {
      token,
      client_id: 'green-button-portal',
      ...(hint ? { token_type_hint: hint } : {}),
    });

  it('answers 200 for any token and makes a revoked access token fail', async () => {
    expect((await revoke('not-a-token')).status).toBe(200);
    const tokens = await codeFlow(B, PORTAL);
    expect((await revoke(tokens.access_token)).status).toBe(200);
    expect((await userinfo(tokens.access_token)).status).toBe(401);
    expect((await revoke(tokens.access_token)).status).toBe(200);
  });

  it('revoking the refresh token ends its access tokens too', async () => {
    const tokens = await codeFlow(B, PORTAL);
    await revoke(tokens.refresh_token ?? '', 'refresh_token');
    expect((await userinfo(tokens.access_token)).status).toBe(401);
  });

  it('does not let one client revoke another client’s token', async () => {
    const tokens = await codeFlow(B, THIRD_PARTY, THIRD_PARTY.secret);
    expect((await revoke(tokens.refresh_token ?? '', 'refresh_token')).status).toBe(200);
    const refreshed = await postForm(
      `${B}/oauth/token`,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' },
      THIRD_PARTY_AUTH,
    );
    expect(refreshed.status).toBe(200);
  });
});

describe('userinfo', () => {
  it('needs the openid scope', async () => {
    const tokens = await codeFlow(B, { ...PORTAL, scope: 'customer_api' });
    const response = await userinfo(tokens.access_token);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toMatch(/insufficient_scope/);
  });
});
