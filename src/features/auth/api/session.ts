/**
 * The session's behaviour around the UserManager, free of React so it can be unit tested:
 * renewal (one refresh at a time, timed from each token's lifetime), the access-token source the API
 * client uses, warnings before and when the session ends, and sign-out that revokes the tokens
 * (RFC 7009), ends the provider's session (RP-initiated logout) and tells every other open tab to end
 * its session too.
 */
import type { User, UserManager } from 'oidc-client-ts';
import type { AccessTokenSource } from '../../../lib/api-client.ts';
import { singleFlight } from '../../../lib/single-flight.ts';
import { renewalDelaySeconds } from '../model/renewal-timing.ts';

export const SESSION_CHANNEL = 'green-button-portal:session';

export type SessionMessage = { type: 'signed-out' };

/** What the session needs of oidc-client-ts's UserManager (a fake one in unit tests). */
export type SessionUserManager = Pick<
  UserManager,
  'getUser' | 'signinSilent' | 'signoutRedirect' | 'revokeTokens' | 'removeUser' | 'metadataService'
> & {
  events: Pick<
    UserManager['events'],
    'addUserLoaded' | 'removeUserLoaded' | 'addAccessTokenExpired' | 'removeAccessTokenExpired'
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
  /**
   * Revokes this tab's tokens, forgets the user, signs out every other tab, then ends the provider's
   * session. When the page leaves for the provider's end-session endpoint, `beforeLeaving` runs
   * first and the promise never settles (the page unloads); otherwise it resolves here.
   */
  signOut(options?: { beforeLeaving?: () => void }): Promise<void>;
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
  /** End the provider's session on sign-out (RP-initiated logout); false: revoke the tokens only. */
  endProviderSession: boolean;
  /** RFC 8707 resource indicators for each refresh, so the renewed token keeps its audience. */
  resource?: string[];
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
        return await userManager.signinSilent(deps.resource?.length ? { resource: deps.resource } : {});
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

  // Each token is renewed halfway through its own lifetime. The custodian gives no lifetime for the
  // refresh token, so the first sign that it is spent is a refused renewal: time to warn while the
  // access token still works, then to say the session has ended when it expires.
  let renewalTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRenewal = (user: User | null) => {
    clearTimeout(renewalTimer);
    if (user?.expires_in === undefined) return;
    renewalTimer = setTimeout(onRenewalDue, renewalDelaySeconds(user.expires_in) * 1000);
  };
  const onRenewalDue = () => {
    void renew().then((user) => {
      if (!user) tellOnce('ending', deps.onSessionEnding);
    });
  };
  const onExpired = () => {
    void renew().then((user) => {
      if (!user) loseSession();
    });
  };
  // A renewal (or sign-in) loads a new user, which schedules the next renewal.
  // A session that is gone is forgotten here, so nothing (the header's name, a page) still shows the
  // person as signed in; the notice offers to sign in again.
  function loseSession() {
    tellOnce('lost', () => {
      clearTimeout(renewalTimer);
      void userManager.removeUser().finally(deps.onSessionLost);
    });
  }
  userManager.events.addUserLoaded(scheduleRenewal);
  userManager.events.addAccessTokenExpired(onExpired);
  void userManager.getUser().then(scheduleRenewal);

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
      onSessionLost: loseSession,
    },
    async signOut(options = {}) {
      clearTimeout(renewalTimer);
      const idToken = (await userManager.getUser())?.id_token;
      channel.postMessage({ type: 'signed-out' } satisfies SessionMessage);
      await forgetUser();
      if (!deps.endProviderSession || !idToken) return;
      try {
        // The provider ends its own session (so the next sign-in asks for the password) and sends
        // the person back to the registered post_logout_redirect_uri.
        options.beforeLeaving?.();
        await userManager.signoutRedirect({ id_token_hint: idToken });
      } catch {
        // No end_session_endpoint in discovery: the tokens are revoked, which is all that can be done.
      }
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
      clearTimeout(renewalTimer);
      userManager.events.removeUserLoaded(scheduleRenewal);
      userManager.events.removeAccessTokenExpired(onExpired);
    },
  };
}
