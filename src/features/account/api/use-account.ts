import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { usagePointsQuery } from '../../../lib/usage-points.ts';
import type { BillWindow } from '../model/account-view.ts';
import { accountsQuery, billsQuery } from './account-queries.ts';

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

/** Each usage point's time zone, by id: a bill's dates are read in its service address's zone. */
export function useUsagePointZones() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return useQuery({
    ...usagePointsQuery(client, customerApiBaseUrl),
    select: (points) => new Map(points.map((p) => [p.id, p.timeZone])),
  });
}
