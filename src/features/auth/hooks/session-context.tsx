import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import type { OAuthEndpoints, Session } from '../api/session.ts';
import { signInArgs } from '../api/user-manager.ts';
import type { SessionNotice, SessionNoticeStore } from '../model/session-notices.ts';

interface SessionContextValue {
  session: Session;
  notices: SessionNoticeStore;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider(props: {
  session: Session;
  notices: SessionNoticeStore;
  children: ReactNode;
}) {
  return (
    <SessionContext value={{ session: props.session, notices: props.notices }}>
      {props.children}
    </SessionContext>
  );
}

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

export interface UseSession {
  status: SessionStatus;
  /** The person's name as the custodian gives it (userinfo / id_token), for display only. */
  displayName: string | undefined;
  /** Error of the last sign-in attempt (callback), if any. */
  error: Error | undefined;
  /** Set when sign-in could not even start (discovery failed: the custodian is down or misconfigured). */
  signInProblem: string | undefined;
  /** The scope the custodian granted this session (with the account's own ESPI scope), if signed in. */
  grantedScope: string | undefined;
  /** The custodian's token and revocation endpoints, from discovery. */
  endpoints(): Promise<OAuthEndpoints>;
  notice: SessionNotice | null;
  dismissNotice(): void;
  /** Starts sign-in at the custodian; afterwards the person lands on `returnTo` (a same-origin path). */
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
}

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

export function useSession(): UseSession {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside SessionProvider');
  const { session, notices } = context;
  const auth = useAuth();
  const queryClient = useQueryClient();
  const notice = useSyncExternalStore(notices.subscribe, notices.get);

  const signIn = useCallback(
    async (returnTo: string = currentPath()) => {
      notices.dismiss();
      await auth.signinRedirect(signInArgs(returnTo));
    },
    [auth, notices],
  );

  const signOut = useCallback(async () => {
    // Said on the page the provider sends the person back to, or here when there is no provider
    // sign-out (or it could not start).
    await session.signOut({ beforeLeaving: () => notices.showOnNextPage('signed-out') });
    // Nothing of the person who left stays in memory for whoever uses this tab next.
    queryClient.clear();
    notices.show('signed-out');
  }, [session, notices, queryClient]);

  const profile = auth.user?.profile;
  return {
    status: auth.isLoading ? 'loading' : auth.isAuthenticated ? 'signed-in' : 'signed-out',
    displayName: profile?.name ?? profile?.preferred_username,
    error: auth.error,
    signInProblem:
      auth.error?.source === 'signinRedirect'
        ? `Sign-in could not start: the utility's sign-in service (${auth.settings.authority}) did not answer. ` +
          'Try again in a moment. If it keeps failing, the portal may be set up with a wrong address for it.'
        : undefined,
    grantedScope: auth.user?.scope,
    endpoints: session.endpoints,
    notice,
    dismissNotice: notices.dismiss,
    signIn,
    signOut,
  };
}
