import { InMemoryWebStorage, User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { parseConfig } from '../../../lib/config.ts';
import { userManagerSettings } from './user-manager.ts';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RENEWAL_FLOOR_SECONDS } from '../model/renewal-timing.ts';
import {
  createSession,
  type SessionChannel,
  type SessionDependencies,
  type SessionUserManager,
} from './session.ts';
import { nowInSeconds } from '../../../espi/index.ts';

function user(accessToken: string, options: { refresh?: boolean; lifetime?: number } = {}): User {
  return new User({
    access_token: accessToken,
    refresh_token: (options.refresh ?? true) ? `refresh-of-${accessToken}` : undefined,
    id_token: `id-token-of-${accessToken}`,
    token_type: 'Bearer',
    profile: { sub: 'rc-1001', iss: 'https://dc.test', aud: 'portal', exp: 0, iat: 0 },
    expires_at: nowInSeconds() + (options.lifetime ?? 600),
  });
}

/** A UserManager stand-in: one stored user, timers fired by hand, a refresh the test controls. */
function fakeUserManager(initial: User | null) {
  let stored = initial;
  const loaded = new Set<(user: User) => void>();
  const expired = new Set<() => void>();
  const log: string[] = [];
  let refresh: () => Promise<User> = async () => user('renewed');
  let endSession: () => Promise<void> = async () => undefined;
  const userManager: SessionUserManager = {
    getUser: async () => stored,
    signinSilent: vi.fn(async () => {
      log.push('refresh');
      stored = await refresh();
      loaded.forEach((cb) => cb(stored as User));
      return stored;
    }),
    signoutRedirect: vi.fn(async (args?: { id_token_hint?: string }) => {
      log.push(`end session ${args?.id_token_hint}`);
      await endSession();
    }),
    revokeTokens: vi.fn(async (types?: ('access_token' | 'refresh_token')[]) => {
      log.push(`revoke ${types?.join(',')}`);
    }),
    removeUser: vi.fn(async () => {
      log.push('remove user');
      stored = null;
    }),
    metadataService: {
      getTokenEndpoint: async () => 'https://dc.test/oauth/token',
      getRevocationEndpoint: async () => 'https://dc.test/oauth/revoke',
    } as unknown as SessionUserManager['metadataService'],
    events: {
      addUserLoaded: (cb: (user: User) => void) => (loaded.add(cb), () => loaded.delete(cb)),
      removeUserLoaded: (cb: (user: User) => void) => void loaded.delete(cb),
      addAccessTokenExpired: (cb: () => void) => (expired.add(cb), () => expired.delete(cb)),
      removeAccessTokenExpired: (cb: () => void) => void expired.delete(cb),
    } as SessionUserManager['events'],
  };
  return {
    userManager,
    log,
    current: () => stored,
    setRefresh(next: () => Promise<User>) {
      refresh = next;
    },
    setEndSession(next: () => Promise<void>) {
      endSession = next;
    },
    fireExpired: () => expired.forEach((cb) => cb()),
    listenerCount: () => loaded.size + expired.size,
  };
}

/** BroadcastChannel semantics: a message reaches every other channel of the hub, never the sender. */
function channelHub() {
  const channels = new Set<{ listeners: Set<(event: MessageEvent) => void>; closed: boolean }>();
  return {
    open(): SessionChannel & { closed(): boolean } {
      const self = { listeners: new Set<(event: MessageEvent) => void>(), closed: false };
      channels.add(self);
      return {
        postMessage(data: unknown) {
          for (const other of channels) {
            if (other === self || other.closed) continue;
            queueMicrotask(() => other.listeners.forEach((l) => l(new MessageEvent('message', { data }))));
          }
        },
        addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
          void self.listeners.add(listener as (event: MessageEvent) => void),
        removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
          void self.listeners.delete(listener as (event: MessageEvent) => void),
        close: () => void (self.closed = true),
        closed: () => self.closed,
      } as SessionChannel & { closed(): boolean };
    },
  };
}

