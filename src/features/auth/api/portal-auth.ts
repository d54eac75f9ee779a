/**
 * The session as the entry holds it, without the sign-in library: the page's session state starts from
 * the stored session (model/stored-session.ts), and oidc-client-ts with the session's renewal and
 * sign-out (auth-runtime.ts) is loaded only when needed: a session is stored, the callback page
 * completes a sign-in, or the person signs in or out. A signed-out visitor's first page never loads it.
 */
import type { AccessTokenSource } from '../../../lib/api-client.ts';
import { createSessionStateStore, type SessionStateStore } from '../../../lib/session-state.ts';
import type { AuthRuntime, AuthRuntimeDependencies } from './auth-runtime.ts';
import { CALLBACK_PATH } from '../model/callback.ts';
import { isExpired, readStoredSession, storedUserKey } from '../model/stored-session.ts';
import type { OAuthEndpoints } from './session.ts';

export interface PortalAuth {
  state: SessionStateStore;
  /** The custodian's sign-in service, named when sign-in cannot start. */
  issuer: string;
  /** The API client's token source: signed out (null) until a session exists, without loading the library. */
  tokens: AccessTokenSource;
  /** Whether the stored session holds an access token that has not expired (route loaders: no network). */
  hasUsableSession(): boolean;
  signIn(returnTo: string): Promise<void>;
  signOut(options?: { beforeLeaving?: () => void }): Promise<void>;
  endpoints(): Promise<OAuthEndpoints>;
}

export function createPortalAuth(
  deps: Omit<AuthRuntimeDependencies, 'state'> & { storage: Storage },
): PortalAuth {
  const { config, storage } = deps;
  const key = storedUserKey(config.oidc.issuer, config.oidc.clientId);
  const stored = readStoredSession(storage, key);
  const onCallback = window.location.pathname === CALLBACK_PATH;
  const state = createSessionStateStore({
    isLoading: onCallback,
    isAuthenticated: stored !== null && !isExpired(stored),
    user: stored?.user ?? null,
    error: undefined,
  });

  let runtime: Promise<AuthRuntime> | undefined;
  const load = () => {
    runtime ??= import('./auth-runtime.ts').then(
      ({ startAuthRuntime }) => startAuthRuntime({ ...deps, state }),
      (error: unknown) => {
        runtime = undefined; // offline for a moment: the next attempt loads it again
        throw error;
      },
    );
    return runtime;
  };
  // A stored session is renewed, watched for expiry and for a sign-out in another tab: load at once.
  if (stored || onCallback) void load();

  return {
    state,
    issuer: config.oidc.issuer,
    tokens: {
      // Without a loaded library there is no session (signing in leaves the page), so nothing to send.
      getAccessToken: async () => (runtime ? (await load()).session.tokens.getAccessToken() : null),
      renew: async () => (runtime ? (await load()).session.tokens.renew() : null),
      onSessionLost: () => void runtime?.then(({ session }) => session.tokens.onSessionLost()),
    },
    hasUsableSession() {
      const session = readStoredSession(storage, key);
      return session !== null && !isExpired(session);
    },
    async signIn(returnTo) {
      state.update({ isLoading: true });
      try {
        await (await load()).signIn(returnTo);
      } catch {
        const message = 'The sign-in code could not be loaded (offline?)';
        state.update({ isLoading: false, error: { source: 'signinRedirect', message } });
      }
    },
    signOut: async (options) => (await load()).session.signOut(options),
    endpoints: async () => (await load()).session.endpoints(),
  };
}
