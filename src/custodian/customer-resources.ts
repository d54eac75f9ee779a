/**
 * `B/espi/1_1/resource/{Customer|CustomerAccount|…}[/{id}]`: the retail-customer (PII) resources of ESPI
 * 4.0, collection and member, read with a customer-data token (docs/espi.md 1.7). The customer's own token
 * reads all of their records; a third party's needs function block 50 (resource-level REST for retail
 * customer data) and the data block of the resource, and sees only the sites of the usage points it was
 * authorized for. A client token is refused (403) and another customer's id is simply not there (404).
 */
import { type CustomerResourceName, writeEntry } from '../espi/index.ts';
import { customerRecords } from './customer-records.ts';
import { findCustomer } from './directory.ts';
import { atom, customerScope, filtered, forbidden, reachable, type EspiRequest } from './espi-request.ts';
import { feedResponse } from './feed-stream.ts';
import { notFound } from './http-util.ts';

/** Function block 50 is resource-level REST for retail-customer data; each resource needs its data block too. */
const RESOURCE_LEVEL_PII = 50;
const DATA_BLOCK: Readonly<Record<CustomerResourceName, number>> = {
  Customer: 51,
  ProgramDateIdMappings: 51,
  CustomerAccount: 56,
  CustomerAgreement: 56,
  Statement: 56,
  ServiceLocation: 58,
  ServiceSupplier: 59,
  Meter: 60,
  EndDevice: 61,
};

export function customerResources(
  r: EspiRequest,
  name: CustomerResourceName,
  id: string | undefined,
  depth: number,
): Response {
  const s = customerScope(r);
  if (s instanceof Response) return s;
  if (depth > 2) return notFound(`${name} has no sub-resources.`);
  const { authorization } = r.caller;
  if (authorization.kind === 'third-party') {
    const missing = [RESOURCE_LEVEL_PII, DATA_BLOCK[name]].filter((fb) => !s.limits.functionBlocks.has(fb));
    if (missing.length > 0) {
      return forbidden(
        `${name} is retail-customer data: this scope lacks function block ${missing.join(' and ')} (docs/espi.md 1.7).`,
      );
    }
  }
  const customer = findCustomer(authorization.customerId);
  const records = customer
    ? customerRecords(r.ctx, customer, reachable(r, s), r.at).filter((record) => record.name === name)
    : [];
  if (id === undefined) {
    const descriptors = records.map((record) => record.descriptor);
    return feedResponse(r.url, name, filtered(descriptors, r.query), r.query, r.at);
  }
  const record = records.find((candidate) => candidate.id === id);
  return record
    ? atom(writeEntry(record.descriptor.build()))
    : notFound(`No ${name} ${id} for this authorization.`);
}
