/**
 * The ESPI REST API under `B/espi/1_1/resource` (docs/espi.md 1.3-1.6): Atom feeds and entries written by
 * the ESPI library's writer, bearer tokens checked in two layers as the RI does (401 invalid_token for
 * a token that is not live, then 403 insufficient_scope outside its resourceURI or scope), and the
 * query parameters published-min/max, updated-min/max, max-results and start-index.
 */
import type { Authorization } from '../espi/model.ts';
import { writeEntry, writeServiceStatus, type EspiEntry } from '../espi/write-xml.ts';
import { bulkDataSets, bulkMembers, findDataSet, type BulkDataSet } from './bulk.ts';
import { settleExpiries } from './bulk-notifications.ts';
import { authenticate, espiScopeOf, nowSeconds, type Caller, type CustodianContext } from './context.ts';
import { findUsagePoint, type Client, type UsagePointInfo } from './directory.ts';
import { ATOM, PAGE_SIZE, feedResponse, type Page } from './feed-stream.ts';
import { bearerError, isoSeconds, json, notFound } from './http-util.ts';
import { blockSpanByKey, blockSpans, zoneOf } from './readings.ts';
import {
  authorizationEntry,
  batchDescriptors,
  billingPeriods,
  inUpdatedWindow,
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
  type EntryDescriptor,
  type ResourceScope,
  type TimeWindow,
} from './resources.ts';
import { clientAuthorizationId } from './seed.ts';
import { scopeLimits } from './scope-limits.ts';
import type { BulkGrant, StoredAuthorization } from './state.ts';

interface Query extends TimeWindow, Page {}

// The RI accepts only whole-second UTC; fractions and offsets are accepted here too (real clients send them).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseQuery(url: URL): Query | string {
  const query: Query = { startIndex: 1 };
  const dates = [
    ['published-min', 'publishedMin'],
    ['published-max', 'publishedMax'],
    ['updated-min', 'updatedMin'],
    ['updated-max', 'updatedMax'],
  ] as const;
  for (const [name, key] of dates) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    const ms = Date.parse(value);
    if (!DATE_TIME.test(value) || Number.isNaN(ms)) {
      return `${name} must be an xs:dateTime such as 2025-01-31T00:00:00Z, not "${value}".`;
    }
    query[key] = Math.floor(ms / 1000);
  }
  for (const [name, min] of [
    ['max-results', 0],
    ['start-index', 1],
  ] as const) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    if (!/^\d{1,9}$/.test(value) || Number(value) < min) {
      return `${name} must be a whole number of at least ${min}, not "${value}".`;
    }
    if (name === 'max-results' && Number(value) > PAGE_SIZE.max) {
      return `max-results may be at most ${PAGE_SIZE.max} (default ${PAGE_SIZE.default}): follow the feed's rel="next" link for the entries after a page.`;
    }
    if (name === 'max-results') query.maxResults = Number(value);
    else query.startIndex = Number(value);
  }
  return query;
}

function atom(body: string): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': ATOM, 'Cache-Control': 'no-store' } });
}

const forbidden = (description: string) => bearerError(403, 'insufficient_scope', description);

/** Filters of a collection feed: every entry by its published/updated, interval data by reading time. */
function inWindow(d: EntryDescriptor, window: TimeWindow): boolean {
  if (!inUpdatedWindow(d, window)) return false;
  const start = d.span?.start ?? d.published;
  const end = d.span?.end ?? d.published;
  return (window.publishedMin ?? -Infinity) <= start && end <= (window.publishedMax ?? Infinity);
}

function* filtered(descriptors: Iterable<EntryDescriptor>, window: TimeWindow): Generator<EntryDescriptor> {
  for (const d of descriptors) if (inWindow(d, window)) yield d;
}

function single(entry: EspiEntry): EntryDescriptor {
  return {
    kind: entry.kind,
    published: Date.parse(entryPublished(entry)) / 1000,
    updated: Date.parse(entryPublished(entry)) / 1000,
    build: () => entry,
  };
}

function entryPublished(entry: EspiEntry): string {
  const meta = entry.kind === 'IntervalBlock' ? entry.block.meta : entry.resource.meta;
  return meta.published ?? meta.updated ?? isoSeconds(0);
}

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

// --- Routing -----------------------------------------------------------------------------------------

interface EspiRequest {
  ctx: CustodianContext;
  url: URL;
  query: Query;
  caller: Caller;
  at: number;
}

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
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth, ...rest] = segments;
  switch (first) {
    case 'ReadServiceStatus':
      return segments.length === 1 ? atom(writeServiceStatus(1)) : notFound(path);
    case 'Authorization':
      return authorizations(r, second, segments.length);
    case 'ReadingType':
    case 'LocalTimeParameters':
      return rootResources(r, first, second, segments.length);
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
      return notFound(`No ESPI resource at ${path}.`);
  }
}

function customerScope(r: EspiRequest): ResourceScope | Response {
  const { authorization, claims } = r.caller;
  if (authorization.kind !== 'third-party' && authorization.kind !== 'own') {
    return forbidden(
      'This token is a client token: it reads Authorization, Batch/Bulk and ReadServiceStatus only.',
    );
  }
  return {
    ctx: r.ctx,
    nowSeconds: r.at,
    limits: scopeLimits(espiScopeOf(claims.scope) ?? authorization.scope),
    subscriptionId: authorization.subscriptionId,
  };
}

/** The usage points this caller's authorization and scope reach. */
function reachable(r: EspiRequest, s: ResourceScope): UsagePointInfo[] {
  return r.caller.authorization.usagePointIds
    .map(findUsagePoint)
    .filter((up): up is UsagePointInfo => up !== undefined && s.limits.serviceKinds.has(up.serviceKind));
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
