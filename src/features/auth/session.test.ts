import { User } from 'oidc-client-ts';
import { describe, expect, test, vi } from 'vitest';
import {
  createSession,
  type SessionChannel,
  type SessionDependencies,
  type SessionUserManager,
} from './session.ts';

function user(accessToken: string, options: { refresh: boolean } = { refresh: true }): User {
  return new User({
    access_token: accessToken,
    refresh_token: options.refresh ? `refresh-of-${accessToken}` : undefined,
    token_type: 'Bearer',
    profile: { sub: 'rc-1001', iss: 'https://dc.test', aud: 'portal', exp: 0, iat: 0 },
    expires_at: Math.floor(Date.now() / 1000) + 600,
  });
}

/** A UserManager stand-in: one stored user, timers fired by hand, a refresh the test controls. */
function fakeUserManager(initial: User | null) {
  let stored = initial;
  const expiring = new Set<() => void>();
  const expired = new Set<() => void>();
  const log: string[] = [];
  let refresh: () => Promise<User> = async () => user('renewed');
  const userManager: SessionUserManager = {
    getUser: async () => stored,
    signinSilent: vi.fn(async () => {
      log.push('refresh');
      stored = await refresh();
      return stored;
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
      addAccessTokenExpiring: (cb: () => void) => (expiring.add(cb), () => expiring.delete(cb)),
      removeAccessTokenExpiring: (cb: () => void) => void expiring.delete(cb),
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
    fireExpiring: () => expiring.forEach((cb) => cb()),
    fireExpired: () => expired.forEach((cb) => cb()),
    listenerCount: () => expiring.size + expired.size,
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

function tab(initial: User | null, hub = channelHub()) {
  const fake = fakeUserManager(initial);
  const callbacks = {
    onSessionLost: vi.fn(),
    onSessionEnding: vi.fn(),
    onSignedOutElsewhere: vi.fn(),
  } satisfies Omit<SessionDependencies, 'userManager' | 'channel'>;
  const channel = hub.open();
  const session = createSession({ userManager: fake.userManager, channel, ...callbacks });
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
    t.fireExpiring();
    await settle();
    release(user('second'));
    await expect(Promise.all([first, second])).resolves.toEqual(['second', 'second']);
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

describe('the end of a session', () => {
  test('a token about to expire is renewed quietly when the custodian agrees', async () => {
    const t = tab(user('first'));
    t.fireExpiring();
    await settle();
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(1);
    expect(await t.session.tokens.getAccessToken()).toBe('renewed');
    expect(t.onSessionEnding).not.toHaveBeenCalled();
  });

  test('when renewal is refused, a warning before the end, then the notice that it ended', async () => {
    const t = tab(user('first'));
    t.setRefresh(async () => {
      throw new Error('invalid_grant');
    });
    t.fireExpiring();
    await settle();
    expect(t.onSessionEnding).toHaveBeenCalledTimes(1);
    expect(t.onSessionLost).not.toHaveBeenCalled();
    t.fireExpired();
    await settle();
    expect(t.onSessionLost).toHaveBeenCalledTimes(1);
  });

  test('a refused renewal is not tried again, and each notice is given once', async () => {
    const t = tab(user('first'));
    t.setRefresh(async () => {
      throw new Error('invalid_grant');
    });
    for (let i = 0; i < 3; i++) {
      t.fireExpiring();
      await settle();
    }
    for (let i = 0; i < 3; i++) {
      t.fireExpired();
      await settle();
    }
    await expect(t.session.tokens.renew()).resolves.toBeNull();
    expect(t.userManager.signinSilent).toHaveBeenCalledTimes(1);
    expect(t.onSessionEnding).toHaveBeenCalledTimes(1);
    expect(t.onSessionLost).toHaveBeenCalledTimes(1);
  });

  test('an expired token renewed at the last moment ends nothing', async () => {
    const t = tab(user('first'));
    t.fireExpired();
    await settle();
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
