/**
 * Who exists at the mock custodian: the three demo customers with their usage points, and the
 * registered clients (the portal itself, third parties, the commercial customer's own API client).
 * Everything here is static and deterministic; what changes at run time lives in `state.ts`.
 */
import { SERVICE_KINDS, serviceLabel } from '../espi/index.ts';
import { createPrng, hashString } from './prng.ts';

export type TimeZoneName = 'America/Los_Angeles' | 'America/New_York';

/** One MeterReading a usage point carries, with the ReadingType fields that set its meaning. */
export interface ReadingSpec {
  /** Stable within the usage point: part of the MeterReading and ReadingType ids. */
  key: 'delivered' | 'received' | 'gas' | 'water';
  flowDirection: number;
  /** ESPI UnitSymbolKind: 72 Wh, 169 therm, 128 US gallon. */
  uom: number;
  powerOfTenMultiplier: number;
  commodity: number;
  /** MeasurementKind: 12 energy, 58 volume. */
  kind: number;
  /** Time-of-use costs on each reading (household electricity). */
  timeOfUseCost: boolean;
}

export interface UsagePointInfo {
  id: string;
  customerId: string;
  title: string;
  /** ESPI ServiceKind: 0 electricity, 1 gas, 2 water. */
  serviceKind: 0 | 1 | 2;
  meterId: string;
  site: string;
  address: string;
  /** Seconds between readings. */
  intervalLength: number;
  zone: TimeZoneName;
  /** Typical consumption per hour in the reading's raw unit, before seasonality and noise. */
  baseLoad: number;
  /** Rooftop solar capacity (W) behind the meter, 0 when none. */
  solarWatts: number;
  /** ESPI UsagePoint status: false for a disconnected meter (not eligible for new bulk grants). */
  active: boolean;
  readings: ReadingSpec[];
  seed: number;
}

export interface Customer {
  id: string;
  username: string;
  displayName: string;
  email: string;
  zone: TimeZoneName;
  usagePoints: UsagePointInfo[];
  /** May create an own-data API client (own-api.ts): the utility enabled API access for the account. */
  ownDataApi?: boolean;
}

export interface Client {
  clientId: string;
  /** Absent for the portal: a public client that authenticates with PKCE alone. */
  clientSecret?: string;
  /** An own-data API client's secret is kept only as its hash (own-api-clients.ts). */
  clientSecretHash?: string;
  kind: 'first-party' | 'third-party' | 'customer-api';
  name: string;
  description: string;
  /** Path of the app's logo under the custodian's base URL (the mock serves it: see logos.ts). */
  logoPath?: string;
  clientUri?: string;
  tosUri?: string;
  policyUri?: string;
  contacts: string[];
  redirectUris: string[];
  /** ESPI scopes offered to this client (ApplicationInformation `scope`). */
  scopes: string[];
  /** May fetch Batch/Bulk with a client_credentials token (an aggregator). */
  bulkCapable: boolean;
  /**
   * For a bulk-capable client, the bulkId of each offered data set, in the order of `scopes`: every
   * customer's grant of that data set joins that one bulk (docs/openapi.yaml, "Bulk").
   */
  bulkIds?: string[];
  /**
   * ApplicationInformation thirdPartyScopeSelectionScreenURI: where the portal's app directory sends a
   * customer to pick a scope at the third party (the custodian-initiated flow, docs/espi.md 4.1).
   */
  scopeSelectionUri?: string;
  /** ApplicationInformation thirdPartyNotifyUri: where the custodian POSTs BatchList notifications. */
  notifyUri?: string;
  /** ApplicationInformation thirdPartyApplicationUse: 1 energy management, 2 comparisons, ... */
  applicationUse: number;
  /** The customer whose own data a customer-api client may read. */
  customerId?: string;
}

/** Password of every demo account. */
export const DEMO_PASSWORD = 'demo';
export const PORTAL_CLIENT_ID = 'green-button-portal';
export const COMMERCIAL_METER_COUNT = 1280;

const DAY = 86_400;
const TWO_YEARS = 2 * 365 * DAY;

/** Full own-data scope: everything the custodian can publish for a customer (docs/espi.md 4.3). */
export const OWN_DATA_SCOPE = `FB=1_3_4_5_7_8_10_11_12_13_14_15_16_18_19_31_32_37_39;IntervalDuration=900_3600_86400;BlockDuration=daily;HistoryLength=${TWO_YEARS}`;

