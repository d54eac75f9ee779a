/**
 * The retail-customer (PII) records of the demo customers (customer.xsd), derived from the directory so they
 * agree with everything else the custodian publishes: one service location, account and agreement per site
 * (a household has one, the grocery cooperative sixty-four), a Meter per usage point, the devices and
 * program enrolments a premises has, the one supplier, and monthly Statements whose amounts are the costs
 * of the interval data (`periodTotals`, the same sums as the usage summaries' `billLastPeriod`).
 *
 * Records are descriptors (resources.ts): a Statement's amount is computed only when it is written.
 */
import type { CustomerEntry, CustomerResourceName, EpochSeconds, StreetAddress } from '../espi/index.ts';
import type { CustodianContext } from './context.ts';
import type { Customer, UsagePointInfo } from './directory.ts';
import {
  billingPeriods,
  meta,
  periodTotals,
  STRUCTURE_PUBLISHED,
  type EntryDescriptor,
} from './resources.ts';
import { dataEnd, zoneOf, type BlockSpan } from './readings.ts';

const DAY = 86_400;
/** Bills are issued five days after their period ends; the last twelve are published. */
const ISSUE_DELAY = 5 * DAY;
const STATEMENT_MONTHS = 12;

/** The utility itself: the one ServiceSupplier of every account. */
const SUPPLIER_ID = 'mdc-utility';

export interface CustomerRecord {
  name: CustomerResourceName;
  /** The path segment after `B/espi/1_1/resource/{name}/` (at least six characters, as the GBA asks). */
  id: string;
  descriptor: EntryDescriptor;
}

/** One premises of a customer: its usage points share a site name and an address. */
interface Site {
  /** Two digits, from 01, in the directory's order. */
  number: string;
  name: string;
  address: StreetAddress;
  usagePoints: UsagePointInfo[];
}

/** "1427 Alder Lane, Sacramento, CA 95818" as customer.xsd's StreetAddress. */
function streetAddress(text: string): StreetAddress {
  const [street = text, town = '', stateAndCode = ''] = text.split(', ');
  const [stateOrProvince = '', postalCode = ''] = stateAndCode.split(' ');
  return { street, town, stateOrProvince, postalCode, country: 'US' };
}

function sitesOf(customer: Customer): Site[] {
  const sites = new Map<string, Site>();
  for (const up of customer.usagePoints) {
    let site = sites.get(up.site);
    if (!site) {
      site = {
        number: String(sites.size + 1).padStart(2, '0'),
        name: up.site,
        address: streetAddress(up.address),
        usagePoints: [],
      };
      sites.set(up.site, site);
    }
    site.usagePoints.push(up);
  }
  return [...sites.values()];
}

const residential = (customer: Customer) => customer.username === 'household';

const TARIFFS = { household: 'E-TOU-C', business: 'A-1', commercial: 'A-10' } as const;

const METER_TYPES = ['electricity meter', 'gas meter', 'water meter'] as const;

/** A record published with the directory (its kind is set by `add`). */
function structural(build: () => CustomerEntry): EntryDescriptor {
  return { kind: 'Customer', published: STRUCTURE_PUBLISHED, updated: STRUCTURE_PUBLISHED, build };
}

/** The months a site has been billed for, most recent last, each with the day its bill was issued. */
function billedMonths(site: Site, nowSeconds: EpochSeconds): { period: BlockSpan; issued: number }[] {
  const [first] = site.usagePoints;
  if (!first) return [];
  const { clock } = zoneOf(first.zone);
  const from = clock.addLocalMonths(
    clock.startOfLocalMonth(dataEnd(zoneOf(first.zone), nowSeconds)),
    -STATEMENT_MONTHS,
  );
  return billingPeriods(first, from, Infinity, nowSeconds)
    .map((period) => ({ period, issued: period.end + ISSUE_DELAY }))
    .filter(({ issued }) => issued <= nowSeconds);
}

