import { lazy, type ComponentType, type ReactNode } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import { RootLayout } from './root-layout.tsx';
import { HomePage } from './home-page.tsx';
import { queryLoader, startQuery, type LoaderServices, type RouteHandle } from './route-loaders.ts';
import { NotFoundPage } from '../components/errors/not-found-page.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { RequireAuth } from '../features/auth/components/require-auth.tsx';
import { QueryClientBoundary } from '../lib/query-client-boundary.tsx';

/**
 * A route module's page (its `Component`), loaded when first shown; the frame's Suspense boundary
 * says "Loading page" meanwhile (root-layout.tsx).
 */
function page(load: () => Promise<{ Component: ComponentType }>): ReactNode {
  const Page = lazy(async () => ({ default: (await load()).Component }));
  return <Page />;
}

/** The pages that read the custodian, inside the query cache (loaded with them, not before). */
const withQueries = (
  <QueryClientBoundary>
    <Outlet />
  </QueryClientBoundary>
);

/**
 * Every route of the portal, in one place, for react-router's declarative `useRoutes` (its data
 * router alone would cost the first page 19 KB gzipped: docs/architecture.md). Feature pages load
 * lazily, so the first page does not pay for charts or the bulk wizard; a signed-in page's `handle`
 * starts its queries while its code loads (route-loaders.ts).
 */
