import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout } from './root-layout.tsx';
import { HomePage } from './home-page.tsx';
import { RouteErrorPage } from '../components/errors/route-error-page.tsx';
import { NotFoundPage } from '../components/errors/not-found-page.tsx';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { CallbackPage } from '../features/auth/callback-page.tsx';
import type { PortalConfig } from '../lib/config.ts';

/**
 * Every route of the portal, in one place. Feature pages load lazily (their route modules export
 * `Component`), so the first page does not pay for charts or the bulk wizard.
 */
export function appRoutes(config: PortalConfig): RouteObject[] {
  const signedInPages: RouteObject[] = [
    { path: 'usage', lazy: () => import('../features/usage/routes/usage-overview-route.tsx') },
    { path: 'usage/:usagePointId', lazy: () => import('../features/usage/routes/usage-point-route.tsx') },
    {
      path: 'authorizations',
      lazy: () => import('../features/authorizations/routes/authorizations-route.tsx'),
    },
    {
      path: 'authorizations/:authorizationId',
      lazy: () => import('../features/authorizations/routes/authorization-detail-route.tsx'),
    },
    { path: 'bulk', lazy: () => import('../features/bulk/routes/bulk-grants-route.tsx') },
    { path: 'bulk/new', lazy: () => import('../features/bulk/routes/bulk-grant-new-route.tsx') },
    { path: 'bulk/:grantId', lazy: () => import('../features/bulk/routes/bulk-grant-detail-route.tsx') },
  ];
  if (config.apiAccessEnabled) {
    signedInPages.push({
      path: 'api-access',
      lazy: () => import('../features/auth/routes/api-access-route.tsx'),
    });
  }

  // The mock custodian's own pages exist only in demo builds: the build-time constant lets the
  // bundler drop them (and the mock) from a production build.
  const demoRoutes: RouteObject[] =
    import.meta.env.VITE_DEMO === 'true'
      ? [
          { path: 'demo', lazy: () => import('../demo/demo-panel-route.tsx') },
          { path: 'demo/third-party-callback', lazy: () => import('../demo/third-party-callback-route.tsx') },
        ]
      : [];
  const custodianPages: RouteObject[] =
    import.meta.env.VITE_DEMO === 'true'
      ? [{ path: '/custodian/oauth/authorize', lazy: () => import('../demo/custodian-authorize-route.tsx') }]
      : [];

  return [
    ...custodianPages,
    {
      path: '/',
      element: <RootLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'auth/callback', element: <CallbackPage /> },
            { path: 'open-file', lazy: () => import('../features/usage/routes/open-file-route.tsx') },
            { element: <RequireAuth />, children: signedInPages },
            ...demoRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(config: PortalConfig) {
  return createBrowserRouter(appRoutes(config));
}
