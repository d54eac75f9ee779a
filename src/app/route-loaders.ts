/**
 * Route loaders: a signed-in page starts its first queries while its code loads, through the same
 * `queryOptions` its hooks read (TkDodo, "React Query meets React Router"), so data and code arrive
 * together instead of one after the other.
 *
 * Two choices, both deliberate:
 * - A loader sends nothing without a usable session. At a page's first load the session is whatever
 *   oidc-client-ts finds in sessionStorage; with no user, or an expired access token, the loader starts
 *   nothing: the page then asks the person to sign in, or its queries run once the session is renewed
 *   (one renewal, through the API client). A loader never triggers a sign-in or a renewal itself.
 * - A loader starts a query only when the cache has no data for it (`ensureQueryData`), and does not
 *   wait for the answer: the page shows its own loading, error and partial states, as it does on a
 *   client-side navigation, and refreshes stale data as before; a failed read stays in the cache for the
 *   page to explain instead of replacing it with the route error page.
 */
import type { EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { User } from 'oidc-client-ts';
import type { LoaderFunction, Params } from 'react-router';
import type { ApiClient } from '../lib/api-client.ts';
import type { PortalConfig } from '../lib/config.ts';

/** What the loaders need, built in main.tsx before the router. */
export interface LoaderServices {
  config: PortalConfig;
  apiClient: ApiClient;
  queryClient: QueryClient;
  /** Only the stored user is read (UserManager.getUser): no network, no renewal. */
  userManager: { getUser(): Promise<User | null> };
}

/** Starts a page's queries for the route's params (fire and forget: see above). */
export type StartQueries = (params: Params) => void;

/** Starts a query unless the cache already holds its data; never waits, never throws. */
export function startQuery<TQueryFnData, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TQueryFnData, Error, TData, TQueryKey>,
): void {
  queryClient.ensureQueryData(options).catch(() => undefined);
}

async function hasUsableSession(services: LoaderServices): Promise<boolean> {
  const user = await services.userManager.getUser();
  return user !== null && !user.expired;
}

/**
 * A lazily loaded route `loader` (react-router's `lazy.loader`, fetched in parallel with `lazy.Component`):
 * `load` imports the page's query options and says which queries to start.
 */
export function queryLoader(
  services: LoaderServices,
  load: () => Promise<StartQueries>,
): () => Promise<LoaderFunction> {
  return async () => {
    const start = await load();
    return async ({ params }) => {
      if (await hasUsableSession(services)) start(params);
      return null;
    };
  };
}
