/**
 * The ESPI REST API under `B/espi/1_1/resource` (docs/espi.md 1.3-1.7): every path of the GBA's description,
 * Atom feeds and entries written by the ESPI library's writer, bearer tokens checked in two layers as the
 * RI does (401 invalid_token for a token that is not live, then 403 insufficient_scope outside its
 * resourceURI or scope), and the query parameters of espi-request.ts. This module routes; registrations,
 * customer records, root forms and power quality are served by the modules named in the routing.
 */
import {
  type Authorization,
  CUSTOMER_RESOURCE_NAMES,
  type CustomerResourceName,
  type EspiEntry,
  writeEntry,
  writeServiceStatus,
} from '../espi/index.ts';
import { bulkDataSets, bulkMembers, findDataSet, type BulkDataSet } from './bulk.ts';
import { settleExpiries } from './bulk-notifications.ts';
import { authenticate, nowSeconds, type CustodianContext } from './context.ts';
import type { Client } from './directory.ts';
import {
  atom,
  customerScope,
  filtered,
  forbidden,
  parseQuery,
  reachable,
  single,
  type EspiRequest,
} from './espi-request.ts';
import { feedResponse } from './feed-stream.ts';
import { recordedRead } from './access-log.ts';
import { applicationInformation } from './application-information.ts';
import { customerResources } from './customer-resources.ts';
import { powerQualitySummaries } from './power-quality.ts';
import { rootUsageResources } from './root-resources.ts';
import { json, notFound } from './http-util.ts';
import { blockSpanByKey, blockSpans, zoneOf } from './readings.ts';
import {
  authorizationEntry,
  batchDescriptors,
  billingPeriods,
  intervalBlockDescriptor,
  localTimeEntry,
  memberDescriptors,
  meterReadingEntry,
  readingRange,
  readingTypeEntry,
  readingTypeId,
  usagePointEntry,
  usageSummaryDescriptor,
  visibleSpecs,
} from './resources.ts';
import { clientAuthorizationId } from './seed.ts';
import type { BulkGrant, StoredAuthorization } from './state.ts';

// --- Authorizations as ESPI resources ----------------------------------------------------------------

function resourceUri(ctx: CustodianContext, a: StoredAuthorization): string {
  if (a.kind === 'client') {
    return ctx.clients.get(a.clientId)?.bulkCapable
      ? `${ctx.espiBase}/Batch/Bulk`
      : `${ctx.espiBase}/Authorization`;
  }
  return `${ctx.espiBase}/Batch/Subscription/${a.subscriptionId}`;
}

export function espiAuthorization(ctx: CustodianContext, a: StoredAuthorization): EspiEntry {
  const end = a.authorizedPeriod.duration > 0 ? a.authorizedPeriod.start + a.authorizedPeriod.duration : 0;
  const resource: Omit<Authorization, 'meta'> = {
    authorizedPeriod: a.authorizedPeriod,
    publishedPeriod: a.publishedPeriod,
    status: a.status === 'revoked' ? 0 : a.status === 'denied' ? 2 : 1,
    expiresAt: end,
    ...(a.grantType ? { grantType: a.grantType } : {}),
    scope: a.scope,
    tokenType: 'Bearer',
    resourceURI: resourceUri(ctx, a),
    authorizationURI: `${ctx.espiBase}/Authorization/${a.id}`,
  };
  const title = ctx.clients.get(a.clientId)?.name ?? a.clientId;
  return authorizationEntry(ctx, resource, a.id, title, a.createdAt, a.revokedAt ?? a.updatedAt);
}

export function bulkAuthorization(ctx: CustodianContext, grant: BulkGrant): EspiEntry {
  const resource: Omit<Authorization, 'meta'> = {
    authorizedPeriod: {
      start: grant.createdAt,
      duration: grant.termEnd === null ? 0 : grant.termEnd - grant.createdAt,
    },
    publishedPeriod: { start: grant.createdAt, duration: 0 },
    status: grant.revoked ? 0 : 1,
    expiresAt: grant.termEnd ?? 0,
    scope: grant.scope,
    tokenType: 'Bearer',
    resourceURI: `${ctx.espiBase}/Batch/Bulk/${grant.bulkId}`,
    authorizationURI: `${ctx.espiBase}/Authorization/${grant.id}`,
  };
  const title = ctx.clients.get(grant.clientId)?.name ?? grant.clientId;
  return authorizationEntry(ctx, resource, grant.id, title, grant.createdAt, grant.updatedAt);
}