const [ELECTRICITY, GAS, WATER] = SERVICE_KINDS;

export const electricity = (timeOfUseCost: boolean): ReadingSpec => ({
  key: 'delivered',
  flowDirection: 1,
  uom: ELECTRICITY.uom,
  powerOfTenMultiplier: 0,
  commodity: 1,
  kind: 12,
  timeOfUseCost,
});
export const solarExport: ReadingSpec = {
  key: 'received',
  flowDirection: 19,
  uom: ELECTRICITY.uom,
  powerOfTenMultiplier: 0,
  commodity: 1,
  kind: 12,
  timeOfUseCost: false,
};
// Therms with three decimals (powerOfTenMultiplier -3), as gas utilities publish them.
export const gas: ReadingSpec = {
  key: 'gas',
  flowDirection: 1,
  uom: GAS.uom,
  powerOfTenMultiplier: -3,
  commodity: 7,
  kind: 58,
  timeOfUseCost: false,
};
const water: ReadingSpec = {
  key: 'water',
  flowDirection: 1,
  uom: WATER.uom,
  powerOfTenMultiplier: 0,
  commodity: 9,
  kind: 58,
  timeOfUseCost: false,
};

/** Meter numbers start with the service's initial: `E-…`, `G-…`, `W-…`. */
export function meterNumber(serviceKind: number, digits: string): string {
  return `${serviceLabel(serviceKind).charAt(0)}-${digits}`;
}

export function usagePoint(
  fields: Omit<UsagePointInfo, 'seed' | 'solarWatts' | 'active'> & { solarWatts?: number; active?: boolean },
): UsagePointInfo {
  return { solarWatts: 0, active: true, ...fields, seed: hashString(fields.id) };
}

function household(): Customer {
  const zone = 'America/Los_Angeles';
  const address = '1427 Alder Lane, Sacramento, CA 95818';
  return {
    id: 'rc-1001',
    username: 'household',
    displayName: 'Maya Okafor',
    email: 'maya.okafor@example.com',
    zone,
    usagePoints: [
      usagePoint({
        id: 'up-1001-e',
        customerId: 'rc-1001',
        title: 'Home electricity (rooftop solar)',
        serviceKind: 0,
        meterId: 'E-4471902',
        site: 'Home',
        address,
        intervalLength: 900,
        zone,
        baseLoad: 650,
        solarWatts: 5200,
        readings: [electricity(true), solarExport],
      }),
      usagePoint({
        id: 'up-1001-g',
        customerId: 'rc-1001',
        title: 'Home gas',
        serviceKind: 1,
        meterId: 'G-2208815',
        site: 'Home',
        address,
        intervalLength: DAY,
        zone,
        baseLoad: 60,
        readings: [gas],
      }),
    ],
  };
}

function business(): Customer {
  const zone = 'America/New_York';
  const address = '88 Harbor Street, Portland, ME 04101';
  const meters: [string, string, 0 | 1, number][] = [
    ['up-2001-1', 'Bakery: ovens and lighting', 0, 9000],
    ['up-2001-2', 'Bakery: refrigeration', 0, 4200],
    ['up-2001-3', 'Bakery: gas', 1, 900],
  ];
  return {
    id: 'rc-2001',
    username: 'business',
    displayName: 'Harbor Street Bakery LLC',
    email: 'accounts@harborstreetbakery.example',
    zone,
    usagePoints: meters.map(([id, title, serviceKind, baseLoad], i) =>
      usagePoint({
        id,
        customerId: 'rc-2001',
        title,
        serviceKind,
        meterId: meterNumber(serviceKind, `77310${i + 4}`),
        site: 'Harbor Street Bakery',
        address,
        intervalLength: 3600,
        zone,
        baseLoad,
        readings: [serviceKind === 0 ? electricity(false) : gas],
      }),
    ),
  };
}

const STREETS = [
  'Commerce Way',
  'Industrial Pkwy',
  'Market Street',
  'Riverside Drive',
  'Depot Road',
  'Mill Lane',
];
const TOWNS = [
  'Albany, NY 12207',
  'Hartford, CT 06103',
  'Worcester, MA 01608',
  'Providence, RI 02903',
  'Newark, NJ 07102',
  'Scranton, PA 18503',
  'Burlington, VT 05401',
  'Manchester, NH 03101',
];
const SITE_KINDS = ['Distribution Center', 'Store', 'Warehouse', 'Office', 'Plant'];
const METER_ROLES = [
  'Main service',
  'HVAC',
  'Lighting',
  'Refrigeration',
  'Process load',
  'Parking lot',
  'EV chargers',
];

