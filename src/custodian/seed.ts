/**
 * The custodian's state on first start and after a reset: every demo customer has authorizations
 * in each state (active, expired, revoked, denied), demo and synthetic customers have bulk grants, and
 * every registered client has the Authorization its client_credentials tokens point to.
 */
import { CUSTOMERS, OWN_DATA_SCOPE, THIRD_PARTIES, type Client, type Customer } from './directory.ts';
import { type EpochMillis, type EpochSeconds, formatScope, parseScope, secondsOf } from '../espi/index.ts';
import { bulkDataSets, type BulkDataSet } from './bulk.ts';
import { POPULATION_SIZE, findAnyCustomer, syntheticCustomer, syntheticCustomerId } from './population.ts';
import { DEFAULT_FAULTS, type BulkGrant, type CustodianState, type StoredAuthorization } from './state.ts';

const DAY = 86_400;
const YEAR = 365 * DAY;

type Plan = [
  clientId: string,
  state: 'active' | 'expired' | 'revoked' | 'denied',
  meters: 'all' | 'first',
  /** Days since consent, when not the plan's default; a year's term then ends a year after. */
  ageDays?: number,
];

const PLANS: Record<string, Plan[]> = {
  'rc-1001': [
    ['brightwatt', 'active', 'all'],
    // Its year ends in 12 days: the expiry reminder and one-step renewal (issue 15).
    ['suntrack', 'active', 'first', 353],
    ['gasmeter-compare', 'expired', 'all'],
    ['markup-test', 'revoked', 'all'],
    ['suntrack', 'denied', 'all'],
  ],
  'rc-2001': [
    ['brightwatt', 'active', 'all'],
    ['markup-test', 'active', 'first'],
    ['suntrack', 'denied', 'all'],
    ['gasmeter-compare', 'revoked', 'all'],
    ['brightwatt', 'expired', 'first'],
  ],
  'rc-3001': [
    ['brightwatt', 'active', 'first'],
    ['markup-test', 'expired', 'first'],
    ['suntrack', 'revoked', 'first'],
    ['gasmeter-compare', 'denied', 'first'],
  ],
};

function thirdParty(clientId: string): Client {
  const client = THIRD_PARTIES.find((c) => c.clientId === clientId);
  if (!client) throw new Error(`seed: no third party "${clientId}"`);
  return client;
}

/** One third-party authorization in a given state, dated relative to `nowSeconds`. */
export function plannedAuthorization(
  customer: Customer,
  id: string,
  [clientId, state, meters]: Plan,
  nowSeconds: EpochSeconds,
  ageDays: number,
): StoredAuthorization {
  const client = thirdParty(clientId);
  const createdAt = nowSeconds - ageDays * DAY;
  const usagePointIds = (meters === 'first' ? customer.usagePoints.slice(0, 1) : customer.usagePoints).map(
    (up) => up.id,
  );
  const base: StoredAuthorization = {
    id,
    customerId: customer.id,
    clientId,
    kind: 'third-party',
    scope: client.scopes[0] ?? OWN_DATA_SCOPE,
    usagePointIds,
    status: 'active',
    grantType: 'authorization_code',
    authorizedPeriod: { start: createdAt, duration: YEAR },
    publishedPeriod: { start: createdAt - 395 * DAY, duration: 0 },
    subscriptionId: `sub-${id.slice(2)}`,
    createdAt,
    updatedAt: createdAt,
  };
  switch (state) {
    case 'active':
      return base;
    case 'expired':
      // Ended 20 days ago: "expired" is derived from authorizedPeriod (docs/espi.md 2.2).
      return { ...base, authorizedPeriod: { start: nowSeconds - YEAR - 20 * DAY, duration: YEAR } };
    case 'revoked':
      return { ...base, status: 'revoked', revokedAt: nowSeconds - 9 * DAY, updatedAt: nowSeconds - 9 * DAY };
    case 'denied':
      // A denied consent never granted anything: no usage points, no period.
      return {
        ...base,
        status: 'denied',
        usagePointIds: [],
        authorizedPeriod: { start: createdAt, duration: 0 },
      };
  }
}

function ownAuthorization(customer: Customer, nowSeconds: EpochSeconds): StoredAuthorization {
  const start = nowSeconds - 3 * YEAR;
  return {
    id: `own-${customer.id}`,
    customerId: customer.id,
    clientId: 'green-button-portal',
    kind: 'own',
    scope: OWN_DATA_SCOPE,
    usagePointIds: customer.usagePoints.map((up) => up.id),
    status: 'active',
    authorizedPeriod: { start, duration: 0 },
    publishedPeriod: { start, duration: 0 },
    subscriptionId: `self-${customer.id}`,
    createdAt: start,
    updatedAt: start,
  };
}

/** The Authorization a client_credentials token of this client refers to (docs/espi.md 4.4). */
export function clientAuthorizationId(clientId: string): string {
  return `client-${clientId}`;
}

