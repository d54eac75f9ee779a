/**
 * The customer's usage points (`GET {customerApiBaseUrl}/usage-points`, docs/openapi.yaml), read once for
 * the whole portal: usage lists and charts them, authorizations names the meters an app may read, bulk
 * offers them for a grant. One schema, one key and one `queryOptions`; each feature takes its own view
 * with `select`, so when one of them refreshes the list (a bulk grant refused for a meter) every view
 * shows the new one.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ApiClient } from './api-client.ts';
import { parseResponse } from './parse-response.ts';

/** Text a custodian may leave out, send empty or send as null: absent in every case. */
const optionalText = z.optional(
  z.pipe(
    z.nullish(z.string()),
    z.transform((value) => value || undefined),
  ),
);

const usagePointSchema = z.object({
  id: z.string(),
  title: optionalText,
  /** ESPI ServiceKind (docs/espi.md 3). */
  serviceKind: z.int(),
  meterId: optionalText,
  site: optionalText,
  address: optionalText,
  /** IANA zone of the service address: the fallback when a feed carries no LocalTimeParameters. */
  timeZone: optionalText,
  intervalLength: z.optional(z.number()),
  /** The custodian lets this meter into a bulk grant (an active service); absent means it does. */
  bulkEligible: z.optional(z.boolean()),
  hrefs: z.object({
    /** The usage point's full tree (Batch/Subscription/{id}/UsagePoint/{id}): readings, reading types, local time, summaries. */
    batch: z.string(),
    usagePoint: z.optional(z.string()),
  }),
});

const usagePointListSchema = z.object({ usagePoints: z.array(usagePointSchema) });

export type UsagePoint = z.output<typeof usagePointSchema>;

export const usagePointKeys = {
  all: ['usage-points'] as const,
};

export function usagePointsQuery(client: ApiClient, customerApiBaseUrl: string) {
  return queryOptions({
    queryKey: usagePointKeys.all,
    queryFn: async ({ signal }) => {
      const body = await client.json(`${customerApiBaseUrl}/usage-points`, { signal });
      return parseResponse(
        usagePointListSchema,
        body,
        'The utility sent a list of meters the portal could not read.',
      ).usagePoints;
    },
    // Meters change rarely (a refused grant invalidates the list at once).
    staleTime: 10 * 60_000,
  });
}
