/**
 * The custodian's state on first start and after a reset: every demo customer has authorizations
 * in each state (active, expired, revoked, denied), the commercial customer has bulk grants, and
 * every registered client has the Authorization its client_credentials tokens point to.
 */
import {
  CUSTOMERS,
  CUSTOMER_API_CLIENTS,
  OWN_DATA_SCOPE,
  THIRD_PARTIES,
  findCustomer,
  type Client,
  type Customer,
} from './directory.ts';
import { formatScope, parseScope } from '../espi/scope.ts';
import { DEFAULT_FAULTS, type BulkGrant, type CustodianState, type StoredAuthorization } from './state.ts';

const DAY = 86_400;
const YEAR = 365 * DAY;

type Plan = [clientId: string, state: 'active' | 'expired' | 'revoked' | 'denied', meters: 'all' | 'first'];

const PLANS: Record<string, Plan[]> = {
  'rc-1001': [
    ['brightwatt', 'active', 'all'],
    ['suntrack', 'active', 'first'],
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
  nowSeconds: number,
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

function ownAuthorization(customer: Customer, nowSeconds: number): StoredAuthorization {
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

function clientAuthorization(client: Client, nowSeconds: number): StoredAuthorization {
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

export function bulkScope(baseScope: string, bulkId: string): string {
  return formatScope({ ...parseScope(baseScope), bulkId });
}

function seededBulkGrants(nowSeconds: number): BulkGrant[] {
  const customer = findCustomer('rc-3001');
  if (!customer) return [];
  const grant = (
    id: string,
    bulkId: string,
    clientId: string,
    meters: string[],
    ageDays: number,
    revokedDaysAgo?: number,
  ): BulkGrant => {
    const createdAt = nowSeconds - ageDays * DAY;
    const revokedAt = revokedDaysAgo === undefined ? undefined : nowSeconds - revokedDaysAgo * DAY;
    return {
      id,
      bulkId,
      customerId: customer.id,
      clientId,
      usagePointIds: meters,
      scope: bulkScope(thirdParty(clientId).scopes[0] ?? '', bulkId),
      termEnd: null,
      revoked: revokedAt !== undefined,
      createdAt,
      updatedAt: revokedAt ?? createdAt,
      ...(revokedAt === undefined ? {} : { revokedAt }),
      history: [
        { at: createdAt, action: 'created', usagePointIds: meters },
        ...(revokedAt === undefined
          ? []
          : [{ at: revokedAt, action: 'revoked' as const, usagePointIds: meters }]),
      ],
    };
  };
  const electric = customer.usagePoints.filter((up) => up.serviceKind === 0).map((up) => up.id);
  return [
    grant('bg-seed-1', '5101', 'gridflex', electric.slice(0, 120), 60),
    grant(
      'bg-seed-2',
      '5102',
      'carbonledger',
      customer.usagePoints.slice(0, 40).map((up) => up.id),
      200,
      30,
    ),
  ];
}

export function initialState(nowMs: number): CustodianState {
  const nowSeconds = Math.floor(nowMs / 1000);
  const authorizations: StoredAuthorization[] = [];
  for (const customer of CUSTOMERS) {
    authorizations.push(ownAuthorization(customer, nowSeconds));
    (PLANS[customer.id] ?? []).forEach((plan, i) =>
      authorizations.push(
        plannedAuthorization(customer, `a-${customer.id.slice(3)}-${i + 1}`, plan, nowSeconds, 30 + i * 25),
      ),
    );
  }
  for (const client of [...THIRD_PARTIES, ...CUSTOMER_API_CLIENTS]) {
    authorizations.push(clientAuthorization(client, nowSeconds));
  }
  return {
    version: 1,
    authorizations: Object.fromEntries(authorizations.map((a) => [a.id, a])),
    bulkGrants: Object.fromEntries(seededBulkGrants(nowSeconds).map((g) => [g.id, g])),
    idempotency: {},
    revokedJtis: {},
    usedJtis: {},
    revokedFamilies: {},
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
  nowMs: number,
): StoredAuthorization[] {
  const nowSeconds = Math.floor(nowMs / 1000);
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