function clientAuthorization(client: Client, nowSeconds: EpochSeconds): StoredAuthorization {
  return {
    id: clientAuthorizationId(client.clientId),
    customerId: '',
    clientId: client.clientId,
    kind: 'client',
    scope: client.bulkCapable ? 'FB=3_34_35' : 'FB=3',
    usagePointIds: [],
    status: 'active',
    grantType: 'client_credentials',
    authorizedPeriod: { start: nowSeconds - YEAR, duration: 0 },
    publishedPeriod: { start: nowSeconds - YEAR, duration: 0 },
    subscriptionId: '',
    createdAt: nowSeconds - YEAR,
    updatedAt: nowSeconds - YEAR,
  };
}

/** What a seeded customer kept back from the data set: blocks left out, a shorter history, a term end. */
interface Terms {
  without?: number[];
  historyDays?: number;
  termEndDays?: number;
}

/** A grant's scope: the data set's scope narrowed by the customer's terms, tagged with the bulk. */
function narrowedScope(dataSet: BulkDataSet, terms: Terms): string {
  const scope = parseScope(dataSet.scope);
  const left = new Set(terms.without ?? []);
  return formatScope({
    ...scope,
    functionBlocks: scope.functionBlocks.filter((fb) => !left.has(fb)),
    ...(terms.historyDays === undefined
      ? {}
      : {
          historyLength: {
            raw: String(terms.historyDays * DAY),
            seconds: terms.historyDays * DAY,
            asMonths: false,
          },
        }),
  });
}

type SeededGrant = [
  id: string,
  customerId: string,
  dataSet: [clientId: string, index: number],
  meters: (c: Customer) => string[],
  ageDays: number,
  terms: Terms & { revokedDaysAgo?: number },
];

const every = (c: Customer) => c.usagePoints.map((up) => up.id);
const electric = (c: Customer) => c.usagePoints.filter((up) => up.serviceKind === 0).map((up) => up.id);
const NO_COST = [12];
const NO_GAS = [10];

/**
 * Bulk grants of several customers, so each bulk carries more than one (issue 20): the demo accounts
 * and synthetic households and businesses (population.ts), with different terms: cost or not, 3 to 13
 * months of history, some with an end date, one revoked, one already ended. The commercial customer's
 * two grants are the ones the portal's bulk pages show. The household and the bakery are in GridFlex's
 * 15-minute bulk and CarbonLedger's, not in GridFlex's hourly one, which tests join with fresh grants.
 */
const SEEDED_GRANTS: SeededGrant[] = [
  ['bg-seed-1', 'rc-3001', ['gridflex', 0], (c) => electric(c).slice(0, 120), 60, {}],
  ['bg-seed-2', 'rc-3001', ['carbonledger', 0], (c) => every(c).slice(0, 40), 200, { revokedDaysAgo: 30 }],
  ['bg-seed-3', 'rc-1001', ['gridflex', 1], electric, 45, {}],
  [
    'bg-seed-4',
    'rc-2001',
    ['gridflex', 1],
    electric,
    40,
    { without: NO_COST, historyDays: 31, termEndDays: 90 },
  ],
  ['bg-seed-5', 'rc-1001', ['carbonledger', 0], every, 20, { without: NO_COST, historyDays: 183 }],
  ['bg-seed-6', 'rc-2001', ['carbonledger', 0], every, 15, { without: NO_GAS, historyDays: 395 }],
  ...Array.from({ length: 12 }, (_, i): SeededGrant => {
    const n = i + 1;
    const dataSet: [string, number] =
      n % 3 === 0 ? ['carbonledger', 0] : n % 4 === 0 ? ['gridflex', 1] : ['gridflex', 0];
    const terms: SeededGrant[5] = {
      ...(n % 2 === 0 ? { without: NO_COST } : {}),
      historyDays: [92, 183, 395][n % 3] ?? 395,
      ...(n % 5 === 0 ? { termEndDays: 30 * n } : {}),
      ...(n === 7 ? { revokedDaysAgo: 3 } : {}),
      // One whose term ended yesterday: gone from its bulk, the aggregator told.
      ...(n === 11 ? { termEndDays: -1 } : {}),
    };
    return [`bg-seed-s${n}`, syntheticCustomerId(n), dataSet, every, 10 + n * 7, terms];
  }),
];

