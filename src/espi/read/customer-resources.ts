/**
 * Readers for the retail-customer resources the portal shows (customer.xsd): the account, where service is
 * delivered, and the bills. Like the usage readers they match children by local name in any order and skip
 * what they do not model; the other customer resources are reported as not read.
 */
import {
  PORTAL_EXTENSION_NS,
  type CustomerAccount,
  type ServiceLocation,
  type Statement,
  type StreetAddress,
} from '../customer-model.ts';
import type { AtomMeta, DateTimeInterval } from '../model.ts';
import { here, type ReadContext } from './context.ts';
import { INT48, TIME } from './ranges.ts';
import { int, readFields, type FieldTable } from './resources.ts';
import { OPEN } from '../xml-scanner.ts';

export type ReadCustomerResource = 'CustomerAccount' | 'ServiceLocation' | 'Statement';

const accountFields: FieldTable = {
  createdDateTime: int('createdDateTime', TIME),
  title: ['title', 'text'],
  billingCycle: ['billingCycle', 'text'],
  budgetBill: ['budgetBill', 'text'],
  lastBillAmount: int('lastBillAmount', INT48),
  accountId: ['accountId', 'text'],
};

const billFields: FieldTable = {
  amount: int('amount', INT48),
  billingPeriod: ['billingPeriod', 'interval'],
};

export function readCustomerAccount(ctx: ReadContext, meta: AtomMeta): CustomerAccount {
  const account = readFields(ctx, { meta }, accountFields) as unknown as CustomerAccount;
  if (account.accountId === undefined) {
    ctx.log.add('missing-field', 'A CustomerAccount has no <accountId>.', here(ctx), false);
    account.accountId = '';
  }
  return account;
}

export function readServiceLocation(ctx: ReadContext, meta: AtomMeta): ServiceLocation {
  const { sc } = ctx;
  const location: ServiceLocation = {
    meta,
    mainAddress: { street: '', town: '', stateOrProvince: '', postalCode: '' },
    usagePointHrefs: [],
  };
  if (sc.selfClosing) return location;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('type')) location.type = sc.readText().trim();
    else if (sc.is('mainAddress')) location.mainAddress = readStreetAddress(ctx);
    else if (sc.is('UsagePoints')) {
      if (sc.selfClosing) continue;
      for (let u = sc.next(); u === OPEN; u = sc.next()) {
        const href = sc.is('UsagePoint') ? sc.readText().trim() : (sc.skip(), '');
        if (href) location.usagePointHrefs.push(href);
      }
    } else sc.skip();
  }
  return location;
}

/** customer.xsd StreetAddress: the street line, the town's name and state, the postal code. */
function readStreetAddress(ctx: ReadContext): StreetAddress {
  const { sc } = ctx;
  const address: StreetAddress = { street: '', town: '', stateOrProvince: '', postalCode: '' };
  if (sc.selfClosing) return address;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('streetDetail')) {
      const detail = readFields(ctx, {}, { addressGeneral: ['street', 'text'] }) as { street?: string };
      address.street = detail.street ?? '';
    } else if (sc.is('townDetail')) {
      const town = readFields(
        ctx,
        {},
        {
          name: ['town', 'text'],
          stateOrProvince: ['stateOrProvince', 'text'],
          country: ['country', 'text'],
        },
      ) as Partial<StreetAddress>;
      Object.assign(address, town);
    } else if (sc.is('postalCode')) address.postalCode = sc.readText().trim();
    else sc.skip();
  }
  return address;
}

/**
 * A bill. customer.xsd gives a Statement no amount; a custodian that publishes one puts it in the schema's
 * `extension`, and this reader knows the mock custodian's (`PORTAL_EXTENSION_NS`); any other extension is
 * skipped, so a bill from elsewhere shows its name and dates without an amount rather than a guess.
 */
export function readStatement(ctx: ReadContext, meta: AtomMeta): Statement {
  const { sc } = ctx;
  const statement: Statement = { meta, issueDateTime: Number.NaN };
  if (sc.selfClosing) return statement;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('name')) statement.name = sc.readText().trim();
    else if (sc.is('issueDateTime')) {
      const at = sc.tagStart;
      const issued = Number(sc.readText().trim());
      if (Number.isInteger(issued)) statement.issueDateTime = issued;
      else ctx.log.add('non-numeric', '<issueDateTime> is not a time; left out.', here(ctx, at), true);
    } else if (sc.is('extension')) readBillExtension(ctx, statement);
    else sc.skip();
  }
  return statement;
}

function readBillExtension(ctx: ReadContext, statement: Statement): void {
  const { sc } = ctx;
  if (sc.selfClosing) return;
  ctx.namespaces.enter(sc);
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('bill') && ctx.namespaces.namespaceOf(sc) === PORTAL_EXTENSION_NS) {
      const bill = readFields(ctx, {}, billFields) as { amount?: number; billingPeriod?: DateTimeInterval };
      if (bill.amount !== undefined) statement.amount = bill.amount;
      if (bill.billingPeriod) statement.billingPeriod = bill.billingPeriod;
    } else sc.skip();
  }
  ctx.namespaces.leave();
}
