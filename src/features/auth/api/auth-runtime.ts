/**
 * The sign-in library at work, loaded on demand (portal-auth.ts): oidc-client-ts's UserManager and the
 * session built on it (session.ts), with the library's user kept in the page's session state. Loaded
 * when a session is stored, on the callback page, and when the person signs in, never for the
 * signed-out landing page.
 *
 * In place of react-oidc-context's provider, and with its behaviour: the callback page completes the
 * sign-in once (the import is shared, so StrictMode's double effects cannot exchange the code twice),
 * a loaded, unloaded or signed-out user updates the page, and a sign-in that cannot start is an error
 * with its source.
 */
import type { User } from 'oidc-client-ts';
import type { PortalConfig } from '../../../lib/config.ts';
import type { SessionError, SessionStateStore, SessionUser } from '../../../lib/session-state.ts';
import { CALLBACK_PATH, holdsAuthorizationResponse } from '../model/callback.ts';
import { createSession, type Session, type SessionDependencies } from './session.ts';
import { createUserManager, signInArgs } from './user-manager.ts';

export interface AuthRuntime {
  session: Session;
  /** Leaves for the custodian's sign-in page; resolves (with an error in the state) only if it cannot. */
  signIn(returnTo: string): Promise<void>;
}

export interface AuthRuntimeDependencies extends Pick<
  SessionDependencies,
  'onSessionLost' | 'onSessionEnding' | 'onSignedOutElsewhere'
> {
  config: PortalConfig;
  state: SessionStateStore;
  /** After a completed sign-in: go where the person was going (the `returnTo` of its state). */
  onSignedIn(user: User): Promise<void> | void;
}

function sessionUser(user: User): SessionUser {
  return {
    subject: user.profile.sub,
    displayName: user.profile.name ?? user.profile.preferred_username,
    scope: user.scope,
  };
}

function failure(source: SessionError['source'], error: unknown, fallback: string): SessionError {
  const message = (error as { message?: unknown } | null)?.message;
  return { source, message: typeof message === 'string' ? message : fallback };
}

export function startAuthRuntime(deps: AuthRuntimeDependencies): AuthRuntime {
  const { config, state } = deps;
  const userManager = createUserManager(config, window.location.origin);
  const session = createSession({
    userManager,
    endProviderSession: config.oidc.endSession.kind !== 'none',
    resource: config.oidc.resource,
    onSessionLost: deps.onSessionLost,
    onSessionEnding: deps.onSessionEnding,
    onSignedOutElsewhere: deps.onSignedOutElsewhere,
  });

  const showUser = (user: User | null) =>
    state.update({
      isLoading: false,
      isAuthenticated: user ? !user.expired : false,
      user: user && sessionUser(user),
      error: undefined,
    });
  userManager.events.addUserLoaded(showUser);
  userManager.events.addUserUnloaded(() => state.update({ isAuthenticated: false, user: null }));
  userManager.events.addUserSignedOut(() => state.update({ isAuthenticated: false, user: null }));
  userManager.events.addSilentRenewError((error) =>
    state.update({ isLoading: false, error: failure('renewSilent', error, 'Renew silent failed') }),
  );

  void (async () => {
    try {
      // Only the callback route holds an authorization response; any other page with `code` and
      // `state` in its query (the custodian's own authorize page, in the demo) is not one.
      if (window.location.pathname === CALLBACK_PATH && holdsAuthorizationResponse(window.location)) {
        const user = await userManager.signinCallback();
        if (user) {
          // Shown before leaving the callback, so the page it returns to (and its loader) finds the session.
          showUser(user);
          await deps.onSignedIn(user);
          return;
        }
      }
      showUser(await userManager.getUser());
    } catch (error) {
      state.update({ isLoading: false, error: failure('signinCallback', error, 'Sign-in failed') });
    }
  })();

  return {
    session,
    async signIn(returnTo) {
      state.update({ isLoading: true });
      try {
        await userManager.signinRedirect(signInArgs(returnTo));
      } catch (error) {
        state.update({ error: failure('signinRedirect', error, 'Sign-in could not start') });
      } finally {
        state.update({ isLoading: false });
      }
    },
  };
}
