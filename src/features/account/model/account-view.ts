/**
 * The customer's accounts and bills as the page shows them, from the retail-customer resources the custodian
 * publishes (customer.xsd): each CustomerAccount tied to its ServiceLocation by the account's related link,
 * each Statement to its account by the statement's. Links are compared as resolved hrefs; an account whose
 * location is not linked (another custodian may not link it) is shown without an address rather than guessed.
 */
import type { CustomerAccount, ServiceLocation, Statement, StreetAddress } from '../../../espi/index.ts';

export interface AccountView {
  /** The account's self href: what its bills link to. */
  href: string;
  accountNumber: string;
  /** The site the account serves (the account's `title`). */
  site?: string;
  address?: string;
  /** Ids of the usage points served at the account's location (the last segment of each href). */
  usagePointIds: string[];
  /** The latest bill, hundred-thousandths of the currency. */
  lastBill?: number;
}

export interface BillView {
  href: string;
  name?: string;
  /** Epoch seconds; NaN when the custodian gave no issue date. */
  issued: number;
  /** Epoch seconds, end exclusive. */
  period?: { start: number; end: number };
  /** Hundred-thousandths of the currency; absent when the custodian publishes no amount. */
  amount?: number;
  account?: AccountView;
}

export function addressText(a: StreetAddress): string {
  const region = [a.stateOrProvince, a.postalCode].filter(Boolean).join(' ');
  return [a.street, a.town, region].filter(Boolean).join(', ');
}

const lastSegment = (href: string) => href.split('/').pop() ?? href;

export function accountViews(
  accounts: readonly CustomerAccount[],
  locations: readonly ServiceLocation[],
): AccountView[] {
  const locationByHref = new Map(locations.map((l) => [l.meta.selfHref, l]));
  return accounts.map((account) => {
    const location = account.meta.relatedHrefs
      .map((href) => locationByHref.get(href))
      .find((l) => l !== undefined);
    const address = location ? addressText(location.mainAddress) : '';
    return {
      href: account.meta.selfHref ?? account.accountId,
      accountNumber: account.accountId,
      ...(account.title ? { site: account.title } : {}),
      ...(address ? { address } : {}),
      usagePointIds: location?.usagePointHrefs.map(lastSegment) ?? [],
      ...(account.lastBillAmount !== undefined ? { lastBill: account.lastBillAmount } : {}),
    };
  });
}

/** Bills newest first, then by site; each with its account where the statement links to one. */
export function billViews(statements: readonly Statement[], accounts: readonly AccountView[]): BillView[] {
  const accountByHref = new Map(accounts.map((a) => [a.href, a]));
  return statements
    .map((s): BillView => {
      const account = s.meta.relatedHrefs.map((href) => accountByHref.get(href)).find(Boolean);
      return {
        href: s.meta.selfHref ?? '',
        ...(s.name ? { name: s.name } : {}),
        issued: s.issueDateTime,
        ...(s.billingPeriod
          ? {
              period: { start: s.billingPeriod.start, end: s.billingPeriod.start + s.billingPeriod.duration },
            }
          : {}),
        ...(s.amount !== undefined ? { amount: s.amount } : {}),
        ...(account ? { account } : {}),
      };
    })
    .sort(
      (a, b) =>
        (b.issued || 0) - (a.issued || 0) || (a.account?.site ?? '').localeCompare(b.account?.site ?? ''),
    );
}

/** Hundred-thousandths of a currency unit in a cent: ESPI amounts are finer than a bill is charged. */
const CENT = 1000;

/**
 * The sum of the bills that carry an amount, and how many do not. Each bill counts as charged, to the
 * cent, so the total is the sum of the amounts shown (the raw sum can differ from it by a cent).
 */
export function billTotal(bills: readonly BillView[]): { amount: number; withoutAmount: number } {
  let amount = 0;
  let withoutAmount = 0;
  for (const bill of bills) {
    if (bill.amount === undefined) withoutAmount++;
    else amount += Math.round(bill.amount / CENT) * CENT;
  }
  return { amount, withoutAmount };
}

/**
 * How far back the page lists bills. A household's year of bills is one small feed; a cooperative's
 * 64 accounts bill 768 times a year, so it starts with the latest round (a month holds one monthly
 * bill of every account) and asks before loading more.
 */
export const BILL_WINDOWS = {
  latest: { days: 31, label: 'Issued in the last month' },
  quarter: { days: 92, label: 'Issued in the last 3 months' },
  year: { days: 366, label: 'Issued in the last 12 months' },
} as const;
export type BillWindow = keyof typeof BILL_WINDOWS;

export const MANY_ACCOUNTS = 4;

export function defaultBillWindow(accountCount: number): BillWindow {
  return accountCount > MANY_ACCOUNTS ? 'latest' : 'year';
}

export function isBillWindow(value: string | null): value is BillWindow {
  return value !== null && Object.hasOwn(BILL_WINDOWS, value);
}
