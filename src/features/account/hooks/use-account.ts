import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import * as z from 'zod/mini';
import { parseResponse } from '../../../lib/parse-response.ts';
import type { BillWindow } from '../model/account-view.ts';
import { accountsQuery, billsQuery } from '../api/account-queries.ts';

export function useAccounts() {
  const client = useApiClient();
  const { espiBaseUrl } = useConfig();
  return useQuery(accountsQuery(client, espiBaseUrl));
}

/** Bills of `window`; `undefined` waits (the default window depends on how many accounts there are). */
export function useBills(window: BillWindow | undefined) {
  const client = useApiClient();
  const { espiBaseUrl } = useConfig();
  // One "now" per page visit: the window does not slide (and refetch) while the page is open.
  const [nowMs] = useState(() => Date.now());
  return useQuery({
    ...billsQuery(client, espiBaseUrl, window ?? 'latest', nowMs),
    enabled: window !== undefined,
  });
}

const meSchema = z.object({ timeZone: z.string() });

/**
 * The zone of the account's meters (`GET /me`, docs/openapi.yaml): a billing period starts at local midnight
 * there, and read in another zone it would start or end a day early.
 */
export function useAccountZone() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return useQuery({
    queryKey: ['me'],
    queryFn: async ({ signal }) =>
      parseResponse(
        meSchema,
        await client.json(`${customerApiBaseUrl}/me`, { signal }),
        'The utility sent an account the portal could not read.',
      ).timeZone,
    staleTime: Infinity,
  });
}
