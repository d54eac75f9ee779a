/**
 * What the chart and its table draw for one usage point, range and resolution: one row per bucket with
 * delivered, received and net (never added together), cost, estimated readings, and the same buckets a
 * year earlier. A bucket without readings is `null`, which the chart draws as a break in the line: a gap,
 * never a zero (reference section 6).
 */
import {
  aggregateOrSlice,
  type Aggregation,
  type Combine,
  coverageOf,
  type DateTimeInterval,
  givenBillingPeriods,
  type LocalTime,
  netOf,
  periodsCovering,
  type Resolution as AggregateResolution,
  type UsagePoint,
} from '../../../espi/index.ts';
import type { Flow } from './readings.ts';
import { flowReadings } from './readings.ts';
import type { Resolution } from './range.ts';

export interface ChartRow {
  /** Bucket start and end, epoch seconds. */
  start: number;
  end: number;
  delivered: number | null;
  received: number | null;
  net: number | null;
  /** Currency units, of delivered use (net of credits where the custodian prices exports). */
  cost: number | null;
  /** The primary flow a year earlier, in the same bucket position. */
  compare: number | null;
  /** Readings in the bucket that are estimates (ReadingQuality 8, 9, 12). */
  estimated: number;
  /**
   * A month or billing period the readings shown cover only part of (the data starts or ends inside it,
   * or the range cuts it, as in the current period): how many of its local days they cover.
   */
  partial?: { days: number; periodDays: number };
}

export interface ChartData {
  rows: ChartRow[];
  /** The flows this usage point has, in drawing order. */
  flows: Flow[];
  unit: string;
  /** How readings combine into a bucket: `sum` buckets are totals (drawn as bars), `max`/`mean` are not. */
  combine: Combine;
  currency?: number;
  hasCost: boolean;
  /** The resolution actually drawn: billing periods fall back to months when the feed names none. */
  resolution: Resolution;
  /** Stretches of the range without readings of the primary flow. */
  gaps: DateTimeInterval[];
}

/** What a reading without a ReadingType (or with no unit in it) is in: its raw values, unscaled. */
export const UNKNOWN_UNIT = 'unknown unit';

const AGGREGATE_RESOLUTION: Readonly<Record<Resolution, AggregateResolution>> = {
  interval: 'interval',
  hour: 'hour',
  day: 'day',
  month: 'month',
  billing: 'billingPeriod',
};

const valueOrNull = (agg: Aggregation | undefined, i: number): number | null => {
  const v = agg?.value[i];
  return v === undefined || Number.isNaN(v) ? null : v;
};

/**
 * Interval readings have no common buckets: received readings are matched to delivered ones by start, and
 * a null row goes in each gap so the line breaks there.
 */
function intervalRows(delivered: Aggregation, received: Aggregation | undefined): ChartRow[] {
  const receivedAt = new Map<number, number>();
  if (received) for (let i = 0; i < received.count; i++) receivedAt.set(received.start[i] ?? 0, i);
  const gapStarts = new Set(delivered.gaps.map((g) => g.start));
  const rows: ChartRow[] = [];
  for (let i = 0; i < delivered.count; i++) {
    const start = delivered.start[i] ?? 0;
    const end = delivered.end[i] ?? 0;
    const d = valueOrNull(delivered, i);
    const j = receivedAt.get(start);
    const r = j === undefined ? null : valueOrNull(received, j);
    const cost = delivered.cost[i] ?? NaN;
    rows.push({
      start,
      end,
      delivered: d,
      received: r,
      net: received && d !== null && r !== null ? d - r : null,
      cost: Number.isNaN(cost) ? null : cost,
      compare: null,
      estimated: (delivered.estimated[i] ?? 0) + (j === undefined ? 0 : (received?.estimated[j] ?? 0)),
    });
    if (gapStarts.has(end)) rows.push(gapRow(end));
  }
  if (delivered.count > 0 && gapStarts.has(delivered.start[0] ?? 0))
    rows.unshift(gapRow(delivered.start[0] ?? 0));
  return rows;
}

function gapRow(at: number): ChartRow {
  return {
    start: at,
    end: at,
    delivered: null,
    received: null,
    net: null,
    cost: null,
    compare: null,
    estimated: 0,
  };
}

function bucketRows(
  delivered: Aggregation,
  received: Aggregation | undefined,
  net: Aggregation | undefined,
): ChartRow[] {
  const rows: ChartRow[] = [];
  for (let i = 0; i < delivered.count; i++) {
    const cost = delivered.cost[i] ?? NaN;
    rows.push({
      start: delivered.start[i] ?? 0,
      end: delivered.end[i] ?? 0,
      delivered: valueOrNull(delivered, i),
      received: valueOrNull(received, i),
      net: valueOrNull(net, i),
      cost: Number.isNaN(cost) ? null : cost,
      compare: null,
      estimated: (delivered.estimated[i] ?? 0) + (received?.estimated[i] ?? 0),
    });
  }
  return rows;
}

