import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { describe, expect, test, vi } from 'vitest';
import { parseConfig } from '../../../lib/config.ts';
import { signInArgs, userManagerSettings } from './user-manager.ts';

const ORIGIN = 'https://portal.test';
const base = {
  VITE_OIDC_ISSUER: 'https://idp.test',
  VITE_OIDC_CLIENT_ID: 'green-button-portal',
  VITE_OIDC_SCOPE: 'openid profile offline_access',
  VITE_ESPI_BASE_URL: 'https://dc.test/espi/1_1/resource',
  VITE_CUSTOMER_API_BASE_URL: 'https://dc.test/api/customer/v1',
};
const metadata = {
  issuer: 'https://idp.test',
  authorization_endpoint: 'https://idp.test/auth',
  token_endpoint: 'https://idp.test/token',
  end_session_endpoint: 'https://idp.test/session/end',
};

/** The authorize URL oidc-client-ts builds from the portal's settings (no network: metadata given). */
async function authorizeUrl(env: Record<string, string>): Promise<URL> {
  const store = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  const settings = userManagerSettings(parseConfig({ ...base, ...env }, ORIGIN), ORIGIN, store);
  const client = new OidcClient({ ...settings, metadata: { ...metadata, ...settings.metadataSeed } });
  const request = await client.createSigninRequest(signInArgs('/usage'));
  return new URL(request.url);
}

describe('the authorize request', () => {
  test('carries the configured extra parameters (prompt=consent: a refresh token for offline_access)', async () => {
    const url = await authorizeUrl({ VITE_OIDC_AUTHORIZE_PARAMS: 'prompt=consent' });
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  test('carries a fresh nonce for every sign-in', async () => {
    const first = (await authorizeUrl({})).searchParams.get('nonce');
    const second = (await authorizeUrl({})).searchParams.get('nonce');
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
  });

  test('names every configured resource indicator, and the code exchange names a single one', async () => {
    const one = 'https://dc.test/espi';
    const url = await authorizeUrl({ VITE_OIDC_RESOURCE: one });
    expect(url.searchParams.getAll('resource')).toEqual([one]);
    const store = new WebStorageStateStore({ store: new InMemoryWebStorage() });
    const settings = userManagerSettings(
      parseConfig({ ...base, VITE_OIDC_RESOURCE: one }, ORIGIN),
      ORIGIN,
      store,
    );
    expect(settings.extraTokenParams).toEqual({ resource: one });

    const two = await authorizeUrl({ VITE_OIDC_RESOURCE: `${one} https://dc.test/customer` });
    expect(two.searchParams.getAll('resource')).toEqual([one, 'https://dc.test/customer']);
  });

  test('asks for no resource and loads userinfo when nothing is configured', async () => {
    expect((await authorizeUrl({})).searchParams.has('resource')).toBe(false);
    const store = new WebStorageStateStore({ store: new InMemoryWebStorage() });
    expect(userManagerSettings(parseConfig(base, ORIGIN), ORIGIN, store).loadUserInfo).toBe(true);
    const off = parseConfig({ ...base, VITE_OIDC_USERINFO: 'false' }, ORIGIN);
    expect(userManagerSettings(off, ORIGIN, store).loadUserInfo).toBe(false);
  });

  test('a configured end-session URL replaces the one from discovery', async () => {
    // The provider's discovery document, as fetched by oidc-client-ts.
    vi.stubGlobal('fetch', async () => Response.json(metadata));
    try {
      const store = new WebStorageStateStore({ store: new InMemoryWebStorage() });
      const config = parseConfig({ ...base, VITE_OIDC_END_SESSION: 'https://idp.test/logout' }, ORIGIN);
      const client = new OidcClient(userManagerSettings(config, ORIGIN, store));
      expect(await client.metadataService.getEndSessionEndpoint()).toBe('https://idp.test/logout');
      const byDiscovery = new OidcClient(userManagerSettings(parseConfig(base, ORIGIN), ORIGIN, store));
      expect(await byDiscovery.metadataService.getEndSessionEndpoint()).toBe(metadata.end_session_endpoint);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
