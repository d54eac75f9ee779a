/**
 * The access log's filters as they live in the detail page's URL (`from`, `to`, `meter`, `logPage`), and
 * as the customer API takes them (docs/openapi.yaml, "Access log"). Free of React.
 *
 * Dates are whole days as the customer picks them in a date field, read in the browser's time zone: "from
 * 3 June to 5 June" is from the start of 3 June to the end of 5 June where the customer is, so the API
 * gets `from` = that first midnight and `to` = the midnight after the last day (exclusive).
 */

export interface AccessLogFilters {
  /** `YYYY-MM-DD`, inclusive; empty: no bound. */
  from: string;
  /** `YYYY-MM-DD`, inclusive; empty: no bound. */
  to: string;
  /** A usage point id; empty: every meter. */
  meter: string;
  /** 1-based. */
  page: number;
}

export const LOG_PAGE_SIZE = 20;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight starting a `YYYY-MM-DD` day in the browser's zone, or undefined for anything else. */
function localMidnight(day: string, addDays = 0): Date | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = new Date(year, month - 1, date + addDays);
  // 2025-02-30 rolls over into March: not a day anyone picked.
  const real = new Date(year, month - 1, date);
  return real.getMonth() === month - 1 && real.getDate() === date ? midnight : undefined;
}

/** The filters a URL holds; anything unreadable is dropped, so a shared or edited link never breaks. */
export function readLogFilters(params: URLSearchParams): AccessLogFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return localMidnight(value) ? value : '';
  };
  const page = Number(params.get('logPage'));
  return {
    from: day('from'),
    to: day('to'),
    meter: (params.get('meter') ?? '').slice(0, 200),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/**
 * `params` with the filters written in (defaults left out, other parameters kept). A new filter starts
 * at the first page.
 */
export function writeLogFilters(params: URLSearchParams, filters: AccessLogFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  set('from', filters.from);
  set('to', filters.to);
  set('meter', filters.meter);
  set('logPage', filters.page > 1 ? String(filters.page) : '');
  return next;
}

/** The customer API's query for these filters: one page, or (`all`) the whole filtered log. */
export function logApiQuery(filters: AccessLogFilters, page: { offset: number; limit: number }): string {
  const query = new URLSearchParams();
  const from = localMidnight(filters.from);
  const to = localMidnight(filters.to, 1);
  if (from) query.set('from', from.toISOString());
  if (to) query.set('to', to.toISOString());
  if (filters.meter) query.set('usagePointId', filters.meter);
  query.set('offset', String(page.offset));
  query.set('limit', String(page.limit));
  return query.toString();
}

export function hasFilters(filters: AccessLogFilters): boolean {
  return Boolean(filters.from || filters.to || filters.meter);
}
