/**
 * `GET B/api/customer/v1/authorizations/{id}/access-log` (docs/openapi.yaml, "Access log"): one of the
 * customer's authorizations, its recorded reads (access-log.ts), newest first, filtered by a time range
 * and a usage point, one page at a time, with when the app last read at all (whatever the filters).
 */
import { ACCESS_LOG_CAP, accessLogOf, lastAccessedAt } from './access-log.ts';
import type { CustodianContext } from './context.ts';
import { json } from './http-util.ts';
import type { AccessLogEntry, StoredAuthorization } from './state.ts';
import { isoSeconds, secondsOf } from '../espi/index.ts';

interface LogQuery {
  /** Epoch seconds, inclusive. */
  from?: number;
  /** Epoch seconds, exclusive. */
  to?: number;
  usagePointId?: string;
  offset: number;
  limit: number;
}

/** The query parameters, or a sentence saying which one is malformed. */
function parseLogQuery(params: URLSearchParams): LogQuery | string {
  const query: LogQuery = { offset: 0, limit: 50 };
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (value === null) continue;
    const ms = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
      return `${name} must be an RFC 3339 date-time such as 2025-06-01T00:00:00Z, not "${value}".`;
    }
    query[name] = secondsOf(ms);
  }
  const usagePointId = params.get('usagePointId');
  if (usagePointId) query.usagePointId = usagePointId;
  for (const [name, max] of [
    ['offset', ACCESS_LOG_CAP],
    ['limit', ACCESS_LOG_CAP],
  ] as const) {
    const value = params.get(name);
    if (value === null) continue;
    if (!/^\d{1,4}$/.test(value) || Number(value) > max || (name === 'limit' && Number(value) < 1)) {
      return `${name} must be a whole number from ${name === 'limit' ? 1 : 0} to ${max}, not "${value}".`;
    }
    query[name] = Number(value);
  }
  return query;
}

function matches(entry: AccessLogEntry, q: LogQuery): boolean {
  return (
    (q.from === undefined || entry.at >= q.from) &&
    (q.to === undefined || entry.at < q.to) &&
    (q.usagePointId === undefined || entry.usagePointIds.includes(q.usagePointId))
  );
}

export function accessLogResponse(ctx: CustodianContext, a: StoredAuthorization, url: URL): Response {
  const query = parseLogQuery(url.searchParams);
  if (typeof query === 'string') return json({ error: 'invalid_request', error_description: query }, 400);
  const { state } = ctx.store;
  const selected = accessLogOf(state, a.id)
    .filter((entry) => matches(entry, query))
    .reverse();
  const last = lastAccessedAt(state, a.id);
  return json({
    authorizationId: a.id,
    lastAccessedAt: last === undefined ? null : isoSeconds(last),
    capacity: ACCESS_LOG_CAP,
    total: selected.length,
    offset: query.offset,
    limit: query.limit,
    entries: selected.slice(query.offset, query.offset + query.limit).map((entry) => ({
      id: entry.id,
      at: isoSeconds(entry.at),
      resource: entry.resource,
      usagePointIds: entry.usagePointIds,
      entries: entry.entries,
      readings: entry.readings,
      bytes: entry.bytes,
    })),
  });
}
