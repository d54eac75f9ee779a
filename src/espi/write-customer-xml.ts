/**
 * The content of a customer (PII) entry as `customer.xsd` wants it: the resource element in the customer
 * namespace, declared on the element itself (`<Customer xmlns="http://naesb.org/espi/customer">`), so a feed
 * of usage data never declares it and the two kinds are never mixed by accident (customer.xsd: PII "cannot
 * be retrieved in the same message as non-PII ESPI data"). write-xml.ts wraps it in the Atom entry.
 *
 * Children follow the schema's `xs:sequence`, inherited parts first (Object `extension`, IdentifiedObject
 * `name`, then Document, Asset, Location or OrganisationRole fields, then the resource's own).
 */
import {
  CUSTOMER_NS,
  PORTAL_EXTENSION_NS,
  type CustomerEntry,
  type CustomerStatus,
  type EndDevice,
  type Meter,
  type Organisation,
  type StreetAddress,
} from './customer-model.ts';
import type { DateTimeInterval } from './model.ts';
import { escapeXml, int, limit } from './xml-text.ts';

type Out = string[];

function el(out: Out, name: string, value: string | number | boolean | undefined): void {
  if (value === undefined) return;
  const text =
    typeof value === 'number' ? int(value) : typeof value === 'boolean' ? String(value) : limit(value, 256);
  out.push(`<${name}>${escapeXml(text)}</${name}>`);
}

function status(out: Out, name: string, s: CustomerStatus | undefined): void {
  if (!s) return;
  out.push(`<${name}>`);
  el(out, 'value', s.value);
  el(out, 'dateTime', s.dateTime);
  out.push(`</${name}>`);
}

function interval(out: Out, name: string, value: DateTimeInterval | undefined): void {
  if (!value) return;
  out.push(`<${name}>`);
  el(out, 'duration', Math.max(0, value.duration));
  el(out, 'start', value.start);
  out.push(`</${name}>`);
}

function streetAddress(out: Out, name: string, a: StreetAddress | undefined): void {
  if (!a) return;
  out.push(`<${name}><streetDetail>`);
  el(out, 'addressGeneral', a.street);
  out.push('</streetDetail><townDetail>');
  el(out, 'name', a.town);
  el(out, 'stateOrProvince', a.stateOrProvince);
  el(out, 'country', a.country);
  out.push('</townDetail>');
  el(out, 'postalCode', a.postalCode);
  out.push(`</${name}>`);
}

function organisation(out: Out, name: string, o: Organisation): void {
  out.push(`<${name}>`);
  streetAddress(out, 'streetAddress', o.streetAddress);
  if (o.phone) {
    out.push('<phone1>');
    el(out, 'areaCode', o.phone.areaCode);
    el(out, 'localNumber', o.phone.localNumber);
    out.push('</phone1>');
  }
  if (o.email !== undefined || o.web !== undefined) {
    out.push('<electronicAddress>');
    el(out, 'email1', o.email);
    el(out, 'web', o.web);
    out.push('</electronicAddress>');
  }
  el(out, 'organisationName', o.name);
  out.push(`</${name}>`);
}

/** Asset fields, then EndDevice's own: the shared part of EndDevice and Meter. */
function endDeviceFields(out: Out, d: EndDevice): void {
  el(out, 'type', d.type);
  el(out, 'serialNumber', d.serialNumber);
  if (d.installationDate !== undefined) {
    out.push('<lifecycle>');
    el(out, 'installationDate', d.installationDate);
    out.push('</lifecycle>');
  }
  status(out, 'status', d.status);
  el(out, 'isVirtual', d.isVirtual);
  el(out, 'isPan', d.isPan);
  el(out, 'amrSystem', d.amrSystem);
}

function meterFields(out: Out, m: Meter): void {
  endDeviceFields(out, m);
  el(out, 'formNumber', m.formNumber);
  el(out, 'intervalLength', m.intervalLength);
}

/** `<Name xmlns="…customer">…</Name>` for one customer resource. */
export function customerContent(out: Out, entry: CustomerEntry): void {
  out.push(`<${entry.kind} xmlns="${CUSTOMER_NS}">`);
  switch (entry.kind) {
    case 'Customer': {
      const c = entry.resource;
      organisation(out, 'Organisation', c.organisation);
      el(out, 'kind', c.kind);
      status(out, 'status', c.status);
      el(out, 'locale', c.locale);
      el(out, 'customerName', c.customerName);
      break;
    }
    case 'CustomerAccount': {
      const a = entry.resource;
      el(out, 'createdDateTime', a.createdDateTime);
      el(out, 'title', a.title);
      el(out, 'billingCycle', a.billingCycle);
      el(out, 'budgetBill', a.budgetBill);
      el(out, 'lastBillAmount', a.lastBillAmount);
      if (a.contactInfo) organisation(out, 'contactInfo', a.contactInfo);
      el(out, 'accountId', a.accountId);
      break;
    }
    case 'CustomerAgreement': {
      const a = entry.resource;
      el(out, 'title', a.title);
      el(out, 'signDate', a.signDate);
      interval(out, 'validityInterval', a.validityInterval);
      el(out, 'isPrePay', a.isPrePay);
      for (const uri of a.pricingStructures) el(out, 'PricingStructures', uri);
      el(out, 'currency', a.currency);
      el(out, 'agreementId', a.agreementId);
      break;
    }
    case 'ServiceLocation': {
      const l = entry.resource;
      el(out, 'type', l.type);
      streetAddress(out, 'mainAddress', l.mainAddress);
      status(out, 'status', l.status);
      el(out, 'accessMethod', l.accessMethod);
      el(out, 'needsInspection', l.needsInspection);
      if (l.usagePointHrefs.length > 0) {
        out.push('<UsagePoints>');
        for (const href of l.usagePointHrefs) out.push(`<UsagePoint>${escapeXml(href)}</UsagePoint>`);
        out.push('</UsagePoints>');
      }
      break;
    }
    case 'ServiceSupplier': {
      const s = entry.resource;
      organisation(out, 'Organisation', s.organisation);
      el(out, 'kind', s.kind);
      el(out, 'issuerIdentificationNumber', s.issuerIdentificationNumber);
      el(out, 'effectiveDate', s.effectiveDate);
      break;
    }
    case 'Meter':
      meterFields(out, entry.resource);
      break;
    case 'EndDevice':
      endDeviceFields(out, entry.resource);
      break;
    case 'Statement': {
      const s = entry.resource;
      // The amount has no element in customer.xsd; Object's `extension` (xs:anyType, validated laxly) is
      // the schema's place for it, in a namespace of this custodian's own (docs/espi.md 2.2).
      if (s.amount !== undefined) {
        out.push(`<extension><bill xmlns="${PORTAL_EXTENSION_NS}">`);
        el(out, 'amount', s.amount);
        el(out, 'currency', 840);
        interval(out, 'billingPeriod', s.billingPeriod);
        out.push('</bill></extension>');
      }
      el(out, 'name', s.name);
      el(out, 'issueDateTime', s.issueDateTime);
      break;
    }
    case 'ProgramDateIdMappings': {
      const p = entry.resource;
      out.push('<programDateIdMapping>');
      el(out, 'programDateType', p.programDateType);
      el(out, 'code', limit(p.code, 64));
      el(out, 'name', p.name);
      el(out, 'note', p.note);
      out.push('</programDateIdMapping>');
      break;
    }
  }
  out.push(`</${entry.kind}>`);
}
