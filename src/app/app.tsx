import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AuthProvider } from 'react-oidc-context';
import { RouterProvider } from 'react-router/dom';
import type { UserManager } from 'oidc-client-ts';
import type { ApiClient } from '../lib/api-client.ts';
import { PortalServicesProvider } from '../lib/api-context.tsx';
import type { PortalConfig } from '../lib/config.ts';
import { CALLBACK_PATH } from '../features/auth/api/user-manager.ts';
import { safeReturnTo } from '../features/auth/model/return-to.ts';
import { SessionProvider } from '../features/auth/hooks/session-context.tsx';
import type { Session } from '../features/auth/api/session.ts';
import type { SessionNoticeStore } from '../features/auth/model/session-notices.ts';
import type { createAppRouter } from './router.tsx';

export interface AppServices {
  config: PortalConfig;
  userManager: UserManager;
  session: Session;
  notices: SessionNoticeStore;
  apiClient: ApiClient;
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}

/** Providers, outermost first: session, configuration and API client, server-state cache, routes. */
export function App({ services }: { services: AppServices }) {
  const { router } = services;
  return (
    <AuthProvider
      userManager={services.userManager}
      // Only the callback route holds an authorization response; any other page with `code` and
      // `state` in its query (the custodian's own authorize page, in the demo) is not one.
      skipSigninCallback={window.location.pathname !== CALLBACK_PATH}
      onSigninCallback={(user) => {
        const { returnTo } = (user?.state ?? {}) as { returnTo?: unknown };
        // `replace` drops `code` and `state` from the address bar and from history.
        void router.navigate(safeReturnTo(returnTo, window.location.origin), { replace: true });
      }}
    >
      <SessionProvider session={services.session} notices={services.notices}>
        <PortalServicesProvider config={services.config} apiClient={services.apiClient}>
          <QueryClientProvider client={services.queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </PortalServicesProvider>
      </SessionProvider>
    </AuthProvider>
  );
}
