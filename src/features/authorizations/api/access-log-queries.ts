/**
 * An app's access log from the customer API (`GET …/authorizations/{id}/access-log`, docs/openapi.yaml):
 * its schema, key and query options, and the whole filtered log for the CSV download.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { parseResponse } from '../../../lib/parse-response.ts';
import { LOG_PAGE_SIZE, logApiQuery, type AccessLogFilters } from '../model/access-log-filters.ts';
import { authorizationKeys, authorizationUrl } from './authorization-queries.ts';
import { secondsOfIso } from '../../../espi/index.ts';

const instant = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((value) => secondsOfIso(value)),
);

const count = z.int().check(z.nonnegative());

const accessLogSchema = z.object({
  lastAccessedAt: z.nullable(instant),
  /** How many reads the custodian keeps per app (the oldest go first). */
  capacity: count,
  /** Reads matching the filters, across every page. */
  total: count,
  entries: z.array(
    z.object({
      id: z.string(),
      at: instant,
      resource: z.string(),
      usagePointIds: z.array(z.string()),
      entries: count,
      readings: count,
      bytes: count,
    }),
  ),
});

export type AccessLog = z.output<typeof accessLogSchema>;
export type AccessLogRead = AccessLog['entries'][number];

export const accessLogKeys = {
  all: (id: string) => [...authorizationKeys.all, 'access-log', id] as const,
  page: (id: string, filters: AccessLogFilters) => [...accessLogKeys.all(id), filters] as const,
};

async function fetchAccessLog(
  client: ApiClient,
  customerApiBaseUrl: string,
  id: string,
  query: string,
  signal?: AbortSignal,
): Promise<AccessLog> {
  const url = `${authorizationUrl(customerApiBaseUrl, id)}/access-log?${query}`;
  return parseResponse(
    accessLogSchema,
    await client.json(url, { signal }),
    "The utility's access log for this app could not be read.",
  );
}

export function accessLogOptions(
  client: ApiClient,
  customerApiBaseUrl: string,
  id: string,
  filters: AccessLogFilters,
) {
  const offset = (filters.page - 1) * LOG_PAGE_SIZE;
  return queryOptions({
    queryKey: accessLogKeys.page(id, filters),
    queryFn: ({ signal }) =>
      fetchAccessLog(
        client,
        customerApiBaseUrl,
        id,
        logApiQuery(filters, { offset, limit: LOG_PAGE_SIZE }),
        signal,
      ),
    // A new filter or page keeps the rows on screen until its own arrive (the table says it is busy).
    placeholderData: keepPreviousData,
  });
}

export function useAccessLog(id: string, filters: AccessLogFilters) {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return useQuery(accessLogOptions(client, customerApiBaseUrl, id, filters));
}

/** Every read the filters select (the custodian keeps at most `capacity`, so one request holds them). */
export function useWholeAccessLog(id: string) {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return async (filters: AccessLogFilters, capacity: number): Promise<AccessLogRead[]> =>
    (
      await fetchAccessLog(
        client,
        customerApiBaseUrl,
        id,
        logApiQuery(filters, { offset: 0, limit: capacity }),
      )
    ).entries;
}
