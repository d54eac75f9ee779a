/**
 * `GET B/api/customer/v1/usage-summaries` (docs/openapi.yaml, "Usage summaries"): every usage point's
 * figures for one local month and the same month a year before (use, cost, peak demand, readings and
 * estimates) and when its readings end, one page of meters at a time. A portfolio of 1,280 meters gets
 * its totals, rankings and outliers from a few kilobytes per meter instead of 3.7 million interval
 * readings a month; ESPI's UsageSummary has no peak, no estimate count and no last reading, and is read
 * one usage point at a time.
 *
 * Each meter-month comes from `periodFigures` (resources.ts), which keeps the figures of every month
 * whose data is wholly published: a closed month is generated once, then answered from memory.
 */
import type { Customer, UsagePointInfo } from './directory.ts';
import { isoSeconds } from '../espi/index.ts';
import { json } from './http-util.ts';
import { dataEnd, dataStart, meterDataEnd, zoneOf, type BlockSpan } from './readings.ts';
import { periodFigures, type PeriodFigures } from './resources.ts';

/** Meters per page when none is asked, and at most: a cold page of 500 electricity meters is about 1 s of generation. */
export const SUMMARY_PAGE = 200;
export const SUMMARY_PAGE_MAX = 500;

const MONTH = /^(\d{4})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

interface SummaryQuery {
  /** A local month of the customer's zone; undefined: the latest whole month. */
  month?: { year: number; month: number };
  offset: number;
  limit: number;
}

function parseQuery(params: URLSearchParams): SummaryQuery | string {
  const query: SummaryQuery = { offset: 0, limit: SUMMARY_PAGE };
  const month = params.get('month');
  if (month !== null) {
    const match = MONTH.exec(month);
    const m = Number(match?.[2]);
    if (!match || m < 1 || m > 12) return `month must be a month such as 2025-06, not "${month}".`;
    query.month = { year: Number(match[1]), month: m };
  }
  for (const [name, min, max] of [
    ['offset', 0, 1_000_000],
    ['limit', 1, SUMMARY_PAGE_MAX],
  ] as const) {
    const value = params.get(name);
    if (value === null) continue;
    if (!/^\d{1,7}$/.test(value) || Number(value) < min || Number(value) > max) {
      return `${name} must be a whole number from ${min} to ${max}, not "${value}".`;
    }
    query[name] = Number(value);
  }
  return query;
}

function monthSpan(customer: Customer, year: number, month: number): BlockSpan {
  const { clock } = zoneOf(customer.zone);
  const start = clock.fromLocal(year, month, 1);
  return { key: `${year}-${pad(month)}`, start, end: clock.addLocalMonths(start, 1) };
}

function monthKey(customer: Customer, epochSeconds: number): string {
  const p = zoneOf(customer.zone).clock.toLocal(epochSeconds);
  return `${p.year}-${pad(p.month)}`;
}

function figuresJson(f: PeriodFigures) {
  return {
    use: f.total,
    cost: f.cost,
    peakDemand: Math.round(f.peak),
    readings: f.readings,
    estimated: f.estimated,
  };
}

function meterSummary(up: UsagePointInfo, month: BlockSpan, yearAgo: BlockSpan, first: number, now: number) {
  const spec = up.readings[0];
  return {
    usagePointId: up.id,
    unit: { uom: spec?.uom ?? 0, powerOfTenMultiplier: spec?.powerOfTenMultiplier ?? 0 },
    currency: 840,
    current: figuresJson(periodFigures(up, month, now)),
    // A year before the data begins there is nothing to compare with: null, never zero.
    yearAgo: yearAgo.start >= first ? figuresJson(periodFigures(up, yearAgo, now)) : null,
    readingsEnd: isoSeconds(meterDataEnd(up, now)),
  };
}

export function usageSummariesResponse(customer: Customer, url: URL, now: number): Response {
  const query = parseQuery(url.searchParams);
  if (typeof query === 'string') return json({ error: 'invalid_request', error_description: query }, 400);
  const zone = zoneOf(customer.zone);
  const end = dataEnd(zone, now);
  const first = dataStart(zone, now);
  const lastWhole = zone.clock.addLocalMonths(zone.clock.startOfLocalMonth(end), -1);
  const firstWithData = zone.clock.startOfLocalMonth(first);
  const asked = query.month ?? zone.clock.toLocal(lastWhole);
  const month = monthSpan(customer, asked.year, asked.month);
  if (month.start < firstWithData || month.start >= end) {
    return json(
      {
        error: 'invalid_request',
        error_description: `month must be one with published data, from ${monthKey(customer, firstWithData)} to ${monthKey(customer, end - 1)}.`,
      },
      400,
    );
  }
  const yearAgo = monthSpan(customer, asked.year - 1, asked.month);
  const meters = customer.usagePoints;
  const page = meters.slice(query.offset, query.offset + query.limit);
  const nextOffset = query.offset + query.limit;
  const next = new URL(url);
  next.searchParams.set('month', month.key);
  next.searchParams.set('offset', String(nextOffset));
  next.searchParams.set('limit', String(query.limit));
  return json({
    month: month.key,
    period: { start: isoSeconds(month.start), end: isoSeconds(month.end) },
    complete: month.end <= end,
    yearAgoMonth: yearAgo.key,
    months: { first: monthKey(customer, firstWithData), last: monthKey(customer, end - 1) },
    dataEnd: isoSeconds(end),
    total: meters.length,
    offset: query.offset,
    limit: query.limit,
    next: nextOffset < meters.length ? next.href : null,
    summaries: page.map((up) => meterSummary(up, month, yearAgo, first, now)),
  });
}
