/**
 * The connected-apps pages' reads: hooks over the portal's shared authorization queries
 * (src/lib/authorizations.ts) and the names of the meters an authorization covers.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { usagePointsQuery, type UsagePoint as SharedUsagePoint } from '../../../lib/usage-points.ts';
import {
  authorizationDetailOptions,
  authorizationListOptions,
  type Authorization,
} from '../../../lib/authorizations.ts';

export function useAuthorizationList() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return useQuery(authorizationListOptions(client, customerApiBaseUrl));
}

/** One authorization; while it loads, the list's copy (if the list was seen) is shown at once. */
export function useAuthorizationDetail(id: string) {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const queryClient = useQueryClient();
  return useQuery({
    ...authorizationDetailOptions(client, customerApiBaseUrl, id),
    placeholderData: (): Authorization | undefined =>
      queryClient
        .getQueryData(authorizationListOptions(client, customerApiBaseUrl).queryKey)
        ?.find((a) => a.id === id),
  });
}

/** The shared usage-points list as this feature reads it: by id, each named (its id when untitled). */
function indexById(points: SharedUsagePoint[]): ReadonlyMap<string, UsagePoint> {
  return new Map(points.map((point) => [point.id, { ...point, title: point.title ?? point.id }]));
}

export function usagePointIndexOptions(client: ApiClient, customerApiBaseUrl: string) {
  return queryOptions({ ...usagePointsQuery(client, customerApiBaseUrl), select: indexById });
}

const NO_METERS: ReadonlyMap<string, UsagePoint> = new Map();

/**
 * The customer's meters by id, to name the ones an authorization covers. Until they load (or if they
 * cannot), an authorization still shows, with ids instead of names.
 */
export function useUsagePointIndex(): ReadonlyMap<string, UsagePoint> {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const { data } = useQuery(usagePointIndexOptions(client, customerApiBaseUrl));
  return data ?? NO_METERS;
}

/** A meter's name for sentences about an authorization: its title, or "Meter {id}" until known. */
export function useAuthorizationMeterName(): (id: string) => string {
  const index = useUsagePointIndex();
  return (id) => index.get(id)?.title ?? `Meter ${id}`;
}

/** A meter as a connected app's page names it: authorizations carry only usage point ids. */
export type UsagePoint = Pick<SharedUsagePoint, 'id' | 'meterId' | 'address'> &
  Partial<Pick<SharedUsagePoint, 'serviceKind'>> & { title: string };
