import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, describe, expect, it } from 'vitest';
import { createExternalIssuer } from './external-issuer.ts';
import { createCustodian } from './handlers.ts';
import { codeFlow } from '../testing/custodian-client.ts';
import { nowInSeconds } from '../espi/index.ts';

const B = 'https://custodian.test';
const ISSUER = 'https://idp.test';
const AUDIENCE = 'https://custodian.test/api';

// The external authorization server: discovery and its published keys.
const { privateKey, publicKey } = await generateKeyPair('ES256');
const { privateKey: strangerKey } = await generateKeyPair('ES256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
const issuerHandlers = [
  http.get(`${ISSUER}/.well-known/openid-configuration`, () =>
    HttpResponse.json({ issuer: ISSUER, jwks_uri: `${ISSUER}/jwks` }),
  ),
  http.get(`${ISSUER}/jwks`, () => HttpResponse.json({ keys: [jwk] })),
];

const custodian = createCustodian({
  baseUrl: B,
  portalRedirectUris: ['https://portal.test/auth/callback'],
  externalIssuer: createExternalIssuer({ issuer: ISSUER, audience: AUDIENCE }),
});
const server = setupServer(...issuerHandlers, ...custodian.handlers);
server.listen();
afterAll(() => server.close());

/** An RFC 9068 access token as the issuer would sign it; `override` changes one thing at a time. */
async function accessToken(
  override: { claims?: JWTPayload; typ?: string; key?: CryptoKey; lifetime?: number; audience?: string } = {},
): Promise<string> {
  const now = nowInSeconds();
  return new SignJWT({
    sub: 'commercial',
    client_id: 'green-button-portal',
    scope: 'openid customer_api',
    jti: crypto.randomUUID(),
    ...override.claims,
  })
    .setProtectedHeader({ alg: 'ES256', kid: 'idp-1', typ: override.typ ?? 'at+jwt' })
    .setIssuer(ISSUER)
    .setAudience(override.audience ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (override.lifetime ?? 30))
    .sign(override.key ?? privateKey);
}

const get = (path: string, token: string) =>
  fetch(`${B}${path}`, { headers: { Authorization: `Bearer ${token}` } });

describe('the custodian trusting an external issuer', () => {
  it("serves the customer API and the ESPI API to the issuer's tokens, as the customer in sub", async () => {
    const token = await accessToken();
    const usagePoints = await get('/api/customer/v1/usage-points', token);
    expect(usagePoints.status).toBe(200);
    const body = (await usagePoints.json()) as { usagePoints?: unknown[] } | unknown[];
    const list = Array.isArray(body) ? body : (body.usagePoints ?? []);
    expect(list.length).toBeGreaterThan(1000); // the grocery cooperative's 1,280 meters
    const status = await get('/espi/1_1/resource/ReadServiceStatus', token);
    expect(status.status).toBe(200);
  });

  it.each([
    ['another audience', { audience: 'https://elsewhere.test' }],
    ['an expired token', { lifetime: -10 }],
    ['another signing key', { key: strangerKey }],
    ['an id_token (typ JWT)', { typ: 'JWT' }],
    ['a subject that is no demo account', { claims: { sub: 'mallory' } }],
  ] as const)('refuses %s with 401 invalid_token', async (_case, override) => {
    const response = await get('/api/customer/v1/usage-points', await accessToken(override));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('says an expired token has expired', async () => {
    const response = await get('/api/customer/v1/usage-points', await accessToken({ lifetime: -10 }));
    expect(response.headers.get('www-authenticate')).toMatch(/has expired/);
  });

  it('still accepts its own tokens', async () => {
    const own = await codeFlow(B, {
      clientId: 'green-button-portal',
      redirectUri: 'https://portal.test/auth/callback',
      scope: 'openid customer_api',
    });
    expect((await get('/api/customer/v1/usage-points', own.access_token)).status).toBe(200);
  });

  it('holds the scope to what the token carries (no customer_api: 403)', async () => {
    const response = await get(
      '/api/customer/v1/usage-points',
      await accessToken({ claims: { scope: 'openid' } }),
    );
    expect(response.status).toBe(403);
  });
});
