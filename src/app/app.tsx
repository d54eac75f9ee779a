import { useEffect, useMemo } from 'react';
import { BrowserRouter, useLocation, useNavigate, useRoutes } from 'react-router';
import type { ApiClient } from '../lib/api-client.ts';
import { PortalServicesProvider } from '../lib/api-context.tsx';
import type { PortalConfig } from '../lib/config.ts';
import type { LazyQueryClient } from '../lib/lazy-query-client.ts';
import { RouteErrorBoundary } from '../components/errors/route-error-boundary.tsx';
import type { PortalAuth } from '../features/auth/api/portal-auth.ts';
import { SessionProvider } from '../features/auth/hooks/session-context.tsx';
import type { SessionNoticeStore } from '../features/auth/model/session-notices.ts';
import type { AppNavigator } from './app-navigator.ts';
import { startRouteQueries } from './route-loaders.ts';
import { appRoutes } from './router.tsx';

export interface AppServices {
  config: PortalConfig;
  auth: PortalAuth;
  notices: SessionNoticeStore;
  apiClient: ApiClient;
  queryClient: LazyQueryClient;
  navigator: AppNavigator;
}

/**
 * Providers, outermost first: configuration, API client, session state and the (lazily loaded) query
 * cache; sign-in and sign-out; routes. The query cache's own provider wraps the pages that read the
 * custodian (QueryClientBoundary in router.tsx).
 */
export function App({ services }: { services: AppServices }) {
  return (
    <PortalServicesProvider
      config={services.config}
      apiClient={services.apiClient}
      queryClient={services.queryClient}
      sessionState={services.auth.state}
    >
      <SessionProvider auth={services.auth} notices={services.notices}>
        {/* Without transitions a page whose code is loading shows the frame's "Loading page" at once. */}
        <BrowserRouter useTransitions={false}>
          <AppRoutes services={services} />
        </BrowserRouter>
      </SessionProvider>
    </PortalServicesProvider>
  );
}

/** The routes, with each visited page's queries started beside its code (route-loaders.ts). */
function AppRoutes({ services }: { services: AppServices }) {
  const routes = useMemo(() => appRoutes({ ...services, session: services.auth }), [services]);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  useEffect(() => services.navigator.attach(navigate), [services.navigator, navigate]);
  useEffect(() => void startRouteQueries(routes, pathname), [routes, pathname]);
  return <RouteErrorBoundary resetKey={pathname}>{useRoutes(routes)}</RouteErrorBoundary>;
}
