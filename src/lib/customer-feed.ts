/**
 * A feed of the custodian's retail-customer resources (ESPI 4.0 customer.xsd: CustomerAccount,
 * ServiceLocation, Statement) read with the portal's own token, every `rel="next"` page followed, bounded
 * so a custodian that links a page to itself cannot keep the page loading. The feeds are small (an account
 * is a few hundred bytes), so they are read on the main thread. Accounts and bills, and the home page's
 * last bill, read them.
 */
import { readCustomerDocument, type CustomerDocument } from '../espi/index.ts';
import type { ApiClient } from './api-client.ts';

const MAX_PAGES = 50;
/**
 * A custodian works out an account's bill from its meters' intervals: for a customer with 64 sites and
 * 1,280 meters that takes the mock custodian in the page many seconds, past the client's usual 30 s on a
 * slow device, so these reads wait longer (the page shows it is loading meanwhile).
 */
const FEED_TIMEOUT_MS = 120_000;

export async function readFeed(
  client: ApiClient,
  url: string,
  signal: AbortSignal,
): Promise<CustomerDocument[]> {
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
