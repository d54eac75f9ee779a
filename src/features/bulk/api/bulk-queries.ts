/**
 * Query keys and options for bulk access, one factory (TkDodo's pattern): every read goes through
 * these, and every mutation touches exactly the keys listed here.
 */
import { queryOptions } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import type { UsagePoint } from '../../../lib/usage-points.ts';
import type { Meter } from '../model/meter.ts';
import { bulkApi, type BulkApi } from './bulk-api.ts';

export const bulkKeys = {
  all: ['bulk'] as const,
  aggregators: () => [...bulkKeys.all, 'aggregators'] as const,
  grants: () => [...bulkKeys.all, 'grants'] as const,
  grantList: () => [...bulkKeys.grants(), 'list'] as const,
  grant: (id: string) => [...bulkKeys.grants(), 'detail', id] as const,
};

/** The shared usage points as the bulk pages select them: every field filled in. */
function asMeters(points: UsagePoint[]): Meter[] {
  return points.map((point) => ({
    id: point.id,
    title: point.title ?? '',
    serviceKind: point.serviceKind,
    meterId: point.meterId ?? '',
    site: point.site ?? '',
    address: point.address ?? '',
    bulkEligible: point.bulkEligible ?? true,
  }));
}

export const bulkQueries = {
  usagePoints: (api: BulkApi) => queryOptions({ ...api.usagePoints, select: asMeters }),
  aggregators: (api: BulkApi) =>
    queryOptions({
      queryKey: bulkKeys.aggregators(),
      queryFn: ({ signal }) => api.listAggregators(signal),
      staleTime: 10 * 60_000,
    }),
  grantList: (api: BulkApi) =>
    queryOptions({ queryKey: bulkKeys.grantList(), queryFn: ({ signal }) => api.listGrants(signal) }),
  grant: (api: BulkApi, id: string) =>
    queryOptions({ queryKey: bulkKeys.grant(id), queryFn: ({ signal }) => api.getGrant(id, signal) }),
};

export function useBulkApi(): BulkApi {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return useMemo(() => bulkApi(client, customerApiBaseUrl), [client, customerApiBaseUrl]);
}
