import { Suspense, use, type ReactNode } from 'react';
import { useLazyQueryClient } from './api-context.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';

/**
 * Provides the query cache to what it wraps, loading the library first if no loader has yet
 * (a signed-in page's loader usually has, so this renders at once).
 */
export function QueryClientBoundary(props: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <Suspense fallback={props.fallback ?? <LoadingState label="Loading page" />}>
      <WithQueryClient>{props.children}</WithQueryClient>
    </Suspense>
  );
}

function WithQueryClient({ children }: { children: ReactNode }) {
  const lazy = useLazyQueryClient();
  const { client, Provider } = lazy.loaded() ?? use(lazy.load());
  return <Provider client={client}>{children}</Provider>;
}