/** A retail chain with sites across the northeast: the bulk-access customer. */
function commercial(): Customer {
  const zone = 'America/New_York';
  const random = createPrng(hashString('commercial-directory'));
  const sitesCount = 64;
  const usagePoints: UsagePointInfo[] = [];
  for (let n = 0; n < COMMERCIAL_METER_COUNT; n++) {
    const siteIndex = n % sitesCount;
    const siteNumber = String(siteIndex + 1).padStart(3, '0');
    const site = `${SITE_KINDS[siteIndex % SITE_KINDS.length]} #${siteNumber}`;
    const address = `${100 + siteIndex * 17} ${STREETS[siteIndex % STREETS.length]}, ${TOWNS[siteIndex % TOWNS.length]}`;
    const roll = random();
    const serviceKind: 0 | 1 | 2 = roll < 0.7 ? 0 : roll < 0.88 ? 1 : 2;
    const id = `up-3001-${String(n + 1).padStart(4, '0')}`;
    const role =
      serviceKind === 0
        ? METER_ROLES[Math.floor(n / sitesCount) % METER_ROLES.length]
        : serviceLabel(serviceKind);
    usagePoints.push(
      usagePoint({
        id,
        customerId: 'rc-3001',
        title: `${site}: ${role}`,
        serviceKind,
        meterId: meterNumber(serviceKind, String(5_000_000 + Math.floor(random() * 4_000_000))),
        site,
        address,
        intervalLength: serviceKind === 0 ? 900 : 3600,
        zone,
        baseLoad:
          serviceKind === 0
            ? 2_000 + Math.floor(random() * 40_000)
            : serviceKind === 1
              ? 200 + Math.floor(random() * 3_000)
              : 50 + Math.floor(random() * 600),
        readings: [serviceKind === 0 ? electricity(false) : serviceKind === 1 ? gas : water],
        // A few disconnected meters: their history stays readable, new bulk grants refuse them.
        active: n % 97 !== 96,
      }),
    );
  }
  return {
    id: 'rc-3001',
    username: 'commercial',
    displayName: 'Northeast Grocers Cooperative',
    email: 'energy@northeastgrocers.example',
    zone,
    usagePoints,
    ownDataApi: true,
  };
}

export const CUSTOMERS: readonly Customer[] = [household(), business(), commercial()];

const usagePointIndex = new Map(CUSTOMERS.flatMap((c) => c.usagePoints.map((up) => [up.id, up] as const)));

export function findCustomerByUsername(username: string): Customer | undefined {
  return CUSTOMERS.find((c) => c.username === username);
}
export function findCustomer(id: string): Customer | undefined {
  return CUSTOMERS.find((c) => c.id === id);
}
export function findUsagePoint(id: string): UsagePointInfo | undefined {
  return usagePointIndex.get(id);
}

const hourly13Months =
  'FB=1_3_4_5_13_14_15_19_32_37_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000';
const fullDetail = `FB=1_3_4_5_8_10_12_13_14_15_16_19_32_37_39;IntervalDuration=900;BlockDuration=daily;HistoryLength=${TWO_YEARS}`;
const gasOnly =
  'FB=1_3_4_10_13_14_19_32_37_39;IntervalDuration=86400;BlockDuration=monthly;HistoryLength=34128000';
/**
 * Everything above plus power quality (FB 17) and the retail-customer records (docs/espi.md 1.7: FB 50
 * resource-level REST for PII, 51 common, 56 billing, 58 service location, 59 supplier, 60 meter, 61 end
 * device): what an energy adviser asks for to read bills and premises too.
 */
export const CUSTOMER_RECORDS_SCOPE = `FB=1_3_4_5_8_10_12_13_14_15_16_17_19_32_37_39_50_51_56_58_59_60_61;IntervalDuration=900;BlockDuration=daily;HistoryLength=${TWO_YEARS}`;
// The aggregators' data sets: interval data of every service with its cost (FB 12), 13 months back;
// and (GridFlex) 15-minute electricity for the last 3 months. A customer may grant less of either.
const bulkDaily =
  'FB=1_3_4_5_10_11_12_13_14_18_19_32_35_37_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000';
