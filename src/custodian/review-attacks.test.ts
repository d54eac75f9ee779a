/**
 * The security review's attacks on the custodian's OAuth side (issue 13), repeated through the real
 * handlers: races on single-use credentials, foreign audiences, sliding sessions, mix-up, malformed
 * paths, and answers that would confirm a password.
 */
import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
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
} from '../testing/custodian-client.ts';
import { PORTAL, THIRD_PARTY, startClockedCustodian } from '../testing/node-custodian.ts';
import { signToken } from './tokens.ts';
import { commercialApiClient } from '../testing/own-api-client.ts';

const { custodian, clock } = startClockedCustodian();
/** The commercial account's own-data API client, created anew after each reset (HTTP Basic). */
let ownApi = '';
beforeEach(async () => {
  const client = await commercialApiClient(B, PORTAL.redirectUri);
  ownApi = basic(client.clientId, client.clientSecret);
});

const refresh = (refreshToken: string) =>
  postForm(`${B}/oauth/token`, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: PORTAL.clientId,
  });

describe('single-use credentials under parallel use', () => {
  it('redeems an authorization code once, however many redemptions race', async () => {
    const { verifier, challenge } = await pkcePair();
    const code = (await authorizeRedirect(B, THIRD_PARTY, challenge)).searchParams.get('code') ?? '';
    const redeem = () => redeemCode(B, THIRD_PARTY, { code, verifier, secret: THIRD_PARTY.secret });
    const statuses = (await Promise.all(Array.from({ length: 30 }, redeem))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(29);
  });

  it('turns one consent into one authorization, however often it is posted', async () => {
    const signIn = await signInStep(B, THIRD_PARTY, (await pkcePair()).challenge);
    const { interaction } = (await signIn.json()) as { interaction: string };
    const before = Object.keys(custodian.store.state.authorizations).length;
    const decide = () =>
      postJson(`${B}/oauth/interaction/decision`, {
        interaction,
        approve: true,
        usagePointIds: ['up-1001-e'],
      });
    const parallel = (await Promise.all([decide(), decide(), decide()])).map((r) => r.status);
    const later = await decide();
    expect(parallel.filter((s) => s === 200)).toHaveLength(1);
    expect(later.status).toBe(409);
    expect(Object.keys(custodian.store.state.authorizations)).toHaveLength(before + 1);
  });
});

describe('access tokens', () => {
  it('refuses a token of this custodian that was issued for another audience', async () => {
    const { access_token } = await codeFlow(B, PORTAL);
    const claims = decodeJwt(access_token);
    const at = Math.floor(clock.ms / 1000);
    const forOtherAudience = await signToken('access', claims, {
      issuer: B,
      audience: PORTAL.clientId,
      nowSeconds: at,
      lifetime: 600,
    });
    const me = (token: string) => fetch(`${B}/api/customer/v1/me`, { headers: bearer(token) });
    expect((await me(access_token)).status).toBe(200);
    expect((await me(forOtherAudience)).status).toBe(401);
  });
});

describe('sessions', () => {
  it('ends a refresh-token family at the absolute session lifetime, however often it rotates', async () => {
    custodian.setFaults({ sessionLifetime: 3600, refreshTokenLifetime: 3000 });
    const signedInAt = Math.floor(clock.ms / 1000);
    let tokens = await codeFlow(B, PORTAL);
    for (const step of [2000, 1500]) {
      clock.ms += step * 1000;
      const rotated = await refresh(tokens.refresh_token ?? '');
      expect(rotated.status).toBe(200);
      tokens = (await rotated.json()) as typeof tokens;
      expect(decodeJwt(tokens.refresh_token ?? '').exp).toBeLessThanOrEqual(signedInAt + 3600);
    }
    clock.ms += 200_000;
    const past = await refresh(tokens.refresh_token ?? '');
    expect(past.status).toBe(400);
  });
});

describe('authorization responses (RFC 9207)', () => {
  it('name the issuer in every redirect, with a code or with an error', async () => {
    const discovery = (await (await fetch(`${B}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.authorization_response_iss_parameter_supported).toBe(true);
    const { challenge } = await pkcePair();
    const approved = await authorizeRedirect(B, THIRD_PARTY, challenge);
    expect(approved.searchParams.get('code')).toBeTruthy();
    expect(approved.searchParams.get('iss')).toBe(B);
    const denied = await authorizeRedirect(B, { ...THIRD_PARTY, usagePointIds: null }, challenge);
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('iss')).toBe(B);
  });
});

describe('malformed requests', () => {
  it('answers 400, not 500, to malformed percent-encoding in a path', async () => {
    const { access_token, resourceURI } = await codeFlow(B, THIRD_PARTY, THIRD_PARTY.secret);
    for (const url of [`${resourceURI}/UsagePoint/%E0%A4%A`, `${B}/api/customer/v1/authorizations/%ZZ`]) {
      const response = await fetch(url, { headers: bearer(access_token) });
      expect(response.status, url).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
    }
  });
});

describe('answers that reveal nothing', () => {
  it('gives another account’s right password the same answer as a wrong password', async () => {
    const passwordGrant = (username: string, password: string) =>
      postForm(`${B}/oauth/token`, { grant_type: 'password', username, password }, { Authorization: ownApi });
    const wrong = await passwordGrant('commercial', 'not-the-password');
    const otherAccount = await passwordGrant('household', 'demo');
    const unknown = await passwordGrant('nobody', 'demo');
    expect(otherAccount.status).toBe(wrong.status);
    expect(await otherAccount.text()).toBe(await wrong.text());
    expect(await unknown.text()).toBe(await passwordGrant('commercial', 'x').then((r) => r.text()));
  });
});

describe('throttling', () => {
  const passwordGrant = (password: string) =>
    postForm(
      `${B}/oauth/token`,
      { grant_type: 'password', username: 'commercial', password },
      { Authorization: ownApi },
    );
  const interactionSignIn = async (password: string) => {
    const { challenge } = await pkcePair();
    return postJson(`${B}/oauth/interaction/sign-in`, {
      request: {
        client_id: PORTAL.clientId,
        redirect_uri: PORTAL.redirectUri,
        response_type: 'code',
        scope: 'openid',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      },
      username: 'commercial',
      password,
    });
  };

  it('stops 300 parallel wrong passwords, and then refuses the right one too, with Retry-After', async () => {
    const statuses = (
      await Promise.all(Array.from({ length: 300 }, (_, i) => passwordGrant(`guess-${i}`)))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(290);
    const right = await passwordGrant('demo');
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    // The account itself is locked for minutes, on the other sign-in too.
    const locked = await interactionSignIn('demo');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(60);
    // Another account is not locked by the attack on this one.
    expect(
      (await authorizeRedirect(B, PORTAL, (await pkcePair()).challenge)).searchParams.get('code'),
    ).toBeTruthy();
  });

  it('counts both sign-ins against one budget, and a success clears it', async () => {
    for (let i = 0; i < 9; i++) expect((await interactionSignIn('wrong')).status).toBe(401);
    expect((await interactionSignIn('demo')).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await passwordGrant('wrong')).status).toBe(400);
    expect((await passwordGrant('demo')).status).toBe(200);
  });

  it('throttles a flood of token requests from one client, with Retry-After', async () => {
    const request = () =>
      postForm(
        `${B}/oauth/token`,
        { grant_type: 'client_credentials' },
        { Authorization: basic('gridflex', 'gridflex-secret') },
      );
    const answers = await Promise.all(Array.from({ length: 150 }, request));
    const throttled = answers.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(50);
    expect(Number(throttled[0]?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(0);
  });
});