function tab(initial: User | null, hub = channelHub(), options: { endProviderSession?: boolean } = {}) {
  const fake = fakeUserManager(initial);
  const callbacks = {
    onSessionLost: vi.fn(),
    onSessionEnding: vi.fn(),
    onSignedOutElsewhere: vi.fn(),
  } satisfies Omit<SessionDependencies, 'userManager' | 'channel' | 'endProviderSession'>;
  const channel = hub.open();
  const session = createSession({
    userManager: fake.userManager,
    channel,
    endProviderSession: options.endProviderSession ?? false,
    ...callbacks,
  });
  return { ...fake, ...callbacks, session, channel };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('renewal', () => {
  test('concurrent renewals (the expiry timer and two 401 retries) share one refresh', async () => {
    const t = tab(user('first'));
    let release: (u: User) => void = () => {};
    t.setRefresh(() => new Promise<User>((resolve) => (release = resolve)));
    const first = t.session.tokens.renew();
    const second = t.session.tokens.renew();
    const third = t.session.renew();
    await settle();
    release(user('second'));
    await expect(Promise.all([first, second])).resolves.toEqual(['second', 'second']);
    expect((await third)?.access_token).toBe('second');
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(1);
    expect(await t.session.tokens.getAccessToken()).toBe('second');
    expect(t.onSessionEnding).not.toHaveBeenCalled();
  });

  test('a later renewal starts a new refresh', async () => {
    const t = tab(user('first'));
    await t.session.tokens.renew();
    await t.session.tokens.renew();
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(2);
  });

  test('without a refresh token there is nothing to renew with', async () => {
    const t = tab(user('first', { refresh: false }));
    await expect(t.session.tokens.renew()).resolves.toBeNull();
    expect(t.userManager.signinSilent).not.toHaveBeenCalled();
  });

  test('a refused refresh resolves to null instead of throwing', async () => {
    const t = tab(user('first'));
    t.setRefresh(async () => {
      throw new Error('invalid_grant');
    });
    await expect(t.session.tokens.renew()).resolves.toBeNull();
  });
});

describe('renewal timing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('each token is renewed halfway through its own lifetime', async () => {
    const t = tab(user('first', { lifetime: 600 }));
    t.setRefresh(async () => user('renewed', { lifetime: 30 }));
    await vi.advanceTimersByTimeAsync(299_000);
    expect(t.userManager.signinSilent).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(1);
    // The renewed token lives 30 s: the next renewal is 15 s later.
    await vi.advanceTimersByTimeAsync(14_000);
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(2);
    expect(t.onSessionEnding).not.toHaveBeenCalled();
  });

  test('very short tokens are never renewed more often than the floor', async () => {
    const t = tab(user('first', { lifetime: 2 }));
    t.setRefresh(async () => user('renewed', { lifetime: 2 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(60 / RENEWAL_FLOOR_SECONDS);
  });

  test('signing out stops the renewals', async () => {
    const t = tab(user('first', { lifetime: 30 }));
    await t.session.signOut();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.userManager.signinSilent).not.toHaveBeenCalled();
  });
});

describe('the end of a session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('when renewal is refused, a warning before the end, then the notice that it ended', async () => {
    const t = tab(user('first', { lifetime: 30 }));
    t.setRefresh(async () => {
      throw new Error('invalid_grant');
    });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(t.onSessionEnding).toHaveBeenCalledTimes(1);
    expect(t.onSessionLost).not.toHaveBeenCalled();
    t.fireExpired();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.onSessionLost).toHaveBeenCalledTimes(1);
    // Gone for good: nothing shows the person as signed in any more.
    expect(t.current()).toBeNull();
  });

  test('an API call refused after a failed renewal ends the session once, and forgets the user', async () => {
    const t = tab(user('first', { refresh: false }));
    await expect(t.session.tokens.renew()).resolves.toBeNull();
    t.session.tokens.onSessionLost();
    t.session.tokens.onSessionLost();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.onSessionLost).toHaveBeenCalledTimes(1);
    expect(t.current()).toBeNull();
  });

  test('a refused renewal is not tried again, and each notice is given once', async () => {
    const t = tab(user('first', { lifetime: 30 }));
    t.setRefresh(async () => {
      throw new Error('invalid_grant');
    });
    await vi.advanceTimersByTimeAsync(120_000);
    for (let i = 0; i < 3; i++) {
      t.fireExpired();
      await vi.advanceTimersByTimeAsync(0);
    }
    await expect(t.session.tokens.renew()).resolves.toBeNull();
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(1);
    expect(t.onSessionEnding).toHaveBeenCalledTimes(1);
    expect(t.onSessionLost).toHaveBeenCalledTimes(1);
  });

  test('an expired token renewed at the last moment ends nothing', async () => {
    const t = tab(user('first'));
    t.fireExpired();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.onSessionLost).not.toHaveBeenCalled();
    expect(await t.session.tokens.getAccessToken()).toBe('renewed');
  });
});