/** One customer's grant of a data set under `terms`, created `ageDays` ago. */
function plannedGrant(
  id: string,
  customerId: string,
  dataSet: BulkDataSet,
  usagePointIds: string[],
  nowSeconds: EpochSeconds,
  ageDays: number,
  terms: SeededGrant[5],
): BulkGrant {
  const createdAt = nowSeconds - ageDays * DAY;
  const revokedAt = terms.revokedDaysAgo === undefined ? undefined : nowSeconds - terms.revokedDaysAgo * DAY;
  const termEnd = terms.termEndDays === undefined ? null : nowSeconds + terms.termEndDays * DAY;
  return {
    id,
    bulkId: dataSet.bulkId,
    customerId,
    clientId: dataSet.clientId,
    usagePointIds,
    scope: narrowedScope(dataSet, terms),
    termEnd,
    revoked: revokedAt !== undefined,
    createdAt,
    updatedAt: revokedAt ?? createdAt,
    ...(revokedAt === undefined ? {} : { revokedAt }),
    ...(termEnd !== null && termEnd <= nowSeconds ? { expiryNotified: true } : {}),
    history: [
      { at: createdAt, action: 'created', usagePointIds },
      ...(revokedAt === undefined ? [] : [{ at: revokedAt, action: 'revoked' as const, usagePointIds }]),
    ],
  };
}

function seededBulkGrants(nowSeconds: EpochSeconds): BulkGrant[] {
  return SEEDED_GRANTS.map(([id, customerId, [clientId, index], meters, ageDays, terms]) => {
    const customer = findAnyCustomer(customerId);
    const dataSet = bulkDataSets(thirdParty(clientId))[index];
    if (!customer || !dataSet) throw new Error(`seed: grant ${id} names no customer or data set`);
    return plannedGrant(id, customerId, dataSet, meters(customer), nowSeconds, ageDays, terms);
  });
}

/** Synthetic customers past the seeded ones join bulks of the demo control from here. */
const FIRST_EXTRA_CUSTOMER = 1001;

/**
 * Grants of synthetic customers joining one bulk until it holds `meters` more meters, every customer's
 * terms a little different (demo control `PUT /__demo/bulks/{bulkId}/population`; the bulk benchmark).
 */
export function syntheticBulkGrants(dataSet: BulkDataSet, meters: number, nowMs: EpochMillis): BulkGrant[] {
  const nowSeconds = secondsOf(nowMs);
  const grants: BulkGrant[] = [];
  let remaining = meters;
  for (let n = FIRST_EXTRA_CUSTOMER; remaining > 0 && n <= POPULATION_SIZE; n++) {
    const customer = syntheticCustomer(n);
    if (!customer) break;
    const usagePointIds = customer.usagePoints.slice(0, remaining).map((up) => up.id);
    remaining -= usagePointIds.length;
    const terms = { ...(n % 2 === 0 ? { without: NO_COST } : {}), historyDays: [92, 183, 395][n % 3] ?? 395 };
    grants.push(
      plannedGrant(
        `bg-${dataSet.bulkId}-s${n}`,
        customer.id,
        dataSet,
        usagePointIds,
        nowSeconds,
        1 + (n % 90),
        terms,
      ),
    );
  }
  return grants;
}

export function initialState(nowMs: EpochMillis): CustodianState {
  const nowSeconds = secondsOf(nowMs);
  const authorizations: StoredAuthorization[] = [];
  for (const customer of CUSTOMERS) {
    authorizations.push(ownAuthorization(customer, nowSeconds));
    (PLANS[customer.id] ?? []).forEach((plan, i) =>
      authorizations.push(
        plannedAuthorization(
          customer,
          `a-${customer.id.slice(3)}-${i + 1}`,
          plan,
          nowSeconds,
          plan[3] ?? 30 + i * 25,
        ),
      ),
    );
  }
  for (const client of THIRD_PARTIES) {
    authorizations.push(clientAuthorization(client, nowSeconds));
  }
  return {
    version: 1,
    authorizations: Object.fromEntries(authorizations.map((a) => [a.id, a])),
    bulkGrants: Object.fromEntries(seededBulkGrants(nowSeconds).map((g) => [g.id, g])),
    bulkNotifications: [],
    idempotency: {},
    accessLog: {},
    revokedJtis: {},
    usedJtis: {},
    revokedFamilies: {},
    ownApiClients: {},
    ownApiTokens: {},
    faults: { ...DEFAULT_FAULTS },
    requestCount: 0,
    sequence: 0,
  };
}

const STATES: Plan[1][] = ['active', 'active', 'expired', 'revoked', 'denied'];
const NAMED_CLIENTS = THIRD_PARTIES.filter((c) => !c.bulkCapable).map((c) => c.clientId);

/** Replace a customer's third-party authorizations with `count` generated ones (demo control). */
export function syntheticAuthorizations(
  customer: Customer,
  count: number,
  nowMs: EpochMillis,
): StoredAuthorization[] {
  const nowSeconds = secondsOf(nowMs);
  return Array.from({ length: count }, (_, i) =>
    plannedAuthorization(
      customer,
      `a-${customer.id.slice(3)}-s${i + 1}`,
      [
        NAMED_CLIENTS[i % NAMED_CLIENTS.length] ?? 'brightwatt',
        STATES[i % STATES.length] ?? 'active',
        i % 2 ? 'first' : 'all',
      ],
      nowSeconds,
      1 + (i % 300),
    ),
  );
}
