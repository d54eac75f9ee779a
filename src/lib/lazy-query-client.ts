/**
 * The server-state cache (TanStack Query), loaded with the first page that reads the custodian rather
 * than with the portal: the signed-out landing page sends no query, and leaving the library out of the
 * entry keeps the first page within its JavaScript budget (docs/architecture.md). Route loaders,
 * `QueryClientBoundary` and sign-out share the one client this creates.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';

export interface LoadedQueryClient {
  client: QueryClient;
  Provider: ComponentType<{ client: QueryClient; children?: ReactNode }>;
}

export interface LazyQueryClient {
  /** Loads the library and creates the client, once; every call returns the same promise. */
  load(): Promise<LoadedQueryClient>;
  /** The client, when already loaded (nothing to clear otherwise). */
  loaded(): LoadedQueryClient | undefined;
}

export function lazyQueryClient(): LazyQueryClient {
  let loading: Promise<LoadedQueryClient> | undefined;
  let value: LoadedQueryClient | undefined;
  return {
    load() {
      loading ??= Promise.all([import('./query-client.ts'), import('@tanstack/react-query')]).then(
        ([{ createQueryClient }, { QueryClientProvider }]) =>
          (value = { client: createQueryClient(), Provider: QueryClientProvider }),
      );
      return loading;
    },
    loaded: () => value,
  };
}