const isCustomerResource = (name: string | undefined): name is CustomerResourceName =>
  (CUSTOMER_RESOURCE_NAMES as readonly (string | undefined)[]).includes(name);

// --- Routing -----------------------------------------------------------------------------------------

export async function espiApi(ctx: CustodianContext, request: Request, path: string): Promise<Response> {
  const auth = await authenticate(ctx, request);
  if (!auth.ok) return auth.response;
  if (request.method !== 'GET') {
    return json(
      { error: 'method_not_allowed', error_description: 'This custodian serves ESPI resources read-only.' },
      405,
      { Allow: 'GET' },
    );
  }
  const url = new URL(request.url);
  const query = parseQuery(url);
  if (typeof query === 'string') return json({ error: 'invalid_request', error_description: query }, 400);
  const r: EspiRequest = { ctx, url, query, caller: auth.caller, at: nowSeconds(ctx) };
  return recordedRead(r, route(r, path));
}

function route(r: EspiRequest, path: string): Response {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth, ...rest] = segments;
  switch (first) {
    case 'ReadServiceStatus':
      if (segments.length !== 1) return notFound(path);
      // Tokens C, U and D read it (docs/espi.md 1.2); a third party's token for a customer's data does not.
      if (r.caller.authorization.kind === 'third-party')
        return forbidden('ReadServiceStatus is for client tokens, not a token for a customer’s data.');
      return atom(writeServiceStatus(1));
    case 'Authorization':
      return authorizations(r, second, segments.length);
    case 'ReadingType':
    case 'LocalTimeParameters':
      return rootResources(r, first, second, segments.length);
    case 'UsagePoint':
    case 'MeterReading':
    case 'IntervalBlock':
      return rootUsageResources(r, first, second, segments.length);
    case 'ApplicationInformation':
      return applicationInformation(r, second, segments.length);
    case 'Subscription':
      if (!second || third !== 'UsagePoint') return notFound(path);
      return subscription(r, second, fourth, rest);
    case 'Batch':
      if (
        second === 'Subscription' &&
        third &&
        (segments.length === 3 || (segments[3] === 'UsagePoint' && segments.length === 5))
      ) {
        return batchSubscription(r, third, segments[4]);
      }
      if (second === 'RetailCustomer' && third && segments[3] === 'UsagePoint' && segments.length === 4) {
        return batchRetailCustomer(r, third);
      }
      if (second === 'Bulk' && third && segments.length === 3) return batchBulk(r, third);
      return notFound(path);
    default:
      if (isCustomerResource(first)) return customerResources(r, first, second, segments.length);
      return notFound(`No ESPI resource at ${path}.`);
  }
}

function batchSubscription(
  r: EspiRequest,
  subscriptionId: string,
  usagePointId: string | undefined,
): Response {
  const s = customerScope(r);
  if (s instanceof Response) return s;
  if (subscriptionId !== s.subscriptionId)
    return forbidden(`This token's resourceURI is not Subscription ${subscriptionId}.`);
  let ups = reachable(r, s);
  if (usagePointId !== undefined) {
    ups = ups.filter((up) => up.id === usagePointId);
    if (ups.length === 0)
      return forbidden(`Usage point ${usagePointId} is outside this authorization or its scope.`);
  }
  return feedResponse(r.url, 'Green Button Subscription', batchDescriptors(s, ups, r.query), r.query, r.at);
}

function batchRetailCustomer(r: EspiRequest, retailCustomerId: string): Response {
  const s = customerScope(r);
  if (s instanceof Response) return s;
  const { authorization } = r.caller;
  if (authorization.kind !== 'own' || authorization.customerId !== retailCustomerId) {
    return forbidden('Download My Data is for the customer’s own token (docs/espi.md 1.3: tokens D and U).');
  }
  return feedResponse(
    r.url,
    'Green Button Download My Data',
    batchDescriptors(s, reachable(r, s), r.query),
    r.query,
    r.at,
  );
}

