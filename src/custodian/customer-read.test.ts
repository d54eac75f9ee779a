/**
 * The customer reader (src/espi/read/customer.ts) against what the custodian serves the portal: a
 * household's account, service address and bills, and a month of the grocery cooperative's 64 accounts'
 * bills through the feed's pages, each bill tied to its account and each account to its address and meters.
 */
import { describe, expect, it } from 'vitest';
import { type CustomerDocument, readCustomerDocument } from '../espi/index.ts';
import { NODE_BASE_URL as B } from './node.ts';
import { bearer, codeFlow } from '../testing/custodian-client.ts';
import { PORTAL, startClockedCustodian } from '../testing/node-custodian.ts';

startClockedCustodian();
const R = `${B}/espi/1_1/resource`;

async function read(url: string, token: string): Promise<CustomerDocument> {
  const response = await fetch(url, { headers: bearer(token) });
  expect(response.status, url).toBe(200);
  return readCustomerDocument(await response.text(), { baseUrl: url });
}

/** Every page of a feed, as the portal walks it. */
async function readAll(url: string, token: string): Promise<CustomerDocument[]> {
  const pages: CustomerDocument[] = [];
  for (let next: string | undefined = url; next; next = pages.at(-1)?.next)
    pages.push(await read(next, token));
  return pages;
}

describe('the customer reader on the custodian’s feeds', () => {
  it('reads the household’s account, its service address and meters, and twelve bills tied to the account', async () => {
    const { access_token: token } = await codeFlow(B, { ...PORTAL, username: 'household' });
    const [accounts, locations, statements] = await Promise.all(
      ['CustomerAccount', 'ServiceLocation', 'Statement'].map((name) => read(`${R}/${name}`, token)),
    );
    expect(accounts?.accounts.map((a) => a.accountId)).toEqual(['1001-01']);
    const account = accounts?.accounts[0];
    const location = locations?.serviceLocations[0];
    expect(location?.mainAddress).toMatchObject({
      street: '1427 Alder Lane',
      town: 'Sacramento',
      postalCode: '95818',
    });
    expect(location?.usagePointHrefs.map((href) => href.split('/').pop())).toEqual([
      'up-1001-e',
      'up-1001-g',
    ]);
    // The account names its service location: the link the portal follows to the address.
    expect(account?.meta.relatedHrefs).toContain(location?.meta.selfHref);

    const bills = statements?.statements ?? [];
    expect(bills).toHaveLength(12);
    expect(statements?.warnings).toEqual([]);
    for (const bill of bills) {
      expect(bill.meta.relatedHrefs).toEqual([account?.meta.selfHref]);
      expect(bill.amount).toBeGreaterThan(0);
      // Issued five days after the period ends.
      const period = bill.billingPeriod;
      expect(bill.issueDateTime - ((period?.start ?? 0) + (period?.duration ?? 0))).toBe(5 * 86_400);
    }
    // The account's last bill is the latest Statement's amount.
    const latest = bills.reduce((a, b) => (b.issueDateTime > a.issueDateTime ? b : a));
    expect(account?.lastBillAmount).toBe(latest.amount);
    expect(latest.name).toBe('Bill for May 2025');
  });

  it('walks a month of the cooperative’s bills page by page: one for each of its 64 accounts and addresses', async () => {
    const { access_token: token } = await codeFlow(B, { ...PORTAL, username: 'commercial' });
    // The month before the test's clock (2025-06-15): May's bills, issued on June 5.
    const window = 'published-min=2025-05-15T12:00:00Z&published-max=2025-06-15T12:00:00Z';
    const pages = await readAll(`${R}/Statement?${window}&max-results=20`, token);
    expect(pages).toHaveLength(4);
    const bills = pages.flatMap((page) => page.statements);
    expect(new Set(bills.map((bill) => bill.name))).toEqual(new Set(['Bill for May 2025']));
    const [accountPages, locationPages] = await Promise.all([
      readAll(`${R}/CustomerAccount`, token),
      readAll(`${R}/ServiceLocation`, token),
    ]);
    const accounts = accountPages.flatMap((page) => page.accounts);
    const locations = locationPages.flatMap((page) => page.serviceLocations);
    expect(accounts).toHaveLength(64);
    expect(new Set(locations.map((l) => l.mainAddress.street)).size).toBe(64);
    // Each account's bill, once; and each is the account's last bill.
    const billByAccount = new Map(bills.map((bill) => [bill.meta.relatedHrefs[0], bill]));
    expect(billByAccount.size).toBe(64);
    for (const account of accounts) {
      expect(billByAccount.get(account.meta.selfHref)?.amount).toBe(account.lastBillAmount);
    }
  }, 60_000);
});