function monthName(period: BlockSpan): string {
  const [year, month] = [period.key.slice(0, 4), Number(period.key.slice(4, 6))];
  const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${name} ${year}`;
}

/** What a site's bill for a period comes to: every usage point of the account, hundred-thousandths of USD. */
function billAmount(site: Site, period: BlockSpan, nowSeconds: EpochSeconds): number {
  return site.usagePoints.reduce((sum, up) => sum + periodTotals(up, period, nowSeconds).cost, 0);
}

/**
 * Every record of `customer` that a caller reaching `reach` may read: the sites holding at least one of
 * those usage points, and of each site only those usage points and their meters.
 */
export function customerRecords(
  ctx: CustodianContext,
  customer: Customer,
  reach: readonly UsagePointInfo[],
  nowSeconds: EpochSeconds,
): CustomerRecord[] {
  const href = (name: CustomerResourceName, id: string) => `${ctx.espiBase}/${name}/${id}`;
  const reachable = new Set(reach.map((up) => up.id));
  const number = customer.id.replace(/^rc-/, '');
  const records: CustomerRecord[] = [];
  const add = (name: CustomerResourceName, id: string, descriptor: EntryDescriptor) =>
    records.push({ name, id, descriptor: { ...descriptor, kind: name } });
  const sites = sitesOf(customer).flatMap((site) => {
    const ups = site.usagePoints.filter((up) => reachable.has(up.id));
    return ups.length > 0 ? [{ site, ups }] : [];
  });
  if (sites.length === 0) return records;
  const organisation = {
    name: customer.displayName,
    ...(sites[0] ? { streetAddress: sites[0].site.address } : {}),
    email: customer.email,
  };

  add(
    'Customer',
    customer.id,
    structural(() => ({
      kind: 'Customer',
      resource: {
        meta: meta(
          href('Customer', customer.id),
          customer.displayName,
          STRUCTURE_PUBLISHED,
          STRUCTURE_PUBLISHED,
          [`${ctx.espiBase}/CustomerAccount`],
        ),
        organisation,
        kind: residential(customer) ? 'residential' : 'commercialIndustrial',
        status: { value: 'active', dateTime: STRUCTURE_PUBLISHED },
        locale: 'en-US',
        customerName: customer.displayName,
      },
    })),
  );
  add(
    'ServiceSupplier',
    SUPPLIER_ID,
    structural(() => ({
      kind: 'ServiceSupplier',
      resource: {
        meta: meta(
          href('ServiceSupplier', SUPPLIER_ID),
          'Mock Data Custodian',
          STRUCTURE_PUBLISHED,
          STRUCTURE_PUBLISHED,
        ),
        organisation: { name: 'Mock Data Custodian', web: ctx.baseUrl },
        kind: 'utility',
        effectiveDate: STRUCTURE_PUBLISHED,
      },
    })),
  );

  for (const { site, ups } of sites) {
    const suffix = `${number}-${site.number}`;
    const accountId = `acct-${suffix}`;
    const locationId = `loc-${suffix}`;
    const agreementId = `agr-${suffix}`;
    const months = billedMonths(site, nowSeconds);
    const statementId = (period: BlockSpan) => `stmt-${suffix}-${period.key}`;
    const latest = months.at(-1);

    add(
      'ServiceLocation',
      locationId,
      structural(() => ({
        kind: 'ServiceLocation',
        resource: {
          meta: meta(
            href('ServiceLocation', locationId),
            site.name,
            STRUCTURE_PUBLISHED,
            STRUCTURE_PUBLISHED,
            [...ups.map((up) => href('Meter', up.meterId))],
          ),
          type: residential(customer) ? 'residential premises' : 'commercial premises',
          mainAddress: site.address,
          status: { value: 'energized' },
          needsInspection: false,
          usagePointHrefs: ups.map((up) => `${ctx.espiBase}/UsagePoint/${up.id}`),
        },
      })),
    );
    add(
      'CustomerAccount',
      accountId,
      structural(() => ({
        kind: 'CustomerAccount',
        resource: {
          meta: meta(
            href('CustomerAccount', accountId),
            `Account ${suffix} (${site.name})`,
            STRUCTURE_PUBLISHED,
            STRUCTURE_PUBLISHED,
            [
              href('CustomerAgreement', agreementId),
              href('ServiceLocation', locationId),
              ...(latest ? [href('Statement', statementId(latest.period))] : []),
            ],
          ),
          title: site.name,
          createdDateTime: STRUCTURE_PUBLISHED,
          billingCycle: 'monthly',
          ...(latest ? { lastBillAmount: billAmount(site, latest.period, nowSeconds) } : {}),
          contactInfo: { ...organisation, streetAddress: site.address },
          accountId: suffix,
        },
      })),
    );
    add(
      'CustomerAgreement',
      agreementId,
      structural(() => ({
        kind: 'CustomerAgreement',
        resource: {
          meta: meta(
            href('CustomerAgreement', agreementId),
            `Service at ${site.name}`,
            STRUCTURE_PUBLISHED,
            STRUCTURE_PUBLISHED,
            [href('ServiceLocation', locationId), href('ServiceSupplier', SUPPLIER_ID)],
          ),
          title: `Service agreement ${suffix}`,
          signDate: STRUCTURE_PUBLISHED,
          validityInterval: { start: STRUCTURE_PUBLISHED, duration: 0 },
          isPrePay: false,
          pricingStructures: [
            `urn:mock-data-custodian:tariff:${TARIFFS[customer.username as keyof typeof TARIFFS] ?? 'A-1'}`,
          ],
          currency: 840,
          agreementId: `SA-${suffix}`,
        },
      })),
    );
    for (const up of ups) {
      add(
        'Meter',
        up.meterId,
        structural(() => ({
          kind: 'Meter',
          resource: {
            meta: meta(
              href('Meter', up.meterId),
              `${METER_TYPES[up.serviceKind]} ${up.meterId}`,
              STRUCTURE_PUBLISHED,
              STRUCTURE_PUBLISHED,
              [`${ctx.espiBase}/UsagePoint/${up.id}`],
            ),
            type: METER_TYPES[up.serviceKind],
            serialNumber: up.meterId,
            installationDate: STRUCTURE_PUBLISHED - (up.seed % 1500) * DAY,
            status: { value: up.active ? 'in service' : 'disconnected' },
            isVirtual: false,
            amrSystem: 'AMI',
            ...(up.serviceKind === 0 ? { formNumber: '2S' } : {}),
            intervalLength: up.intervalLength,
          },
        })),
      );
    }
    for (const { period, issued } of months) {
      const id = statementId(period);
      add('Statement', id, {
        kind: 'Statement',
        published: issued,
        updated: issued,
        build: () => ({
          kind: 'Statement',
          resource: {
            meta: meta(href('Statement', id), `Bill for ${monthName(period)}`, issued, issued, [
              href('CustomerAccount', accountId),
            ]),
            name: `Bill for ${monthName(period)}`,
            issueDateTime: issued,
            amount: billAmount(site, period, nowSeconds),
            billingPeriod: { start: period.start, duration: period.end - period.start },
          },
        }),
      });
    }
  }

  for (const [index, device] of endDevices(customer, sites[0]?.ups ?? []).entries()) {
    const id = `dev-${number}-${String(index + 1).padStart(2, '0')}`;
    add(
      'EndDevice',
      id,
      structural(() => ({
        kind: 'EndDevice',
        resource: {
          meta: meta(href('EndDevice', id), device.type, STRUCTURE_PUBLISHED, STRUCTURE_PUBLISHED),
          ...device,
        },
      })),
    );
  }
  for (const [index, program] of PROGRAMS[customer.username]?.entries() ?? []) {
    const id = `pdm-${number}-${String(index + 1).padStart(2, '0')}`;
    add(
      'ProgramDateIdMappings',
      id,
      structural(() => ({
        kind: 'ProgramDateIdMappings',
        resource: {
          meta: meta(
            href('ProgramDateIdMappings', id),
            program.name,
            STRUCTURE_PUBLISHED,
            STRUCTURE_PUBLISHED,
          ),
          ...program,
        },
      })),
    );
  }
  return records;
}

/** Devices behind the meter that the utility knows of: a solar home's inverter and its home-area network. */
function endDevices(customer: Customer, ups: readonly UsagePointInfo[]) {
  const solar = ups.find((up) => up.solarWatts > 0);
  if (!residential(customer) || !solar) return [];
  return [
    {
      type: `Solar inverter (${solar.solarWatts / 1000} kW)`,
      serialNumber: `INV-${solar.meterId.slice(2)}`,
      status: { value: 'in service' },
      isVirtual: false,
      isPan: false,
    },
    { type: 'Home area network gateway', status: { value: 'joined' }, isVirtual: false, isPan: true },
  ];
}

/** Demand-response enrolments (ProgramDateKind codes of customer.xsd). */
const PROGRAMS: Record<string, { programDateType: string; code: string; name: string; note: string }[]> = {
  household: [
    {
      programDateType: 'CUST_DR_PROGRAM_ENROLLMENT_DATE',
      code: 'SPR-2024',
      name: 'Summer Peak Rewards',
      note: 'Enrolled 2024-05-01: bill credits for lower use on peak-event afternoons.',
    },
  ],
  commercial: [
    {
      programDateType: 'CUST_DR_PROGRAM_ENROLLMENT_DATE',
      code: 'CBP-2023',
      name: 'Capacity Bidding Program',
      note: 'Enrolled 2023-04-01 through the aggregator GridFlex.',
    },
  ],
};
