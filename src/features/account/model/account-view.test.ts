import { describe, expect, it } from 'vitest';
import type { CustomerAccount, ServiceLocation, Statement } from '../../../espi/index.ts';
import { accountViews, billTotal, billViews, defaultBillWindow } from './account-view.ts';

const R = 'https://dc.example/espi/1_1/resource';
const location = (id: string, street: string, ups: string[]): ServiceLocation => ({
  meta: { selfHref: `${R}/ServiceLocation/${id}`, relatedHrefs: [] },
  mainAddress: { street, town: 'Sacramento', stateOrProvince: 'CA', postalCode: '95818' },
  usagePointHrefs: ups.map((up) => `${R}/UsagePoint/${up}`),
});
const account = (id: string, related: string[], lastBillAmount?: number): CustomerAccount => ({
  meta: { selfHref: `${R}/CustomerAccount/${id}`, relatedHrefs: related.map((r) => `${R}/${r}`) },
  title: `Site ${id}`,
  accountId: id,
  ...(lastBillAmount !== undefined ? { lastBillAmount } : {}),
});
const statement = (id: string, accountId: string, issued: number, amount?: number): Statement => ({
  meta: { selfHref: `${R}/Statement/${id}`, relatedHrefs: [`${R}/CustomerAccount/${accountId}`] },
  issueDateTime: issued,
  billingPeriod: { start: issued - 35 * 86_400, duration: 30 * 86_400 },
  ...(amount !== undefined ? { amount } : {}),
});

describe('accountViews', () => {
  it('ties each account to the location it links to, and leaves an unlinked one without an address', () => {
    const views = accountViews(
      [account('a1', ['CustomerAgreement/g1', 'ServiceLocation/l1'], 9_000_000), account('a2', [])],
      [location('l1', '1427 Alder Lane', ['up-e', 'up-g'])],
    );
    expect(views[0]).toMatchObject({
      accountNumber: 'a1',
      address: '1427 Alder Lane, Sacramento, CA 95818',
      usagePointIds: ['up-e', 'up-g'],
      lastBill: 9_000_000,
    });
    expect(views[1]).toEqual({
      href: `${R}/CustomerAccount/a2`,
      accountNumber: 'a2',
      site: 'Site a2',
      usagePointIds: [],
    });
  });
});

describe('billViews and billTotal', () => {
  const accounts = accountViews([account('a1', []), account('a2', [])], []);
  it('lists bills newest first, then by site, each with its account', () => {
    const bills = billViews(
      [
        statement('s1', 'a2', 100),
        statement('s2', 'a1', 200),
        statement('s3', 'a1', 100),
        statement('s4', 'zz', 50),
      ],
      accounts,
    );
    expect(bills.map((b) => [b.href.split('/').pop(), b.account?.accountNumber])).toEqual([
      ['s2', 'a1'],
      ['s3', 'a1'],
      ['s1', 'a2'],
      ['s4', undefined],
    ]);
    expect(bills[0]?.period).toEqual({ start: 200 - 35 * 86_400, end: 200 - 5 * 86_400 });
  });

  it('totals the bills with an amount and counts those without', () => {
    const bills = billViews(
      [statement('s1', 'a1', 1, 1_234_000), statement('s2', 'a1', 2, 100_000), statement('s3', 'a1', 3)],
      accounts,
    );
    expect(billTotal(bills)).toEqual({ amount: 1_334_000, withoutAmount: 1 });
  });

  it('adds bills as charged, to the cent, so the total is the sum of the amounts shown', () => {
    // $0.014 + $0.014 shows as $0.01 + $0.01: the total is $0.02, not the raw $0.028 shown as $0.03.
    const bills = billViews([statement('s1', 'a1', 1, 1_400), statement('s2', 'a1', 2, 1_400)], accounts);
    expect(billTotal(bills).amount).toBe(2_000);
  });
});

describe('defaultBillWindow', () => {
  it('shows a household its year and a many-account customer the latest round', () => {
    expect(defaultBillWindow(1)).toBe('year');
    expect(defaultBillWindow(4)).toBe('year');
    expect(defaultBillWindow(64)).toBe('latest');
  });
});
