/**
 * Query keys and options for bulk access, one factory (TkDodo's pattern): every read goes through
 * these, and every mutation touches exactly the keys listed here.
 */
import { queryOptions } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { bulkApi, type BulkApi } from './bulk-api.ts';

export const bulkKeys = {
  all: ['bulk'] as const,
  usagePoints: () => [...bulkKeys.all, 'usage-points'] as const,
  aggregators: () => [...bulkKeys.all, 'aggregators'] as const,
  grants: () => [...bulkKeys.all, 'grants'] as const,
  grantList: () => [...bulkKeys.grants(), 'list'] as const,
  grant: (id: string) => [...bulkKeys.grants(), 'detail', id] as const,
};

export const bulkQueries = {
  usagePoints: (api: BulkApi) =>
    queryOptions({
      queryKey: bulkKeys.usagePoints(),
      queryFn: () => api.listUsagePoints(),
      staleTime: 10 * 60_000,
    }),
  aggregators: (api: BulkApi) =>
    queryOptions({
      queryKey: bulkKeys.aggregators(),
      queryFn: () => api.listAggregators(),
      staleTime: 10 * 60_000,
    }),
  grantList: (api: BulkApi) =>
    queryOptions({ queryKey: bulkKeys.grantList(), queryFn: () => api.listGrants() }),
  grant: (api: BulkApi, id: string) =>
    queryOptions({ queryKey: bulkKeys.grant(id), queryFn: () => api.getGrant(id) }),
};

export function useBulkApi(): BulkApi {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return useMemo(() => bulkApi(client, customerApiBaseUrl), [client, customerApiBaseUrl]);
}
