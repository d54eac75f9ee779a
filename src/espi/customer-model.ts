/**
 * The retail-customer (PII) resources of ESPI 4.0 (`customer.xsd`, namespace `http://naesb.org/espi/customer`):
 * who the customer is, their accounts and agreements, where service is delivered, the meters, the supplier,
 * the bills (Statement) and program enrolments. Only the fields this project writes are modelled; the schema
 * has many more, all optional. Amounts are Int48 in hundred-thousandths of the currency, times are epoch
 * seconds, as everywhere in ESPI (docs/espi.md 2.1, 2.2).
 */
import type { AtomMeta, DateTimeInterval } from './model.ts';

export const CUSTOMER_NS = 'http://naesb.org/espi/customer';
/** The namespace of the custodian's own extension data inside customer.xsd `extension` elements. */
export const PORTAL_EXTENSION_NS = 'urn:green-button-portal:customer-extension';

export interface StreetAddress {
  /** `streetDetail/addressGeneral`: the street line as people write it. */
  street: string;
  town: string;
  stateOrProvince: string;
  postalCode: string;
  country?: string;
}

export interface TelephoneNumber {
  areaCode: string;
  localNumber: string;
}

export interface Organisation {
  name: string;
  streetAddress?: StreetAddress;
  phone?: TelephoneNumber;
  email?: string;
  web?: string;
}

/** customer.xsd `Status`: a value and when it took effect. */
export interface CustomerStatus {
  value: string;
  dateTime?: number;
}

export interface Customer {
  meta: AtomMeta;
  organisation: Organisation;
  /** CustomerKind: `residential`, `commercialIndustrial`, ... */
  kind: string;
  status?: CustomerStatus;
  locale?: string;
  customerName: string;
}

export interface CustomerAccount {
  meta: AtomMeta;
  /** Document `title`. */
  title?: string;
  createdDateTime?: number;
  billingCycle?: string;
  budgetBill?: string;
  lastBillAmount?: number;
  contactInfo?: Organisation;
  accountId: string;
}

export interface CustomerAgreement {
  meta: AtomMeta;
  title?: string;
  signDate?: number;
  validityInterval?: DateTimeInterval;
  isPrePay?: boolean;
  /** Tariff references (`PricingStructures`, anyURI). */
  pricingStructures: string[];
  /** ISO 4217 numeric, 840 USD. */
  currency?: number;
  agreementId: string;
}

export interface ServiceLocation {
  meta: AtomMeta;
  /** Location `type`, e.g. `residential premises`. */
  type?: string;
  mainAddress: StreetAddress;
  status?: CustomerStatus;
  accessMethod?: string;
  needsInspection?: boolean;
  /** The usage points served here, as their URLs (`UsagePoints/UsagePoint`, anyURI). */
  usagePointHrefs: string[];
}

export interface ServiceSupplier {
  meta: AtomMeta;
  organisation: Organisation;
  /** SupplierKind: `utility`, `retailer`, `other`, ... */
  kind: string;
  issuerIdentificationNumber?: string;
  effectiveDate?: number;
}

/** customer.xsd `EndDevice` (an Asset): what a Meter is, and other devices at the premises. */
export interface EndDevice {
  meta: AtomMeta;
  /** Asset `type`, e.g. `Home area network gateway`. */
  type?: string;
  serialNumber?: string;
  installationDate?: number;
  status?: CustomerStatus;
  isVirtual?: boolean;
  isPan?: boolean;
  amrSystem?: string;
}

export interface Meter extends EndDevice {
  formNumber?: string;
  /** Seconds between interval readings. */
  intervalLength?: number;
}

export interface Statement {
  meta: AtomMeta;
  /** IdentifiedObject `name`, e.g. `Bill for May 2025`. */
  name?: string;
  issueDateTime: number;
  /**
   * The amount billed, hundred-thousandths of USD. customer.xsd's Statement has no amount element: it is
   * written in the schema's own extension point (`extension`, xs:anyType), see write-customer-xml.ts.
   */
  amount?: number;
  billingPeriod?: DateTimeInterval;
}

export interface ProgramDateIdMappings {
  meta: AtomMeta;
  /** ProgramDateKind, e.g. `CUST_DR_PROGRAM_ENROLLMENT_DATE`. */
  programDateType: string;
  code: string;
  name: string;
  note?: string;
}

/** Each customer resource by its element name. */
export interface CustomerResources {
  Customer: Customer;
  CustomerAccount: CustomerAccount;
  CustomerAgreement: CustomerAgreement;
  ServiceLocation: ServiceLocation;
  ServiceSupplier: ServiceSupplier;
  Meter: Meter;
  EndDevice: EndDevice;
  Statement: Statement;
  ProgramDateIdMappings: ProgramDateIdMappings;
}

export type CustomerResourceName = keyof CustomerResources;

export const CUSTOMER_RESOURCE_NAMES: readonly CustomerResourceName[] = [
  'Customer',
  'CustomerAccount',
  'CustomerAgreement',
  'ServiceLocation',
  'ServiceSupplier',
  'Meter',
  'EndDevice',
  'Statement',
  'ProgramDateIdMappings',
];

/** A customer resource as an Atom entry's content. */
export type CustomerEntry = {
  [K in CustomerResourceName]: { kind: K; resource: CustomerResources[K] };
}[CustomerResourceName];
