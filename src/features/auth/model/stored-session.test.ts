import { InMemoryWebStorage, User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../lib/config.ts';
import { userManagerSettings } from '../api/user-manager.ts';
import { holdsAuthorizationResponse } from './callback.ts';
import { isExpired, readStoredSession, storedUserKey } from './stored-session.ts';

const ORIGIN = 'https://portal.test';
const config = parseConfig(
  {
    VITE_OIDC_ISSUER: 'https://idp.test',
    VITE_OIDC_CLIENT_ID: 'green-button-portal',
    VITE_OIDC_SCOPE: 'openid profile',
    VITE_ESPI_BASE_URL: 'https://dc.test/espi/1_1/resource',
    VITE_CUSTOMER_API_BASE_URL: 'https://dc.test/api/customer/v1',
  },
  ORIGIN,
);
const key = storedUserKey(config.oidc.issuer, config.oidc.clientId);

/** The sessionStorage oidc-client-ts leaves after a sign-in, written by the library itself. */
async function storageAfterSignIn(expiresIn: number) {
  const storage = new InMemoryWebStorage();
  const store = new WebStorageStateStore({ store: storage });
  const userManager = new UserManager(userManagerSettings(config, ORIGIN, store));
  const user = new User({
    access_token: 'at',
    refresh_token: 'rt',
    token_type: 'Bearer',
    scope: 'openid profile FB=4_5_15',
    profile: {
      sub: 'u-7',
      name: 'Dana',
      iss: 'https://idp.test',
      aud: 'green-button-portal',
      exp: 0,
      iat: 0,
    },
    expires_at: Math.floor(Date.now() / 1000) + expiresIn,
  });
  await userManager.storeUser(user);
  return { storage, user };
}

describe('the stored session, read without the sign-in library', () => {
  test('finds the user oidc-client-ts stored, under the library’s own key, with no token in what it returns', async () => {
    const { storage, user } = await storageAfterSignIn(600);
    const session = readStoredSession(storage, key);
    expect(session?.user).toEqual({ subject: 'u-7', displayName: 'Dana', scope: 'openid profile FB=4_5_15' });
    expect(JSON.stringify(session)).not.toMatch(/"at"|"rt"/);
    expect(session && isExpired(session)).toBe(user.expired);
  });

  test('knows an expired access token as the library does', async () => {
    const { storage, user } = await storageAfterSignIn(-5);
    expect(user.expired).toBe(true);
    const session = readStoredSession(storage, key);
    expect(session && isExpired(session)).toBe(true);
  });

  test('counts nothing stored, or a record that does not parse, as no session', () => {
    const storage = new InMemoryWebStorage();
    expect(readStoredSession(storage, key)).toBeNull();
    storage.setItem(key, '{not json');
    expect(readStoredSession(storage, key)).toBeNull();
  });
});

describe('an authorization response in the address', () => {
  test.each([
    ['?code=c&state=s', '', true],
    ['?error=access_denied&state=s', '', true],
    ['', '#code=c&state=s', true],
    ['?code=c', '', false],
    ['?state=s', '', false],
    ['', '', false],
  ])('search %j, hash %j: %s', (search, hash, expected) => {
    expect(holdsAuthorizationResponse({ search, hash })).toBe(expected);
  });
});
