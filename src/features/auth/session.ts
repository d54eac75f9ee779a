/**
 * The session's behaviour around the UserManager, free of React so it can be unit tested:
 * renewal (one refresh at a time), the access-token source the API client uses, warnings before and
 * when the session ends, and sign-out that revokes the tokens (RFC 7009) and tells every other open
 * tab to end its session too.
 */
import type { User, UserManager } from 'oidc-client-ts';
import type { AccessTokenSource } from '../../lib/api-client.ts';
import { singleFlight } from '../../lib/single-flight.ts';

export const SESSION_CHANNEL = 'green-button-portal:session';

export type SessionMessage = { type: 'signed-out' };

/** What the session needs of oidc-client-ts's UserManager (a fake one in unit tests). */
export type SessionUserManager = Pick<
  UserManager,
  'getUser' | 'signinSilent' | 'revokeTokens' | 'removeUser' | 'metadataService'
> & {
  events: Pick<
    UserManager['events'],
    | 'addAccessTokenExpiring'
    | 'removeAccessTokenExpiring'
    | 'addAccessTokenExpired'
    | 'removeAccessTokenExpired'
  >;
};

export type SessionChannel = Pick<
  BroadcastChannel,
  'postMessage' | 'addEventListener' | 'removeEventListener' | 'close'
>;

/** The custodian's OAuth endpoints, from its discovery document. */
export interface OAuthEndpoints {
  token: string;
  revocation: string;
}

export interface Session {
  tokens: AccessTokenSource;
  /** Renews now (shared with any renewal already under way); null when the session cannot be renewed. */
  renew(): Promise<User | null>;
  /** Revokes this tab's tokens, forgets the user, and signs out every other tab. */
  signOut(): Promise<void>;
  /** Token and revocation endpoints from discovery (rejects when discovery fails). */
  endpoints(): Promise<OAuthEndpoints>;
  /** Stops listening to other tabs and to token events. */
  dispose(): void;
}

export interface SessionDependencies {
  userManager: SessionUserManager;
  /** Called when the session is gone for good (renewal refused) while the person is using the portal. */
  onSessionLost(): void;
  /** Called when another tab signed out, after this tab forgot its user. */
  onSignedOutElsewhere(): void;
  /** Called when the access token is about to expire and cannot be renewed: warn before it ends. */
  onSessionEnding(): void;
  channel?: SessionChannel;
}

export function createSession(deps: SessionDependencies): Session {
  const { userManager } = deps;
  const channel = deps.channel ?? new BroadcastChannel(SESSION_CHANNEL);

  // Once the custodian refuses a renewal this page's session cannot come back (signing in again is a
  // new page load), so the refresh is not tried again and each notice is given once. Without this, the
  // library's expiry timer, re-armed at every getUser(), would retry a dead refresh every second.
  let renewable = true;
  const told = new Set<'ending' | 'lost'>();
  const tellOnce = (notice: 'ending' | 'lost', notify: () => void) => {
    if (told.has(notice)) return;
    told.add(notice);
    notify();
  };

  // Refresh tokens rotate: two concurrent refreshes (the expiry timer and a 401 retry) would present a
  // spent token the second time, which the custodian treats as theft and answers by ending the session.
  const renew = singleFlight(async (): Promise<User | null> => {
    if (!renewable) return null;
    const user = await userManager.getUser();
    if (user?.refresh_token) {
      try {
        return await userManager.signinSilent();
      } catch {
        // Refused (or unreachable): the session ends; the notices below say so.
      }
    }
    renewable = false;
    return null;
  });

  async function forgetUser() {
    // The refresh token first: revoking it ends the grant (RFC 7009 section 2.1), access token
    // included at most custodians. Each is best effort, and one failing does not keep the other, or
    // the person, signed in on this device.
    await userManager.revokeTokens(['refresh_token']).catch(() => undefined);
    await userManager.revokeTokens(['access_token']).catch(() => undefined);
    await userManager.removeUser();
  }

  const onMessage = (event: MessageEvent<SessionMessage>) => {
    if (event.data?.type !== 'signed-out') return;
    void userManager.getUser().then(async (user) => {
      if (!user) return;
      await forgetUser();
      deps.onSignedOutElsewhere();
    });
  };
  channel.addEventListener('message', onMessage as EventListener);

  // The custodian gives no lifetime for the refresh token, so the first sign that it is spent is a
  // refused renewal a minute before the access token ends: time to warn, then to say it has ended.
  const onExpiring = () => {
    void renew().then((user) => {
      if (!user) tellOnce('ending', deps.onSessionEnding);
    });
  };
  const onExpired = () => {
    void renew().then((user) => {
      if (!user) tellOnce('lost', deps.onSessionLost);
    });
  };
  userManager.events.addAccessTokenExpiring(onExpiring);
  userManager.events.addAccessTokenExpired(onExpired);

  return {
    renew,
    tokens: {
      async getAccessToken() {
        const user = await userManager.getUser();
        return user?.access_token ?? null;
      },
      async renew() {
        return (await renew())?.access_token ?? null;
      },
      onSessionLost: deps.onSessionLost,
    },
    async signOut() {
      channel.postMessage({ type: 'signed-out' } satisfies SessionMessage);
      await forgetUser();
    },
    async endpoints() {
      const [token, revocation] = await Promise.all([
        userManager.metadataService.getTokenEndpoint(false),
        userManager.metadataService.getRevocationEndpoint(false),
      ]);
      return { token, revocation };
    },
    dispose() {
      channel.removeEventListener('message', onMessage as EventListener);
      channel.close();
      userManager.events.removeAccessTokenExpiring(onExpiring);
      userManager.events.removeAccessTokenExpired(onExpired);
    },
  };
}
