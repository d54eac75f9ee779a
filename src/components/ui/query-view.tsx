import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state.tsx';
import { ErrorState } from './error-state.tsx';
import { LoadingState } from './loading-state.tsx';

/**
 * The four states of a read a page shows: loading, failed (with a retry), empty, and the data. One place,
 * so every page words and announces them alike.
 */
export function QueryView<T>(props: {
  query: UseQueryResult<T>;
  loading: string;
  errorTitle: string;
  /** When the data counts as empty, what to say: a title and an explanation. */
  empty?: (data: T) => { title: string; body: ReactNode } | undefined;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <LoadingState label={props.loading} />;
  if (query.isError)
    return <ErrorState title={props.errorTitle} error={query.error} onRetry={() => void query.refetch()} />;
  const empty = props.empty?.(query.data);
  if (empty)
    return (
      <EmptyState title={empty.title} headingLevel={3}>
        <p>{empty.body}</p>
      </EmptyState>
    );
  return <>{props.children(query.data)}</>;
}
