import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import type { Session } from './session.ts';
import type { SessionNotice, SessionNoticeStore } from './session-notices.ts';

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
  const notice = useSyncExternalStore(notices.subscribe, notices.get);

  const signIn = useCallback(
    async (returnTo: string = currentPath()) => {
      notices.dismiss();
      await auth.signinRedirect({ state: { returnTo } });
    },
    [auth, notices],
  );

  const signOut = useCallback(async () => {
    await session.signOut();
    notices.show('signed-out');
  }, [session, notices]);

  const profile = auth.user?.profile;
  return {
    status: auth.isLoading ? 'loading' : auth.isAuthenticated ? 'signed-in' : 'signed-out',
    displayName: profile?.name ?? profile?.preferred_username,
    error: auth.error,
    notice,
    dismissNotice: notices.dismiss,
    signIn,
    signOut,
  };
}