/**
 * `Batch/Bulk/{bulkId}`: every live grant's meters across customers, each meter under its own grant's
 * scope (bulk.ts), paged and streamed like every feed (feed-stream.ts).
 */
function batchBulk(r: EspiRequest, bulkId: string): Response {
  const { authorization, client } = r.caller;
  if (authorization.kind !== 'client' || !client.bulkCapable) {
    return forbidden('Batch/Bulk needs a client_credentials token of a bulk-capable third party.');
  }
  const dataSet = findDataSet(r.ctx, bulkId);
  if (!dataSet) return notFound(`No bulk ${bulkId}.`);
  if (dataSet.clientId !== client.clientId)
    return forbidden(`Bulk ${bulkId} belongs to another third party.`);
  settleExpiries(r.ctx, r.at);
  return feedResponse(
    r.url,
    `Green Button Bulk ${bulkId}`,
    memberDescriptors(bulkMembers(r.ctx, bulkId, r.at, r.query)),
    r.query,
    r.at,
  );
}

/** The Authorization of one offered data set: its bulk, published to the aggregator with its scope ceiling. */
function dataSetAuthorization(ctx: CustodianContext, client: Client, dataSet: BulkDataSet): EspiEntry {
  const registration = ctx.store.state.authorizations[clientAuthorizationId(client.clientId)];
  const since = registration?.createdAt ?? 0;
  const resource: Omit<Authorization, 'meta'> = {
    authorizedPeriod: { start: since, duration: 0 },
    publishedPeriod: { start: since, duration: 0 },
    status: 1,
    expiresAt: 0,
    grantType: 'client_credentials',
    scope: dataSet.scope,
    tokenType: 'Bearer',
    resourceURI: `${ctx.espiBase}/Batch/Bulk/${dataSet.bulkId}`,
    authorizationURI: `${ctx.espiBase}/Authorization/bulk-${dataSet.bulkId}`,
  };
  return authorizationEntry(
    ctx,
    resource,
    `bulk-${dataSet.bulkId}`,
    `${client.name}: bulk ${dataSet.bulkId}`,
    since,
    since,
  );
}

function authorizations(r: EspiRequest, id: string | undefined, depth: number): Response {
  if (depth > 2) return notFound('Authorization has no sub-resources.');
  const { authorization, client } = r.caller;
  const { state } = r.ctx.store;
  if (authorization.kind === 'client') {
    // A client token reads its own authorizations only (DC AuthorizationRESTController.index).
    const own = Object.values(state.authorizations).filter(
      (a) => a.clientId === client.clientId && a.kind !== 'own',
    );
    // Besides its registration and each customer's grant, one Authorization per offered data set
    // publishes the aggregator's bulkIds (bulk.ts).
    const dataSets = bulkDataSets(client);
    const grants = Object.values(state.bulkGrants).filter((g) => g.clientId === client.clientId);
    const entries = [
      ...own.map((a) => espiAuthorization(r.ctx, a)),
      ...dataSets.map((d) => dataSetAuthorization(r.ctx, client, d)),
      ...grants.map((g) => bulkAuthorization(r.ctx, g)),
    ];
    if (id === undefined)
      return feedResponse(r.url, 'Authorizations', filtered(entries.map(single), r.query), r.query, r.at);
    const dataSet = dataSets.find((d) => `bulk-${d.bulkId}` === id);
    if (dataSet) return atom(writeEntry(dataSetAuthorization(r.ctx, client, dataSet)));
    const found = own.find((a) => a.id === id) ?? grants.find((g) => g.id === id);
    if (!found) return forbidden(`Authorization ${id} is not one of this client's.`);
    return atom(
      writeEntry('bulkId' in found ? bulkAuthorization(r.ctx, found) : espiAuthorization(r.ctx, found)),
    );
  }
  // A customer-data token may read the Authorization it acts under (its authorizationURI), nothing else.
  if (id === authorization.id) return atom(writeEntry(espiAuthorization(r.ctx, authorization)));
  return forbidden(
    'Only a client_credentials token lists authorizations; this token may read its own authorizationURI.',
  );
}

