/**
 * The session as the page shows it: who is signed in, whether a sign-in is under way, the last sign-in
 * error. A plain store (subscribe / get, for useSyncExternalStore) that the first page reads from the
 * stored session alone, and that the sign-in library fills in once it has loaded
 * (features/auth/auth-runtime.ts), so the signed-out landing page never loads it. Shared in lib/
 * because pages of other features read who is signed in (the bulk wizard names the owner).
 */

/** The person signed in, for display and ownership only: never a token. */
export interface SessionUser {
  /** The OpenID subject (`sub`). */
  subject: string;
  /** Name as the custodian gives it (userinfo / id_token), for display. */
  displayName: string | undefined;
  /** The scope the custodian granted this session. */
  scope: string | undefined;
}

/** Where a sign-in failed: starting it (discovery), completing it (callback), or renewing the session. */
export interface SessionError {
  source: 'signinRedirect' | 'signinCallback' | 'renewSilent';
  message: string;
}

export interface SessionState {
  /** Reading the stored session, completing a sign-in, or leaving for the custodian's sign-in page. */
  isLoading: boolean;
  /** Signed in with an access token that had not expired when the user was last loaded. */
  isAuthenticated: boolean;
  user: SessionUser | null;
  error: SessionError | undefined;
}

export interface SessionStateStore {
  get(): SessionState;
  subscribe(listener: () => void): () => void;
  update(change: Partial<SessionState>): void;
}

export function createSessionStateStore(initial: SessionState): SessionStateStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      state = { ...state, ...change };
      for (const listener of listeners) listener();
    },
  };
}
