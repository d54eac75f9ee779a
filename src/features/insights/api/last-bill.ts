/**
 * The customer's latest bill from the custodian's Statements (ESPI customer.xsd, as the Bills page reads
 * them): the bills issued in the last two months, the latest one kept.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Statement } from '../../../espi/index.ts';
import type { ApiClient } from '../../../lib/api-client.ts';
import { readFeed } from '../../../lib/customer-feed.ts';
import { insightKeys } from './insight-keys.ts';

const WINDOW_MS = 62 * 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function lastBillQuery(api: ApiClient, espiBaseUrl: string) {
  return queryOptions({
    queryKey: insightKeys.lastBill(),
    queryFn: async ({ signal }): Promise<Statement | null> => {
      const now = Date.now();
      const url = new URL(`${espiBaseUrl}/Statement`);
      url.searchParams.set('published-min', iso(now - WINDOW_MS));
      url.searchParams.set('published-max', iso(now));
      const pages = await readFeed(api, url.href, signal);
      const bills = pages.flatMap((page) => page.statements);
      return bills.reduce<Statement | null>(
        (latest, bill) => (latest === null || bill.issueDateTime > latest.issueDateTime ? bill : latest),
        null,
      );
    },
    staleTime: 30 * 60_000,
  });
}