function rootResources(
  r: EspiRequest,
  kind: 'ReadingType' | 'LocalTimeParameters',
  id: string | undefined,
  depth: number,
): Response {
  const s = customerScope(r);
  if (s instanceof Response) return s;
  if (depth > 2) return notFound(`${kind} has no sub-resources.`);
  const ups = reachable(r, s);
  const entries = new Map<string, EspiEntry>();
  for (const up of ups) {
    if (kind === 'LocalTimeParameters') {
      const zone = zoneOf(up.zone);
      if (!entries.has(zone.id)) entries.set(zone.id, localTimeEntry(r.ctx, zone));
    } else {
      for (const spec of visibleSpecs(s.limits, up)) {
        const key = readingTypeId(up, spec);
        if (!entries.has(key)) entries.set(key, readingTypeEntry(r.ctx, up, spec));
      }
    }
  }
  if (id === undefined)
    return feedResponse(r.url, kind, filtered([...entries.values()].map(single), r.query), r.query, r.at);
  const entry = entries.get(id);
  return entry ? atom(writeEntry(entry)) : notFound(`No ${kind} ${id} for this authorization.`);
}

function subscription(
  r: EspiRequest,
  subscriptionId: string,
  usagePointId: string | undefined,
  rest: string[],
): Response {
  const s = customerScope(r);
  if (s instanceof Response) return s;
  if (subscriptionId !== s.subscriptionId)
    return forbidden(`This token's resourceURI is not Subscription ${subscriptionId}.`);
  const ups = reachable(r, s);
  if (usagePointId === undefined) {
    return feedResponse(
      r.url,
      'UsagePoints',
      filtered(
        ups.map((up) => single(usagePointEntry(s, up))),
        r.query,
      ),
      r.query,
      r.at,
    );
  }
  const up = ups.find((u) => u.id === usagePointId);
  if (!up) return forbidden(`Usage point ${usagePointId} is outside this authorization or its scope.`);
  const [collection, memberId, child, childId, ...extra] = rest;
  if (collection === undefined) return atom(writeEntry(usagePointEntry(s, up)));
  if (extra.length > 0) return notFound(r.url.pathname);
  const range = readingRange(s, r.query);

  if (collection === 'MeterReading') {
    const specs = visibleSpecs(s.limits, up);
    if (memberId === undefined) {
      return feedResponse(
        r.url,
        'MeterReadings',
        filtered(
          specs.map((spec) => single(meterReadingEntry(s, up, spec))),
          r.query,
        ),
        r.query,
        r.at,
      );
    }
    const spec = specs.find((x) => x.key === memberId);
    if (!spec) return notFound(`No MeterReading ${memberId} in usage point ${up.id}.`);
    if (child === undefined) return atom(writeEntry(meterReadingEntry(s, up, spec)));
    if (child !== 'IntervalBlock') return notFound(r.url.pathname);
    if (childId === undefined) {
      const blocks = blockSpans(up, range.from, range.to, r.at).map((span) =>
        intervalBlockDescriptor(s, up, spec, span),
      );
      return feedResponse(r.url, 'IntervalBlocks', filtered(blocks, r.query), r.query, r.at);
    }
    const span = blockSpanByKey(up, childId, r.at);
    if (!span || span.start < range.from)
      return notFound(`No published IntervalBlock ${childId} within this scope.`);
    return atom(writeEntry(intervalBlockDescriptor(s, up, spec, span).build()));
  }

  if (collection === 'ElectricPowerQualitySummary') return powerQualitySummaries(r, s, up, memberId, child);
  if (collection === 'UsageSummary' || collection === 'ElectricPowerUsageSummary') {
    if (!s.limits.summaries) return forbidden('This scope has no usage summaries (function block 15).');
    if (collection === 'ElectricPowerUsageSummary' && up.serviceKind !== 0)
      return notFound('ElectricPowerUsageSummary is for electricity.');
    if (child !== undefined) return notFound(r.url.pathname);
    const periods = billingPeriods(up, range.from, range.to, r.at);
    if (memberId === undefined) {
      const summaries = periods.map((p) => usageSummaryDescriptor(s, up, p, collection));
      return feedResponse(r.url, collection, filtered(summaries, r.query), r.query, r.at);
    }
    const period = periods.find((p) => p.key === memberId);
    if (!period) return notFound(`No ${collection} ${memberId}.`);
    return atom(writeEntry(usageSummaryDescriptor(s, up, period, collection).build()));
  }
  return notFound(r.url.pathname);
}