export function appRoutes(services: LoaderServices): RouteObject[] {
  const { config, apiClient } = services;
  const base = config.customerApiBaseUrl;
  const usagePointsQueries: RouteHandle = {
    queries: queryLoader(services, async () => {
      const { usagePointsQuery } = await import('../lib/usage-points.ts');
      return (_params, client) => startQuery(client, usagePointsQuery(apiClient, base));
    }),
  };
  const signedInPages: RouteObject[] = [
    {
      path: 'usage',
      element: page(() => import('../features/usage/routes/usage-overview-route.tsx')),
      handle: usagePointsQueries,
    },
    {
      path: 'usage/compare',
      element: page(() => import('../features/usage/routes/compare-route.tsx')),
      handle: usagePointsQueries,
    },
    {
      path: 'usage/export',
      element: page(() => import('../features/usage/routes/export-route.tsx')),
      handle: usagePointsQueries,
    },
    {
      path: 'usage/:usagePointId',
      element: page(() => import('../features/usage/routes/usage-point-route.tsx')),
      // The feed's window depends on the usage point's time zone: the listing comes first.
      handle: usagePointsQueries,
    },
    {
      path: 'portfolio',
      element: page(() => import('../features/portfolio/routes/portfolio-route.tsx')),
      // The summaries wait for the listing: a household is told it has no portfolio, never asked for one.
      handle: usagePointsQueries,
    },
    {
      path: 'insights/budget',
      element: page(() => import('../features/insights/routes/budget-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const { insightSettingsQuery } = await import('../features/insights/api/insight-settings.ts');
          return (_params, client) => startQuery(client, insightSettingsQuery(apiClient, base));
        }),
      },
    },
    {
      path: 'insights/:usagePointId',
      element: page(() => import('../features/insights/routes/why-bill-route.tsx')),
      handle: usagePointsQueries,
    },
    {
      path: 'account',
      element: page(() => import('../features/account/routes/account-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const { accountsQuery } = await import('../features/account/api/account-queries.ts');
          return (_params, client) => startQuery(client, accountsQuery(apiClient, config.espiBaseUrl));
        }),
      },
    },
    {
      path: 'rates',
      element: page(() => import('../features/rates/routes/rates-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const [{ ratePlansQuery }, { usagePointsQuery }] = await Promise.all([
            import('../features/rates/api/rate-plans.ts'),
            import('../lib/usage-points.ts'),
          ]);
          return (_params, client) => {
            startQuery(client, ratePlansQuery(apiClient, base));
            startQuery(client, usagePointsQuery(apiClient, base));
          };
        }),
      },
    },
    {
      path: 'authorizations',
      element: page(() => import('../features/authorizations/routes/authorizations-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const [{ authorizationListOptions }, { usagePointIndexOptions }] = await Promise.all([
            import('../lib/authorizations.ts'),
            import('../features/authorizations/api/authorization-queries.ts'),
          ]);
          return (_params, client) => {
            startQuery(client, authorizationListOptions(apiClient, base));
            startQuery(client, usagePointIndexOptions(apiClient, base));
          };
        }),
      },
    },
    {
      path: 'authorizations/:authorizationId',
      element: page(() => import('../features/authorizations/routes/authorization-detail-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const [{ authorizationDetailOptions }, { usagePointIndexOptions }] = await Promise.all([
            import('../lib/authorizations.ts'),
            import('../features/authorizations/api/authorization-queries.ts'),
          ]);
          return (params, client) => {
            startQuery(client, authorizationDetailOptions(apiClient, base, params.authorizationId ?? ''));
            startQuery(client, usagePointIndexOptions(apiClient, base));
          };
        }),
      },
    },
    {
      path: 'apps',
      element: page(() => import('../features/app-directory/routes/app-directory-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const { connectedAppsOptions, registeredAppsOptions } =
            await import('../features/app-directory/api/directory-queries.ts');
          return (_params, client) => {
            startQuery(client, registeredAppsOptions(apiClient, config.espiBaseUrl));
            startQuery(client, connectedAppsOptions(apiClient, base));
          };
        }),
      },
    },
    {
      path: 'bulk',
      element: page(() => import('../features/bulk/routes/bulk-grants-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const { bulkApi, bulkQueries } = await bulkQueryModules();
          return (_params, client) => startQuery(client, bulkQueries.grantList(bulkApi(apiClient, base)));
        }),
      },
    },
    {
      path: 'bulk/new',
      element: page(() => import('../features/bulk/routes/bulk-grant-new-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const { bulkApi, bulkQueries } = await bulkQueryModules();
          return (_params, client) => {
            const api = bulkApi(apiClient, base);
            startQuery(client, bulkQueries.aggregators(api));
            startQuery(client, bulkQueries.usagePoints(api));
          };
        }),
      },
    },
    {
      path: 'bulk/:grantId',
      element: page(() => import('../features/bulk/routes/bulk-grant-detail-route.tsx')),
      handle: {
        queries: queryLoader(services, async () => {
          const { bulkApi, bulkQueries } = await bulkQueryModules();
          return (params, client) => {
            const api = bulkApi(apiClient, base);
            startQuery(client, bulkQueries.grant(api, params.grantId ?? ''));
            startQuery(client, bulkQueries.usagePoints(api));
          };
        }),
      },
    },
  ];
  if (config.apiAccessEnabled) {
    signedInPages.push({
      path: 'api-access',
      element: page(() => import('../features/auth/routes/api-access-route.tsx')),
    });
  }

  // The mock custodian's own pages exist only in demo builds: the build-time constant lets the
  // bundler drop them (and the mock) from a production build.
  const demoRoutes: RouteObject[] =
    import.meta.env.VITE_DEMO === 'true'
      ? [
          { path: 'demo', element: page(() => import('../demo/demo-panel-route.tsx')) },
          {
            path: 'demo/third-party-callback',
            element: page(() => import('../demo/third-party-callback-route.tsx')),
          },
          {
            path: 'demo/third-party/:clientId/scope-selection',
            element: page(() => import('../demo/third-party-scope-selection-route.tsx')),
          },
        ]
      : [];
  const custodianPages: RouteObject[] =
    import.meta.env.VITE_DEMO === 'true'
      ? [
          {
            // Outside the portal's frame; the consent page's preview reads the custodian.
            path: '/custodian/oauth/authorize',
            element: (
              <QueryClientBoundary fallback={<LoadingState label="Loading the sign-in page" />}>
                {page(() => import('../demo/custodian-authorize-route.tsx'))}
              </QueryClientBoundary>
            ),
          },
        ]
      : [];

  return [
    ...custodianPages,
    {
      path: '/',
      element: <RootLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'auth/callback', element: page(() => import('../features/auth/routes/callback-route.tsx')) },
        { path: 'open-file', element: page(() => import('../features/usage/routes/open-file-route.tsx')) },
        {
          element: withQueries,
          children: [{ element: <RequireAuth />, children: signedInPages }, ...demoRoutes],
        },
        { path: '*', element: <NotFoundPage /> },
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