describe('sign-out', () => {
  test('revokes the refresh token, then the access token, then forgets the user', async () => {
    const t = tab(user('first'));
    await t.session.signOut();
    expect(t.log).toEqual(['revoke refresh_token', 'revoke access_token', 'remove user']);
    expect(t.current()).toBeNull();
  });

  test("then ends the provider's session with the id_token as hint (RP-initiated logout)", async () => {
    const t = tab(user('first'), channelHub(), { endProviderSession: true });
    await t.session.signOut({ beforeLeaving: () => t.log.push('before leaving') });
    expect(t.log).toEqual([
      'revoke refresh_token',
      'revoke access_token',
      'remove user',
      'before leaving',
      'end session id-token-of-first',
    ]);
  });

  test('a provider without an end-session endpoint still leaves this device signed out', async () => {
    const t = tab(user('first'), channelHub(), { endProviderSession: true });
    t.setEndSession(async () => {
      throw new Error('No end session endpoint');
    });
    await t.session.signOut();
    expect(t.current()).toBeNull();
  });

  test('the other tabs forget their users but leave the provider to the tab that signed out', async () => {
    const hub = channelHub();
    const here = tab(user('here'), hub, { endProviderSession: true });
    const there = tab(user('there'), hub, { endProviderSession: true });
    await here.session.signOut();
    await settle();
    await settle();
    expect(there.onSignedOutElsewhere).toHaveBeenCalledTimes(1);
    expect(there.userManager.signoutRedirect).not.toHaveBeenCalled();
    expect(here.userManager.signoutRedirect).toHaveBeenCalledTimes(1);
  });

  test('a failed revocation still signs this device out', async () => {
    const t = tab(user('first'));
    vi.mocked(t.userManager.revokeTokens).mockRejectedValue(new Error('offline'));
    await t.session.signOut();
    expect(t.userManager.revokeTokens).toHaveBeenCalledTimes(2);
    expect(t.current()).toBeNull();
  });

  test('ends the session of every other open tab, which revokes its own tokens', async () => {
    const hub = channelHub();
    const here = tab(user('here'), hub);
    const there = tab(user('there'), hub);
    await here.session.signOut();
    await settle();
    await settle();
    expect(there.log).toEqual(['revoke refresh_token', 'revoke access_token', 'remove user']);
    expect(there.current()).toBeNull();
    expect(there.onSignedOutElsewhere).toHaveBeenCalledTimes(1);
    expect(here.onSignedOutElsewhere).not.toHaveBeenCalled();
  });

  test('a tab that was not signed in has nothing to end', async () => {
    const hub = channelHub();
    const here = tab(user('here'), hub);
    const signedOut = tab(null, hub);
    await here.session.signOut();
    await settle();
    expect(signedOut.userManager.revokeTokens).not.toHaveBeenCalled();
    expect(signedOut.onSignedOutElsewhere).not.toHaveBeenCalled();
  });

  test('a disposed session no longer listens to other tabs or token timers', async () => {
    const hub = channelHub();
    const here = tab(user('here'), hub);
    const there = tab(user('there'), hub);
    there.session.dispose();
    expect(there.channel.closed()).toBe(true);
    expect(there.listenerCount()).toBe(0);
    await here.session.signOut();
    await settle();
    expect(there.current()).not.toBeNull();
  });
});

test('the OAuth endpoints come from discovery', async () => {
  await expect(tab(null).session.endpoints()).resolves.toEqual({
    token: 'https://dc.test/oauth/token',
    revocation: 'https://dc.test/oauth/revoke',
  });
});

describe('renewal with oidc-client-ts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('30-second access tokens are renewed every 15 s, not every second', async () => {
    const store = new WebStorageStateStore({ store: new InMemoryWebStorage() });
    const config = parseConfig(
      {
        VITE_OIDC_ISSUER: 'https://idp.test',
        VITE_OIDC_CLIENT_ID: 'green-button-portal',
        VITE_OIDC_SCOPE: 'openid offline_access',
        VITE_ESPI_BASE_URL: 'https://dc.test/espi/1_1/resource',
        VITE_CUSTOMER_API_BASE_URL: 'https://dc.test/api/customer/v1',
      },
      'https://portal.test',
    );
    const userManager = new UserManager(userManagerSettings(config, 'https://portal.test', store));
    // What a refresh does in oidc-client-ts once the token endpoint answered: store, then load the user.
    let count = 0;
    const signinSilent = vi.spyOn(userManager, 'signinSilent').mockImplementation(async () => {
      const renewed = user(`renewed-${++count}`, { lifetime: 30 });
      await userManager.storeUser(renewed);
      userManager.events.load(renewed);
      return renewed;
    });
    await userManager.storeUser(user('first', { lifetime: 30 }));
    const session = createSession({
      userManager,
      endProviderSession: false,
      onSessionLost: vi.fn(),
      onSessionEnding: vi.fn(),
      onSignedOutElsewhere: vi.fn(),
      channel: channelHub().open(),
    });
    // The React provider loads the stored user at start, which arms the library's token timers.
    await userManager.getUser();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(signinSilent.mock.calls.length).toBe(20);
    session.dispose();
  });
});