/** Where the readings in `range` start and end: the range less the gaps at either end of it. */
function dataSpan(agg: Aggregation, range: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = range;
  const first = agg.gaps[0];
  const last = agg.gaps.at(-1);
  if (first && first.start <= start) start = first.start + first.duration;
  if (last && last.start + last.duration >= end) end = last.start;
  return { start, end: Math.max(start, end) };
}

/** Marks the periods the data covers only part of (periods.ts `coverageOf`), in place. */
function markPartial(rows: ChartRow[], clock: LocalTime, span: { start: number; end: number }): void {
  for (const row of rows) {
    const coverage = coverageOf(clock, row, span.start, span.end);
    if (coverage.partial && coverage.days > 0)
      row.partial = { days: coverage.days, periodDays: coverage.periodDays };
  }
}

export interface SeriesOptions {
  resolution: Resolution;
  clock: LocalTime;
  bounds: { start: number; end: number };
}

/** The rows of a usage point over `bounds` at a resolution. */
export function buildChartData(usagePoint: UsagePoint, options: SeriesOptions): ChartData {
  const flows = flowReadings(usagePoint);
  const primary = flows.find((f) => f.flow === 'delivered') ?? flows.find((f) => f.flow === 'net');
  const received = flows.find((f) => f.flow === 'received');
  // The billing periods given, and the current one after them (espi/periods.ts).
  const periods = periodsCovering(
    options.clock,
    givenBillingPeriods(usagePoint.usageSummaries),
    options.bounds.start,
    options.bounds.end,
  ).flatMap((p) => (p.kind === 'billing' ? [{ start: p.start, duration: p.end - p.start }] : []));
  const resolution: Resolution =
    options.resolution === 'billing' && periods.length === 0 ? 'month' : options.resolution;
  if (!primary)
    return { rows: [], flows: [], unit: '', combine: 'sum', hasCost: false, resolution, gaps: [] };

  const aggregateOptions = {
    resolution: AGGREGATE_RESOLUTION[resolution],
    clock: options.clock,
    range: options.bounds,
    billingPeriods: periods,
  };
  const d = aggregateOrSlice(primary.meterReading, aggregateOptions);
  const sameUnit = received && received.unit.unit === primary.unit.unit;
  const r = sameUnit ? aggregateOrSlice(received.meterReading, aggregateOptions) : undefined;
  const isNetReading = primary.flow === 'net';
  let rows: ChartRow[];
  if (resolution === 'interval') rows = intervalRows(d, r);
  else rows = bucketRows(d, r, r ? netOf(d, r) : undefined);
  if (isNetReading) rows = rows.map((row) => ({ ...row, net: row.delivered, delivered: null }));
  if (resolution === 'month' || resolution === 'billing')
    markPartial(rows, options.clock, dataSpan(d, options.bounds));

  const shownFlows: Flow[] = isNetReading ? ['net'] : r ? ['delivered', 'received', 'net'] : ['delivered'];
  return {
    rows,
    flows: shownFlows,
    unit: d.unit === 'none' ? UNKNOWN_UNIT : d.unit,
    combine: d.combine,
    ...(d.currency === undefined ? {} : { currency: d.currency }),
    hasCost: rows.some((row) => row.cost !== null),
    resolution,
    gaps: d.gaps,
  };
}

/**
 * The year-earlier rows laid over the current ones bucket by bucket (the nth day against the nth day), of
 * the primary flow: net for a net-metered usage point, delivered otherwise.
 */
export function withComparison(current: ChartData, earlier: ChartData | undefined): ChartData {
  if (!earlier || earlier.rows.length === 0) return current;
  const pick = (row: ChartRow) => (current.flows.includes('received') ? row.net : (row.delivered ?? row.net));
  const earlierRows = earlier.rows.filter((row) => row.end > row.start);
  let k = 0;
  const rows = current.rows.map((row) => {
    if (row.end === row.start) return row;
    const match = earlierRows[k++];
    return { ...row, compare: match ? pick(match) : null };
  });
  return { ...current, rows };
}

/** The rows in another unit (unit-options.ts): quantities scaled, cost and estimates as they were. */
export function inUnit(data: ChartData, unit: string, factor: number): ChartData {
  if (factor === 1) return { ...data, unit };
  const scale = (v: number | null) => (v === null ? null : v * factor);
  return {
    ...data,
    unit,
    rows: data.rows.map((row) => ({
      ...row,
      delivered: scale(row.delivered),
      received: scale(row.received),
      net: scale(row.net),
      compare: scale(row.compare),
    })),
  };
}
