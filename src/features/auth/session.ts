/**
 * The session's behaviour around the UserManager, free of React so it can be unit tested:
 * renewal (one refresh at a time), the access-token source the API client uses, and sign-out that
 * revokes the tokens (RFC 7009) and tells every other open tab to end its session too.
 */
import type { User, UserManager } from 'oidc-client-ts';
import type { AccessTokenSource } from '../../lib/api-client.ts';
import { singleFlight } from '../../lib/single-flight.ts';

export const SESSION_CHANNEL = 'green-button-portal:session';

export type SessionMessage = { type: 'signed-out' };

export interface Session {
  tokens: AccessTokenSource;
  /** Renews now (shared with any renewal already under way); null when the session cannot be renewed. */
  renew(): Promise<User | null>;
  /** Revokes this tab's tokens, forgets the user, and signs out every other tab. */
  signOut(): Promise<void>;
  /** Stops listening to other tabs and to token events. */
  dispose(): void;
}

export interface SessionDependencies {
  userManager: UserManager;
  /** Called when the session is gone for good (renewal refused) while the person is using the portal. */
  onSessionLost(): void;
  /** Called when another tab signed out, after this tab forgot its user. */
  onSignedOutElsewhere(): void;
  /** Called when the access token is about to expire and cannot be renewed: warn before it ends. */
  onSessionEnding(): void;
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'close'>;
}

export function createSession(deps: SessionDependencies): Session {
  const { userManager } = deps;
  const channel = deps.channel ?? new BroadcastChannel(SESSION_CHANNEL);

  const renew = singleFlight(async (): Promise<User | null> => {
    const user = await userManager.getUser();
    if (!user?.refresh_token) return null;
    try {
      return await userManager.signinSilent();
    } catch {
      return null;
    }
  });

  async function forgetUser() {
    // Revocation is best effort: a failed revoke must not keep a person signed in on this device.
    await userManager.revokeTokens(['access_token', 'refresh_token']).catch(() => undefined);
    await userManager.removeUser();
  }

  const onMessage = (event: MessageEvent<SessionMessage>) => {
    if (event.data?.type !== 'signed-out') return;
    void forgetUser().then(deps.onSignedOutElsewhere);
  };
  channel.addEventListener('message', onMessage as EventListener);

  const onExpiring = () => {
    void renew().then((user) => {
      if (!user) deps.onSessionEnding();
    });
  };
  userManager.events.addAccessTokenExpiring(onExpiring);

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
    dispose() {
      channel.removeEventListener('message', onMessage as EventListener);
      channel.close();
      userManager.events.removeAccessTokenExpiring(onExpiring);
    },
  };
}
