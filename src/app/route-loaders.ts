/**
 * Route queries: a signed-in page starts its first queries while its code loads, through the same
 * `queryOptions` its hooks read (TkDodo, "React Query meets React Router"), so data and code arrive
 * together instead of one after the other. The routes carry them in their `handle` and the app starts
 * them on each navigation (react-router's declarative mode has no loaders).
 *
 * Two choices, both deliberate:
 * - A loader sends nothing without a usable session. At a page's first load the session is whatever
 *   oidc-client-ts stored in sessionStorage (read without the library); with no user, or an expired
 *   access token, the loader starts nothing: the page then asks the person to sign in, or its queries
 *   run once the session is renewed (one renewal, through the API client). A loader never triggers a
 *   sign-in or a renewal itself.
 * - A loader starts a query only when the cache has no data for it (`ensureQueryData`), and does not
 *   wait for the answer: the page shows its own loading, error and partial states, as it does on a
 *   client-side navigation, and refreshes stale data as before; a failed read stays in the cache for the
 *   page to explain instead of replacing it with the route error page.
 */
import type { EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { matchRoutes, type Params, type RouteObject } from 'react-router';
import type { ApiClient } from '../lib/api-client.ts';
import type { PortalConfig } from '../lib/config.ts';
import type { LazyQueryClient } from '../lib/lazy-query-client.ts';

/** What the route queries need, built in main.tsx. */
export interface LoaderServices {
  config: PortalConfig;
  apiClient: ApiClient;
  /** Loaded with the first loader that runs (the signed-out landing page has none). */
  queryClient: LazyQueryClient;
  /** Only the stored session is read: no network, no renewal, no sign-in library. */
  session: { hasUsableSession(): boolean };
}

/** Starts a page's queries for the route's params (fire and forget: see above). */
export type StartQueries = (params: Params, queryClient: QueryClient) => void;

/** What a route carries in its `handle`: the queries to start when it is visited. */
export interface RouteHandle {
  queries?: (params: Params) => Promise<void>;
}

/** Starts a query unless the cache already holds its data; never waits, never throws. */
export function startQuery<TQueryFnData, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TQueryFnData, Error, TData, TQueryKey>,
): void {
  queryClient.ensureQueryData(options).catch(() => undefined);
}

/**
 * A route's queries: `load` imports the page's query options (in parallel with the page's code and
 * the query cache) and says which queries to start; nothing starts without a usable session.
 */
export function queryLoader(
  services: LoaderServices,
  load: () => Promise<StartQueries>,
): (params: Params) => Promise<void> {
  return async (params) => {
    const [start, { client }] = await Promise.all([load(), services.queryClient.load()]);
    if (services.session.hasUsableSession()) start(params, client);
  };
}

/** Starts the queries of every route matching `pathname` (the layout calls it on each navigation). */
export function startRouteQueries(routes: RouteObject[], pathname: string): Promise<void> {
  const matches = matchRoutes(routes, pathname) ?? [];
  return Promise.all(
    matches.map(({ route, params }) => (route.handle as RouteHandle | undefined)?.queries?.(params)),
  ).then(
    () => undefined,
    () => undefined, // a page whose code cannot load says so itself (RouteErrorBoundary)
  );
}
