import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout } from './root-layout.tsx';
import { HomePage } from './home-page.tsx';
import { queryLoader, startQuery, type LoaderServices } from './route-loaders.ts';
import { RouteErrorPage } from '../components/errors/route-error-page.tsx';
import { NotFoundPage } from '../components/errors/not-found-page.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { RequireAuth } from '../features/auth/components/require-auth.tsx';
import { CallbackPage } from '../features/auth/routes/callback-page.tsx';

/** A route module's page component, for `lazy.Component`. */
const component = (load: () => Promise<{ Component: ComponentType }>) => async (): Promise<ComponentType> =>
  (await load()).Component;

/**
 * Every route of the portal, in one place. Feature pages load lazily (their route modules export
 * `Component`), so the first page does not pay for charts or the bulk wizard; a signed-in page's
 * loader starts its queries while its code loads (route-loaders.ts).
 */
export function appRoutes(services: LoaderServices): RouteObject[] {
  const { config, apiClient, queryClient } = services;
  const base = config.customerApiBaseUrl;
  const usagePointsLoader = queryLoader(services, async () => {
    const { usagePointsQuery } = await import('../lib/usage-points.ts');
    return () => startQuery(queryClient, usagePointsQuery(apiClient, base));
  });
  const signedInPages: RouteObject[] = [
    {
      path: 'usage',
      lazy: {
        Component: component(() => import('../features/usage/routes/usage-overview-route.tsx')),
        loader: usagePointsLoader,
      },
    },
    {
      path: 'usage/export',
      lazy: {
        Component: component(() => import('../features/usage/routes/export-route.tsx')),
        loader: usagePointsLoader,
      },
    },
    {
      path: 'usage/:usagePointId',
      lazy: {
        Component: component(() => import('../features/usage/routes/usage-point-route.tsx')),
        // The feed's window depends on the usage point's time zone: the listing comes first.
        loader: usagePointsLoader,
      },
    },
    {
      path: 'account',
      lazy: {
        Component: component(() => import('../features/account/routes/account-route.tsx')),
        loader: queryLoader(services, async () => {
          const { accountsQuery } = await import('../features/account/api/account-queries.ts');
          return () => startQuery(queryClient, accountsQuery(apiClient, config.espiBaseUrl));
        }),
      },
    },
    {
      path: 'authorizations',
      lazy: {
        Component: component(() => import('../features/authorizations/routes/authorizations-route.tsx')),
        loader: queryLoader(services, async () => {
          const { authorizationListOptions, usagePointIndexOptions } =
            await import('../features/authorizations/api/authorization-queries.ts');
          return () => {
            startQuery(queryClient, authorizationListOptions(apiClient, base));
            startQuery(queryClient, usagePointIndexOptions(apiClient, base));
          };
        }),
      },
    },
    {
      path: 'authorizations/:authorizationId',
      lazy: {
        Component: component(
          () => import('../features/authorizations/routes/authorization-detail-route.tsx'),
        ),
        loader: queryLoader(services, async () => {
          const { authorizationDetailOptions, usagePointIndexOptions } =
            await import('../features/authorizations/api/authorization-queries.ts');
          return (params) => {
            startQuery(
              queryClient,
              authorizationDetailOptions(apiClient, base, params.authorizationId ?? ''),
            );
            startQuery(queryClient, usagePointIndexOptions(apiClient, base));
          };
        }),
      },
    },
    {
      path: 'apps',
      lazy: {
        Component: component(() => import('../features/app-directory/routes/app-directory-route.tsx')),
        loader: queryLoader(services, async () => {
          const { connectedAppsOptions, registeredAppsOptions } =
            await import('../features/app-directory/api/directory-queries.ts');
          return () => {
            startQuery(queryClient, registeredAppsOptions(apiClient, config.espiBaseUrl));
            startQuery(queryClient, connectedAppsOptions(apiClient, base));
          };
        }),
      },
    },
    {
      path: 'bulk',
      lazy: {
        Component: component(() => import('../features/bulk/routes/bulk-grants-route.tsx')),
        loader: queryLoader(services, async () => {
          const { bulkApi, bulkQueries } = await bulkQueryModules();
          return () => startQuery(queryClient, bulkQueries.grantList(bulkApi(apiClient, base)));
        }),
      },
    },
    {
      path: 'bulk/new',
      lazy: {
        Component: component(() => import('../features/bulk/routes/bulk-grant-new-route.tsx')),
        loader: queryLoader(services, async () => {
          const { bulkApi, bulkQueries } = await bulkQueryModules();
          return () => {
            const api = bulkApi(apiClient, base);
            startQuery(queryClient, bulkQueries.aggregators(api));
            startQuery(queryClient, bulkQueries.usagePoints(api));
          };
        }),
      },
    },
    {
      path: 'bulk/:grantId',
      lazy: {
        Component: component(() => import('../features/bulk/routes/bulk-grant-detail-route.tsx')),
        loader: queryLoader(services, async () => {
          const { bulkApi, bulkQueries } = await bulkQueryModules();
          return (params) => {
            const api = bulkApi(apiClient, base);
            startQuery(queryClient, bulkQueries.grant(api, params.grantId ?? ''));
            startQuery(queryClient, bulkQueries.usagePoints(api));
          };
        }),
      },
    },
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
          {
            path: 'demo/third-party/:clientId/scope-selection',
            lazy: () => import('../demo/third-party-scope-selection-route.tsx'),
          },
        ]
      : [];
  const custodianPages: RouteObject[] =
    import.meta.env.VITE_DEMO === 'true'
      ? [
          {
            path: '/custodian/oauth/authorize',
            lazy: () => import('../demo/custodian-authorize-route.tsx'),
            hydrateFallbackElement: <LoadingState label="Loading the sign-in page" />,
          },
        ]
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
          // Shown inside the page frame while the first page's code (and loader) loads; without it
          // react-router renders nothing and warns "No `HydrateFallback` element provided".
          hydrateFallbackElement: <LoadingState label="Loading page" />,
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

/** The bulk feature's API and query options, loaded with (not before) a bulk page. */
async function bulkQueryModules() {
  const [{ bulkApi }, { bulkQueries }] = await Promise.all([
    import('../features/bulk/api/bulk-api.ts'),
    import('../features/bulk/api/bulk-queries.ts'),
  ]);
  return { bulkApi, bulkQueries };
}

export function createAppRouter(services: LoaderServices) {
  return createBrowserRouter(appRoutes(services));
}
