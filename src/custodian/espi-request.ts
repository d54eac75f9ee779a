/**
 * What every handler of the ESPI API shares (espi-api.ts routes; the modules beside it serve): the parsed
 * request with its caller, the query parameters of docs/espi.md 1.4, the Atom answers and the two token
 * checks after authentication (a customer-data token, the usage points it reaches).
 */
import { type EspiEntry, isoSeconds, secondsOf } from '../espi/index.ts';
import { espiScopeOf, type Caller, type CustodianContext } from './context.ts';
import { findUsagePoint, type UsagePointInfo } from './directory.ts';
import { ATOM, PAGE_SIZE, type Page } from './feed-stream.ts';
import { bearerError } from './http-util.ts';
import { inUpdatedWindow, type EntryDescriptor, type ResourceScope, type TimeWindow } from './resources.ts';
import { isScopeWithin, narrowScope, scopeLimits } from './scope-limits.ts';

export interface Query extends TimeWindow, Page {}

export interface EspiRequest {
  ctx: CustodianContext;
  url: URL;
  query: Query;
  caller: Caller;
  at: number;
}

// The RI accepts only whole-second UTC; fractions and offsets are accepted here too (real clients send them).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The seven query parameters (docs/espi.md 1.4), or a sentence saying which one is malformed. */
export function parseQuery(url: URL): Query | string {
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
    query[key] = secondsOf(ms);
  }
  // depth is "the maximum number of entries to be transferred" (GBA description): a page size like
  // max-results, which wins when both are given.
  for (const [name, min] of [
    ['depth', 0],
    ['max-results', 0],
    ['start-index', 1],
  ] as const) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    if (!/^\d{1,9}$/.test(value) || Number(value) < min) {
      return `${name} must be a whole number of at least ${min}, not "${value}".`;
    }
    if (name !== 'start-index' && Number(value) > PAGE_SIZE.max) {
      return `${name} may be at most ${PAGE_SIZE.max} (default ${PAGE_SIZE.default}): follow the feed's rel="next" link for the entries after a page.`;
    }
    if (name === 'start-index') query.startIndex = Number(value);
    else query.maxResults = Number(value);
  }
  return query;
}

export function atom(body: string): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': ATOM, 'Cache-Control': 'no-store' } });
}

export const forbidden = (description: string) => bearerError(403, 'insufficient_scope', description);

/** Filters of a collection feed: every entry by its published/updated, interval data by reading time. */
function inWindow(d: EntryDescriptor, window: TimeWindow): boolean {
  if (!inUpdatedWindow(d, window)) return false;
  const start = d.span?.start ?? d.published;
  const end = d.span?.end ?? d.published;
  return (window.publishedMin ?? -Infinity) <= start && end <= (window.publishedMax ?? Infinity);
}

export function* filtered(
  descriptors: Iterable<EntryDescriptor>,
  window: TimeWindow,
): Generator<EntryDescriptor> {
  for (const d of descriptors) if (inWindow(d, window)) yield d;
}

/** A built entry as a feed member, filtered by its Atom published time. */
export function single(entry: EspiEntry): EntryDescriptor {
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

/** The scope of a customer-data token (a third party's, or the customer's own), or 403 for a client token. */
export function customerScope(r: EspiRequest): ResourceScope | Response {
  const { authorization, claims } = r.caller;
  if (authorization.kind !== 'third-party' && authorization.kind !== 'own') {
    return forbidden(
      'This token is a client token: it reads ApplicationInformation, Authorization, Batch/Bulk and ReadServiceStatus only.',
    );
  }
  const tokenScope = espiScopeOf(claims.scope);
  // Terms narrowed after a token was issued hold at once, not when the token expires. The customer's own
  // script is refused until it refreshes (own-api.ts: it never gets less than it asked without being told);
  // a third party reads under the narrowed terms at once, having been told by a BatchList
  // (authorization-changes.ts).
  if (authorization.kind === 'own' && tokenScope && !isScopeWithin(tokenScope, authorization.scope)) {
    return forbidden('This token’s scope is wider than its authorization now allows: refresh it.');
  }
  return {
    ctx: r.ctx,
    nowSeconds: r.at,
    limits: scopeLimits(narrowScope(tokenScope ?? authorization.scope, authorization.scope)),
    subscriptionId: authorization.subscriptionId,
  };
}

/** The usage points this caller's authorization and scope reach. */
export function reachable(r: EspiRequest, s: ResourceScope): UsagePointInfo[] {
  return r.caller.authorization.usagePointIds
    .map(findUsagePoint)
    .filter((up): up is UsagePointInfo => up !== undefined && s.limits.serviceKinds.has(up.serviceKind));
}
