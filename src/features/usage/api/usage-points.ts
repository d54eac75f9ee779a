/**
 * The customer's usage points, from the custodian's customer API (`GET {customerApiBaseUrl}/usage-points`,
 * documented in docs/openapi.yaml): what ESPI leaves out (meter number, site, address) and where each
 * usage point's ESPI feed lives. The JSON is checked at the edge: a custodian answering something else
 * becomes an error a person can read, not a blank page.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ApiClient } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { usageKeys } from './usage-keys.ts';

const usagePointSchema = z.object({
  id: z.string(),
  title: z.optional(z.string()),
  serviceKind: z.optional(z.number()),
  meterId: z.optional(z.string()),
  site: z.optional(z.string()),
  address: z.optional(z.string()),
  /** IANA zone of the service address: the fallback when a feed carries no LocalTimeParameters. */
  timeZone: z.optional(z.string()),
  intervalLength: z.optional(z.number()),
  hrefs: z.object({
    /** The usage point's full tree (Batch/Subscription/{id}/UsagePoint/{id}): readings, reading types, local time, summaries. */
    batch: z.string(),
    usagePoint: z.optional(z.string()),
  }),
});

const usagePointsSchema = z.object({ usagePoints: z.array(usagePointSchema) });

export type UsagePointListing = z.infer<typeof usagePointSchema>;

export async function fetchUsagePoints(api: ApiClient, baseUrl: string, signal?: AbortSignal) {
  const body = await api.json<unknown>(`${baseUrl}/usage-points`, { signal });
  const parsed = usagePointsSchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('invalid-response', 'The utility sent a list of meters the portal could not read.', {
      detail: parsed.error.issues[0]?.message,
    });
  }
  return parsed.data.usagePoints;
}

export function usagePointsQuery(api: ApiClient, baseUrl: string) {
  return queryOptions({
    queryKey: usageKeys.points(),
    queryFn: ({ signal }) => fetchUsagePoints(api, baseUrl, signal),
    staleTime: 10 * 60_000,
  });
}
