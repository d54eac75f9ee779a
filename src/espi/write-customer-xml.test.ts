import { describe, expect, it } from 'vitest';
import type { CustomerEntry } from './customer-model.ts';
import { writeEntry, writeFeed } from './write-xml.ts';
import { schemaErrors } from '../testing/test-data.ts';

const R = 'https://dc.example/espi/1_1/resource';
const meta = (path: string) => ({
  selfHref: `${R}/${path}`,
  published: '2025-01-01T00:00:00Z',
  updated: '2025-01-01T00:00:00Z',
  relatedHrefs: [],
});
const address = {
  street: '1427 Alder Lane',
  town: 'Sacramento',
  stateOrProvince: 'CA',
  postalCode: '95818',
  country: 'US',
};
const organisation = {
  name: 'Maya Okafor',
  streetAddress: address,
  phone: { areaCode: '916', localNumber: '555-0142' },
  email: 'maya@example.com',
};

/** One of each customer resource, every modelled field set. */
const ENTRIES: CustomerEntry[] = [
  {
    kind: 'Customer',
    resource: {
      meta: meta('Customer/1'),
      organisation,
      kind: 'residential',
      status: { value: 'active', dateTime: 1_600_000_000 },
      locale: 'en-US',
      customerName: 'Maya Okafor',
    },
  },
  {
    kind: 'CustomerAccount',
    resource: {
      meta: meta('CustomerAccount/1'),
      title: 'Residential account',
      createdDateTime: 1_600_000_000,
      billingCycle: 'monthly',
      budgetBill: 'none',
      lastBillAmount: 11_456_000,
      contactInfo: organisation,
      accountId: '4471-902-001',
    },
  },
  {
    kind: 'CustomerAgreement',
    resource: {
      meta: meta('CustomerAgreement/1'),
      title: 'Residential time-of-use',
      signDate: 1_600_000_000,
      validityInterval: { start: 1_600_000_000, duration: 0 },
      isPrePay: false,
      pricingStructures: ['https://dc.example/tariffs/E-TOU-C'],
      currency: 840,
      agreementId: 'SA-1',
    },
  },
  {
    kind: 'ServiceLocation',
    resource: {
      meta: meta('ServiceLocation/1'),
      type: 'residential premises',
      mainAddress: address,
      status: { value: 'energized' },
      accessMethod: 'side gate',
      needsInspection: false,
      usagePointHrefs: [`${R}/UsagePoint/1`, `${R}/UsagePoint/2`],
    },
  },
  {
    kind: 'ServiceSupplier',
    resource: {
      meta: meta('ServiceSupplier/1'),
      organisation: { name: 'Green Button Power & Light', web: 'https://utility.example' },
      kind: 'utility',
      issuerIdentificationNumber: '007',
      effectiveDate: 1_500_000_000,
    },
  },
  {
    kind: 'Meter',
    resource: {
      meta: meta('Meter/1'),
      type: 'electricity meter',
      serialNumber: 'E-4471902',
      installationDate: 1_500_000_000,
      status: { value: 'in service' },
      isVirtual: false,
      isPan: false,
      amrSystem: 'AMI mesh',
      formNumber: '2S',
      intervalLength: 900,
    },
  },
  {
    kind: 'EndDevice',
    resource: { meta: meta('EndDevice/1'), type: 'home area network gateway', isPan: true },
  },
  {
    kind: 'Statement',
    resource: {
      meta: meta('Statement/1'),
      name: 'Bill for May 2025',
      issueDateTime: 1_749_000_000,
      amount: 11_456_000,
      billingPeriod: { start: 1_746_000_000, duration: 2_678_400 },
    },
  },
  {
    kind: 'ProgramDateIdMappings',
    resource: {
      meta: meta('ProgramDateIdMappings/1'),
      programDateType: 'CUST_DR_PROGRAM_ENROLLMENT_DATE',
      code: 'DR-1',
      name: 'Summer peak rewards',
    },
  },
];

describe('customer (PII) resources as customer.xsd wants them', () => {
  it('writes each one as an entry and in a feed that validate', () => {
    for (const entry of ENTRIES) {
      const xml = writeEntry(entry);
      expect(schemaErrors(xml), entry.kind).toBe('');
      expect(xml).toContain(`<${entry.kind} xmlns="http://naesb.org/espi/customer">`);
      expect(xml).toContain(`type="cust-entry/${entry.kind}"`);
      expect(xml).toContain(`type="cust-feed/${entry.kind}"`);
    }
    const feed = writeFeed(
      { title: 'Customer data', selfHref: `${R}/Customer`, updated: '2025-01-01T00:00:00Z' },
      ENTRIES,
    );
    expect(schemaErrors(feed)).toBe('');
  });

  it('fails the schema when an element is out of order, so the test above can fail', () => {
    const xml = writeEntry(ENTRIES[0] as CustomerEntry)
      .replace('<customerName>Maya Okafor</customerName>', '')
      .replace(
        '<kind>residential</kind>',
        '<customerName>Maya Okafor</customerName><kind>residential</kind>',
      );
    expect(schemaErrors(xml)).toMatch(/kind': This element is not expected/);
  });

  it('validates against customer.xsd alone and not against espi.xsd alone: PII is never mixed with usage data', () => {
    const xml = writeEntry(ENTRIES[0] as CustomerEntry);
    expect(schemaErrors(xml, 'customer.xsd')).toBe('');
    expect(schemaErrors(xml, 'espi.xsd')).toMatch(/No matching global element declaration/);
  });

  it('keeps a Statement’s amount in the schema’s extension point, in the custodian’s namespace', () => {
    const xml = writeEntry(ENTRIES[7] as CustomerEntry);
    expect(xml).toContain(
      '<extension><bill xmlns="urn:green-button-portal:customer-extension"><amount>11456000</amount>',
    );
  });

  it('escapes text from the directory', () => {
    const xml = writeEntry({
      kind: 'Customer',
      resource: {
        meta: meta('Customer/2'),
        organisation: { name: '<b>&' },
        kind: 'residential',
        customerName: '<b>&',
      },
    });
    expect(xml).toContain('<customerName>&lt;b&gt;&amp;</customerName>');
    expect(schemaErrors(xml)).toBe('');
  });
});
