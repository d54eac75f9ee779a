import { describe, expect, it } from 'vitest';
import { readCustomerDocument } from './customer.ts';

const entry = (content: string, links = '') =>
  `<entry><id>urn:uuid:1</id>${links}<content>${content}</content></entry>`;
const feed = (entries: string, links = '') =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:f</id>${links}${entries}</feed>`;
const NS = 'xmlns="http://naesb.org/espi/customer"';

describe('readCustomerDocument', () => {
  it('resolves relative links against the feed and keeps the next page', () => {
    const doc = readCustomerDocument(
      feed(
        entry(
          `<Statement ${NS}><name>Bill for May 2025</name><issueDateTime>1748761200</issueDateTime></Statement>`,
          '<link rel="self" href="Statement/s1"/><link rel="related" href="CustomerAccount/a1"/>',
        ),
        '<link rel="self" href="https://dc.example/espi/1_1/resource/Statement"/><link rel="next" href="Statement?start-index=2"/>',
      ),
      { baseUrl: 'https://dc.example/espi/1_1/resource/Statement' },
    );
    const [bill] = doc.statements;
    expect(bill?.meta.selfHref).toBe('https://dc.example/espi/1_1/resource/Statement/s1');
    expect(bill?.meta.relatedHrefs).toEqual(['https://dc.example/espi/1_1/resource/CustomerAccount/a1']);
    expect(doc.next).toBe('https://dc.example/espi/1_1/resource/Statement?start-index=2');
    // No amount in customer.xsd and no extension this reader knows: none is invented.
    expect(bill?.amount).toBeUndefined();
    expect(bill?.issueDateTime).toBe(1748761200);
  });

  it('reads an amount only from the extension in the namespace it knows', () => {
    const bill = (ns: string) =>
      readCustomerDocument(
        feed(
          entry(
            `<Statement ${NS}><extension><bill xmlns="${ns}"><amount>1234500000</amount><billingPeriod><duration>2678400</duration><start>1746082800</start></billingPeriod></bill></extension><issueDateTime>1748761200</issueDateTime></Statement>`,
          ),
        ),
      ).statements[0];
    expect(bill('urn:green-button-portal:customer-extension')).toMatchObject({
      amount: 1234500000,
      billingPeriod: { start: 1746082800, duration: 2678400 },
    });
    expect(bill('urn:another-utility:billing')?.amount).toBeUndefined();
  });

  it('reads the service address and its usage points, and says what it does not read', () => {
    const doc = readCustomerDocument(
      feed(
        entry(
          `<ServiceLocation ${NS}><type>residential premises</type><mainAddress><streetDetail><addressGeneral>1 Elm St</addressGeneral></streetDetail><townDetail><name>Salem</name><stateOrProvince>MA</stateOrProvince></townDetail><postalCode>01970</postalCode></mainAddress><UsagePoints><UsagePoint>https://dc.example/UsagePoint/u1</UsagePoint></UsagePoints></ServiceLocation>`,
        ) +
          entry(`<CustomerAccount ${NS}><title>Home</title></CustomerAccount>`) +
          entry(`<Meter ${NS}><serialNumber>M1</serialNumber></Meter>`),
      ),
    );
    expect(doc.serviceLocations[0]?.mainAddress).toEqual({
      street: '1 Elm St',
      town: 'Salem',
      stateOrProvince: 'MA',
      postalCode: '01970',
    });
    expect(doc.serviceLocations[0]?.usagePointHrefs).toEqual(['https://dc.example/UsagePoint/u1']);
    expect(doc.accounts[0]).toMatchObject({ title: 'Home', accountId: '' });
    expect(doc.warnings.map((w) => w.code)).toEqual(['missing-field', 'unsupported-resource']);
  });

  it('refuses what is not XML with the reader’s own error', () => {
    expect(() => readCustomerDocument('<feed')).toThrow();
  });
});
