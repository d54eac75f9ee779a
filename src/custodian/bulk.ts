/**
 * Bulk as ESPI means it (issue 20; docs/openapi.yaml "Bulk"): *bulk* is many resources under the
 * authorizations of one or more retail customers, delivered to one bulk party. Each bulk-capable third
 * party has one bulkId per data set it offers (its registered scopes, `Client.bulkIds`); every customer's
 * grant of that data set joins that bulk, with the grant's own scope (`BR={bulkId}` added) as that
 * customer's terms. `Batch/Bulk/{bulkId}` carries the meters of every live grant, each under its own
 * grant's scope: one customer's narrower choices never widen, and another's never narrow, its meters.
 */
import { formatScope, parseScope } from '../espi/index.ts';
import { bulkGrantStatus, type CustodianContext } from './context.ts';
import type { Client, UsagePointInfo } from './directory.ts';
import { findAnyCustomer } from './population.ts';
import { dataEnd, zoneOf } from './readings.ts';
import type { FeedMember, TimeWindow } from './resources.ts';
import { isScopeWithin, scopeLimits } from './scope-limits.ts';
import type { BulkGrant, CustodianState } from './state.ts';

/** One data set a bulk-capable third party offers: its bulk, and the most a grant of it may share. */
export interface BulkDataSet {
  bulkId: string;
  clientId: string;
  /** The registered scope with `BR={bulkId}`: the ceiling of every grant in this bulk. */
  scope: string;
}

export function bulkScope(baseScope: string, bulkId: string): string {
  return formatScope({ ...parseScope(baseScope), bulkId });
}

/**
 * The bulks of a third party, one per offered data set: what its ApplicationInformation and its
 * client_credentials Authorizations publish (empty for a client that is not bulk-capable).
 */
export function bulkDataSets(client: Client): BulkDataSet[] {
  if (!client.bulkCapable) return [];
  return client.scopes.flatMap((scope, i) => {
    const bulkId = client.bulkIds?.[i];
    return bulkId === undefined
      ? []
      : [{ bulkId, clientId: client.clientId, scope: bulkScope(scope, bulkId) }];
  });
}

export function findDataSet(ctx: CustodianContext, bulkId: string): BulkDataSet | undefined {
  for (const client of ctx.clients.values()) {
    const found = bulkDataSets(client).find((d) => d.bulkId === bulkId);
    if (found) return found;
  }
  return undefined;
}

/**
 * The data set a customer's grant joins: the one named, or else the first whose scope holds the
 * requested scope entirely (function blocks and history); undefined when none does.
 */
export function dataSetFor(client: Client, scope: string, bulkId?: string): BulkDataSet | undefined {
  return bulkDataSets(client).find(
    (d) => (bulkId === undefined || d.bulkId === bulkId) && isScopeWithin(scope, d.scope),
  );
}

/** The grants of a bulk that are live at `at`, oldest first: a stable order for paging. */
export function liveGrants(state: CustodianState, bulkId: string, at: number): BulkGrant[] {
  return Object.values(state.bulkGrants)
    .filter((g) => g.bulkId === bulkId && bulkGrantStatus(g, at) === 'active')
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** A bulk without a window carries each meter's latest published local day (a year of 50,000 meters is no pull). */
function latestDay(up: UsagePointInfo, at: number): TimeWindow {
  const zone = zoneOf(up.zone);
  const end = dataEnd(zone, at);
  return { publishedMin: zone.clock.addLocalDays(end, -1), publishedMax: end };
}

/**
 * Meters of `grant` that a newer live grant of the same customer in the same bulk also holds: a meter
 * is served once, under the customer's latest word (revoking that grant returns it to the older terms).
 * Customers rarely hold two grants of one bulk, so this is usually empty and costs nothing.
 */
function shadowedMeters(grant: BulkGrant, sameCustomer: BulkGrant[]): Set<string> {
  const newer = sameCustomer.filter(
    (g) => g.createdAt > grant.createdAt || (g.createdAt === grant.createdAt && g.id > grant.id),
  );
  return new Set(newer.flatMap((g) => g.usagePointIds));
}

/**
 * The feed members of a bulk: each live grant's meters with that grant's scope and window, in the URL
 * space of the grant's own subscription and linked to its Authorization, so the aggregator can tell
 * whose terms each meter is read under. Lazy: a page is built from the members it shows.
 */
export function* bulkMembers(
  ctx: CustodianContext,
  bulkId: string,
  at: number,
  window: TimeWindow,
): Generator<FeedMember> {
  const windowed = window.publishedMin !== undefined || window.publishedMax !== undefined;
  const grants = liveGrants(ctx.store.state, bulkId, at);
  const byCustomer = new Map<string, BulkGrant[]>();
  for (const g of grants) byCustomer.set(g.customerId, [...(byCustomer.get(g.customerId) ?? []), g]);
  for (const grant of grants) {
    const customer = findAnyCustomer(grant.customerId);
    if (!customer) continue;
    const meters = new Map(customer.usagePoints.map((up) => [up.id, up]));
    const shadowed = shadowedMeters(grant, byCustomer.get(grant.customerId) ?? []);
    const s = {
      ctx,
      nowSeconds: at,
      limits: scopeLimits(grant.scope),
      subscriptionId: grant.id,
      authorizationUri: `${ctx.espiBase}/Authorization/${grant.id}`,
    };
    for (const id of grant.usagePointIds) {
      const up = meters.get(id);
      if (!up || shadowed.has(id) || !s.limits.serviceKinds.has(up.serviceKind)) continue;
      yield { s, up, window: windowed ? window : { ...window, ...latestDay(up, at) } };
    }
  }
}