const bulkFifteenMinute =
  'FB=1_3_4_5_12_13_14_18_19_32_35_37_39;IntervalDuration=900;BlockDuration=daily;HistoryLength=7948800';

function thirdParty(
  fields: Omit<Client, 'kind' | 'redirectUris' | 'contacts' | 'clientSecret' | 'bulkCapable'> & {
    bulkCapable?: boolean;
  },
): Client {
  const host = `${fields.clientId}.example`;
  return {
    kind: 'third-party',
    bulkCapable: false,
    clientSecret: `${fields.clientId}-secret`,
    // RFC 8252 loopback redirect: lets curl and scripts run the code flow against the sandbox.
    redirectUris: [`https://${host}/callback`, 'http://127.0.0.1/callback'],
    scopeSelectionUri: `https://${host}/espi/scope-selection`,
    contacts: [`support@${host}`],
    notifyUri: `https://${host}/espi/notify`,
    ...fields,
  };
}

export const THIRD_PARTIES: readonly Client[] = [
  thirdParty({
    clientId: 'brightwatt',
    name: 'BrightWatt Energy Insights',
    description: 'Shows where your energy goes each day and suggests savings tailored to your home.',
    logoPath: '/logos/brightwatt.svg',
    clientUri: 'https://brightwatt.example',
    tosUri: 'https://brightwatt.example/terms',
    policyUri: 'https://brightwatt.example/privacy',
    scopes: [hourly13Months, fullDetail, CUSTOMER_RECORDS_SCOPE],
    applicationUse: 1,
  }),
  thirdParty({
    clientId: 'suntrack',
    name: 'SunTrack Solar Monitor',
    description: 'Compares your rooftop solar production with what you use and export to the grid.',
    logoPath: '/logos/suntrack.svg',
    clientUri: 'https://suntrack.example',
    scopes: [fullDetail],
    applicationUse: 1,
  }),
  thirdParty({
    clientId: 'gasmeter-compare',
    name: 'Neighborhood Gas Compare',
    description: 'Compares your gas use with similar homes nearby.',
    clientUri: 'https://gasmeter-compare.example',
    scopes: [gasOnly],
    applicationUse: 2,
  }),
  thirdParty({
    clientId: 'markup-test',
    // A registered name that is markup: the portal must show these characters, never run them.
    name: '<img src=x onerror=alert(1)>',
    description: '<script>alert("description")</script> A test registration whose text is markup.',
    clientUri: 'https://markup-test.example',
    scopes: [hourly13Months],
    applicationUse: 4,
  }),
  thirdParty({
    clientId: 'gridflex',
    name: 'GridFlex Demand Response',
    description: 'Aggregates many meters to bid flexible load into demand-response programs.',
    logoPath: '/logos/gridflex.svg',
    clientUri: 'https://gridflex.example',
    scopes: [bulkDaily, bulkFifteenMinute],
    bulkIds: ['5101', '5103'],
    bulkCapable: true,
    applicationUse: 1,
  }),
  thirdParty({
    clientId: 'carbonledger',
    name: 'CarbonLedger ESG Reporting',
    description: 'Builds greenhouse-gas inventories (scope 2) across every site of an organisation.',
    clientUri: 'https://carbonledger.example',
    scopes: [bulkDaily],
    bulkIds: ['5102'],
    bulkCapable: true,
    applicationUse: 3,
  }),
];

export function portalClient(redirectUris: string[]): Client {
  return {
    clientId: PORTAL_CLIENT_ID,
    kind: 'first-party',
    name: 'Green Button Portal',
    description: "The custodian's own customer portal.",
    contacts: [],
    redirectUris,
    scopes: [OWN_DATA_SCOPE],
    bulkCapable: false,
    applicationUse: 1,
  };
}

/** What anyone may know of a registered client: the consent page, the customer API and their tests. */
export function clientDisplayInfo(client: Client, baseUrl: string) {
  return {
    clientId: client.clientId,
    name: client.name,
    description: client.description,
    logoUri: client.logoPath ? `${baseUrl}${client.logoPath}` : null,
    clientUri: client.clientUri ?? null,
    tosUri: client.tosUri ?? null,
    policyUri: client.policyUri ?? null,
    contacts: client.contacts,
    scopes: client.scopes,
    firstParty: client.kind === 'first-party',
    bulkCapable: client.bulkCapable,
    applicationUse: client.applicationUse,
  };
}
