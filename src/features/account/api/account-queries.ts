/**
 * The customer's accounts and bills, read from the custodian's retail-customer resources (ESPI 4.0
 * customer.xsd: `CustomerAccount`, `ServiceLocation`, `Statement`) with the portal's own token. The feeds
 * are small (an account is a few hundred bytes), so they are read on the main thread; each follows its
 * `rel="next"` pages, bounded so a custodian that links a page to itself cannot keep the page loading.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  type CustomerDocument,
  type EpochMillis,
  isoSeconds,
  readCustomerDocument,
  secondsOf,
  type Statement,
} from '../../../espi/index.ts';
import type { ApiClient } from '../../../lib/api-client.ts';
import { accountViews, BILL_WINDOWS, type AccountView, type BillWindow } from '../model/account-view.ts';

const MAX_PAGES = 50;
/**
 * A custodian works out an account's bill from its meters' intervals: for a customer with 64 sites and
 * 1,280 meters that takes the mock custodian in the page many seconds, past the client's usual 30 s on a
 * slow device, so these reads wait longer (the page shows it is loading meanwhile).
 */
const FEED_TIMEOUT_MS = 120_000;
const DAY_MS = 86_400_000;

export const accountKeys = {
  all: ['account'] as const,
  accounts: () => [...accountKeys.all, 'accounts'] as const,
  bills: (window: BillWindow) => [...accountKeys.all, 'bills', window] as const,
};

async function readFeed(client: ApiClient, url: string, signal: AbortSignal): Promise<CustomerDocument[]> {
  const pages: CustomerDocument[] = [];
  const seen = new Set<string>();
  for (let next: string | undefined = url; next !== undefined && !seen.has(next);) {
    if (pages.length === MAX_PAGES) {
      throw new Error(
        `The utility's list at ${url} runs past ${MAX_PAGES} pages; the portal stopped reading it.`,
      );
    }
    seen.add(next);
    const xml = await client.getText(next, {
      signal,
      headers: { Accept: 'application/atom+xml' },
      timeoutMs: FEED_TIMEOUT_MS,
    });
    const page: CustomerDocument = readCustomerDocument(xml, { baseUrl: next });
    pages.push(page);
    next = page.next;
  }
  return pages;
}

export function accountsQuery(client: ApiClient, espiBaseUrl: string) {
  return queryOptions({
    queryKey: accountKeys.accounts(),
    queryFn: async ({ signal }): Promise<AccountView[]> => {
      const [accounts, locations] = await Promise.all([
        readFeed(client, `${espiBaseUrl}/CustomerAccount`, signal),
        readFeed(client, `${espiBaseUrl}/ServiceLocation`, signal),
      ]);
      return accountViews(
        accounts.flatMap((page) => page.accounts),
        locations.flatMap((page) => page.serviceLocations),
      );
    },
    // Accounts and addresses change rarely; a new bill a month.
    staleTime: 30 * 60_000,
  });
}

/** Bills issued within `window` before `nowMs` (the feed's published time is the issue time). */
export function billsQuery(client: ApiClient, espiBaseUrl: string, window: BillWindow, nowMs: EpochMillis) {
  return queryOptions({
    queryKey: accountKeys.bills(window),
    queryFn: async ({ signal }): Promise<Statement[]> => {
      const url = new URL(`${espiBaseUrl}/Statement`);
      url.searchParams.set(
        'published-min',
        isoSeconds(secondsOf(nowMs - BILL_WINDOWS[window].days * DAY_MS)),
      );
      url.searchParams.set('published-max', isoSeconds(secondsOf(nowMs)));
      const pages = await readFeed(client, url.href, signal);
      return pages.flatMap((page) => page.statements);
    },
    staleTime: 30 * 60_000,
  });
}
