/**
 * Readings of a MeterReading summed (or peaked, or averaged) into hours, days, weeks, months and billing
 * periods of the customer's local time, with cost, reading counts, estimated/suspect counts and coverage, so
 * a chart can show a gap as a gap rather than a zero (reference section 6). Columns in, columns out.
 *
 * Each reading falls in the bucket holding its start. Buckets follow the local clock (`local-time.ts`), so
 * the spring-forward day has 23 hourly buckets and the fall-back day 25.
 */
import { flowDirectionName, isEstimated, isSuspect } from './enumerations.ts';
import type { LocalTime } from './local-time.ts';
import { NO_QUALITY, type DateTimeInterval, type MeterReading } from './model.ts';
import { COST_DIVISOR, displayUnitFor, rawToDisplayFactor, type Combine } from './units.ts';

export type Resolution = 'interval' | 'hour' | 'day' | 'week' | 'month' | 'billingPeriod';

export interface AggregateOptions {
  resolution: Resolution;
  clock: LocalTime;
  /** Only readings starting in [start, end); buckets cover this range. Default: the readings' own span. */
  range?: { start: number; end: number };
  /** Required for `billingPeriod` (for instance the UsageSummary billing periods). */
  billingPeriods?: readonly DateTimeInterval[];
  /** ISO weekday weeks start on, 1 = Monday (default) ... 7 = Sunday. */
  weekStartsOn?: number;
  /** Overrides how readings combine (default: from the ReadingType, `measureOf` in units.ts). */
  combine?: Combine;
}

export interface Aggregation {
  resolution: Resolution;
  /** Display unit of `value` (kWh, kW, therm, ...). */
  unit: string;
  combine: Combine;
  flowDirection: string;
  currency?: number;
  count: number;
  start: Float64Array;
  end: Float64Array;
  /** In `unit`; NaN where the bucket holds no reading (a gap, not a zero). */
  value: Float64Array;
  /** Currency units; NaN where no reading in the bucket carries a cost. */
  cost: Float64Array;
  readings: Uint32Array;
  estimated: Uint32Array;
  suspect: Uint32Array;
  /** Seconds of the bucket covered by readings (each reading's length, capped at the bucket's). */
  covered: Float64Array;
  /** Stretches inside the range with no reading, merged. */
  gaps: DateTimeInterval[];
}

/** The longest series a caller may ask for: a decade of 15-minute intervals is 350,640. */
const MAX_BUCKETS = 5_000_000;

function bucketEdges(
  resolution: Exclude<Resolution, 'interval' | 'billingPeriod'>,
  options: AggregateOptions,
  from: number,
  to: number,
): number[] {
  const { clock } = options;
  const weekStart = options.weekStartsOn ?? 1;
  let t: number;
  let next: (x: number) => number;
  switch (resolution) {
    case 'hour':
      t = clock.startOfLocalHour(from);
      next = (x) => clock.startOfLocalHour(x + 3600);
      break;
    case 'day':
      t = clock.startOfLocalDay(from);
      next = (x) => clock.addLocalDays(x, 1);
      break;
    case 'week':
      t = clock.startOfLocalWeek(from, weekStart);
      next = (x) => clock.addLocalDays(x, 7);
      break;
    case 'month':
      t = clock.startOfLocalMonth(from);
      next = (x) => clock.addLocalMonths(x, 1);
      break;
  }
  const edges = [t];
  while (t < to) {
    t = next(t);
    edges.push(t);
    if (edges.length > MAX_BUCKETS) {
      throw new Error(
        `Aggregating ${resolution}s from ${from} to ${to} would make more than ${MAX_BUCKETS} buckets: choose a coarser resolution or a shorter range.`,
      );
    }
  }
  return edges;
}

/** Index of the first of `count` sorted values at or after `x` (binary search). */
export function lowerBound(sorted: Float64Array, count: number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Aggregate one MeterReading's readings at a resolution in local time. */
export function aggregate(meterReading: MeterReading, options: AggregateOptions): Aggregation {
  const r = meterReading.readings;
  const rt = meterReading.readingType;
  const display = displayUnitFor(rt);
  const combine = options.combine ?? display.combine;
  const factor = rawToDisplayFactor(rt);
  const defaultQuality = rt?.defaultQuality;

  const first = options.range ? lowerBound(r.start, r.count, options.range.start) : 0;
  const last = options.range ? lowerBound(r.start, r.count, options.range.end) : r.count;
  let spanEnd = -Infinity;
  for (let i = first; i < last; i++) spanEnd = Math.max(spanEnd, (r.start[i] ?? 0) + (r.duration[i] ?? 0));
  const from = options.range?.start ?? (last > first ? (r.start[first] ?? 0) : 0);
  const to = options.range?.end ?? (last > first ? spanEnd : from);

  let starts: number[];
  let ends: number[];
  if (options.resolution === 'interval') {
    starts = [];
    ends = [];
    for (let i = first; i < last; i++) {
      starts.push(r.start[i] ?? 0);
      ends.push((r.start[i] ?? 0) + (r.duration[i] ?? 0));
    }
  } else if (options.resolution === 'billingPeriod') {
    if (!options.billingPeriods)
      throw new Error(
        'Aggregating by billing period needs the billing periods (for instance from the UsageSummary entries).',
      );
    const periods = [...options.billingPeriods].sort((a, b) => a.start - b.start);
    starts = periods.map((p) => p.start);
    ends = periods.map((p) => p.start + p.duration);
  } else {
    const edges = last > first || options.range ? bucketEdges(options.resolution, options, from, to) : [from];
    starts = edges.slice(0, -1);
    ends = edges.slice(1);
  }

  const n = starts.length;
  const out: Aggregation = {
    resolution: options.resolution,
    unit: display.unit,
    combine,
    flowDirection: flowDirectionName(rt?.flowDirection),
    ...(rt?.currency !== undefined ? { currency: rt.currency } : {}),
    count: n,
    start: Float64Array.from(starts),
    end: Float64Array.from(ends),
    value: new Float64Array(n).fill(combine === 'max' ? -Infinity : 0),
    cost: new Float64Array(n).fill(NaN),
    readings: new Uint32Array(n),
    estimated: new Uint32Array(n),
    suspect: new Uint32Array(n),
    covered: new Float64Array(n),
    gaps: [],
  };

  const perReading = options.resolution === 'interval';
  let b = 0;
  let coveredTo = from;
  for (let i = first; i < last; i++) {
    const s = r.start[i] ?? 0;
    const d = r.duration[i] ?? 0;
    if (s > coveredTo) out.gaps.push({ start: coveredTo, duration: s - coveredTo });
    coveredTo = Math.max(coveredTo, s + d);
    if (perReading) b = i - first;
    else while (b < n && s >= (out.end[b] ?? 0)) b++;
    if (b >= n) continue;
    if (s < (out.start[b] ?? 0)) continue; // between billing periods
    const raw = r.value[i] ?? NaN;
    if (!Number.isNaN(raw)) {
      const v = raw * factor;
      if (combine === 'max') out.value[b] = Math.max(out.value[b] ?? -Infinity, v);
      else out.value[b] = (out.value[b] ?? 0) + v;
      out.readings[b] = (out.readings[b] ?? 0) + 1;
    }
    const c = r.cost?.[i];
    if (c !== undefined && !Number.isNaN(c)) {
      const prev = out.cost[b] ?? NaN;
      out.cost[b] = (Number.isNaN(prev) ? 0 : prev) + c / COST_DIVISOR;
    }
    const q0 = r.quality[i] ?? NO_QUALITY;
    const q = q0 === NO_QUALITY ? defaultQuality : q0;
    if (isEstimated(q)) out.estimated[b] = (out.estimated[b] ?? 0) + 1;
    if (isSuspect(q)) out.suspect[b] = (out.suspect[b] ?? 0) + 1;
    out.covered[b] = Math.min((out.covered[b] ?? 0) + d, (out.end[b] ?? 0) - (out.start[b] ?? 0));
  }
  if (to > coveredTo) out.gaps.push({ start: coveredTo, duration: to - coveredTo });

  for (let k = 0; k < n; k++) {
    const count = out.readings[k] ?? 0;
    if (count === 0) out.value[k] = NaN;
    else if (combine === 'mean') out.value[k] = (out.value[k] ?? 0) / count;
  }
  return out;
}

export interface FlowSeries {
  /** `forward`, `reverse`, `net`, ... (enumerations.ts `flowDirectionName`). */
  flowDirection: string;
  unit: string;
  aggregation: Aggregation;
  /** The MeterReadings merged into this series. */
  meterReadings: MeterReading[];
}

/**
 * Aggregate several MeterReadings (a UsagePoint's) over one common range, one series per flow direction and
 * unit: delivered, received and net are never added together (reference section 6). MeterReadings with the
 * same direction and unit (two registers, say) are merged bucket by bucket.
 */
export function aggregateByFlowDirection(
  meterReadings: readonly MeterReading[],
  options: AggregateOptions,
): FlowSeries[] {
  if (options.resolution === 'interval')
    throw new Error(
      'Flow directions are compared over common buckets: choose hour, day, week, month or billingPeriod.',
    );
  let range = options.range;
  if (!range) {
    let start = Infinity;
    let end = -Infinity;
    for (const mr of meterReadings) {
      const r = mr.readings;
      for (let i = 0; i < r.count; i++) {
        start = Math.min(start, r.start[i] ?? Infinity);
        end = Math.max(end, (r.start[i] ?? 0) + (r.duration[i] ?? 0));
      }
    }
    range = start < end ? { start, end } : { start: 0, end: 0 };
  }
  const series = new Map<string, FlowSeries>();
  for (const mr of meterReadings) {
    const agg = aggregate(mr, { ...options, range });
    const key = `${agg.flowDirection}|${agg.unit}`;
    const existing = series.get(key);
    if (!existing)
      series.set(key, {
        flowDirection: agg.flowDirection,
        unit: agg.unit,
        aggregation: agg,
        meterReadings: [mr],
      });
    else {
      existing.aggregation = mergeAggregations(existing.aggregation, agg);
      existing.meterReadings.push(mr);
    }
  }
  return [...series.values()];
}

function assertAligned(a: Aggregation, b: Aggregation, what: string): void {
  const aligned = a.count === b.count && a.start.every((s, i) => s === b.start[i]);
  if (!aligned)
    throw new Error(
      `Cannot ${what}: the two series have different buckets. Aggregate them over the same range and resolution.`,
    );
}

const addOrNaN = (x: number, y: number) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : x + y);

function mergeAggregations(a: Aggregation, b: Aggregation): Aggregation {
  assertAligned(a, b, 'merge readings');
  const n = a.count;
  const merged: Aggregation = {
    ...a,
    value: new Float64Array(n),
    cost: new Float64Array(n),
    readings: new Uint32Array(n),
    estimated: new Uint32Array(n),
    suspect: new Uint32Array(n),
    covered: new Float64Array(n),
    gaps: a.gaps.filter((g) =>
      b.gaps.some((h) => h.start <= g.start && h.start + h.duration >= g.start + g.duration),
    ),
  };
  for (let i = 0; i < n; i++) {
    const av = a.value[i] ?? NaN;
    const bv = b.value[i] ?? NaN;
    const ar = a.readings[i] ?? 0;
    const br = b.readings[i] ?? 0;
    if (a.combine === 'max')
      merged.value[i] = Number.isNaN(av) ? bv : Number.isNaN(bv) ? av : Math.max(av, bv);
    else if (a.combine === 'mean')
      merged.value[i] = ar + br === 0 ? NaN : ((ar ? av * ar : 0) + (br ? bv * br : 0)) / (ar + br);
    else merged.value[i] = addOrNaN(av, bv);
    merged.cost[i] = addOrNaN(a.cost[i] ?? NaN, b.cost[i] ?? NaN);
    merged.readings[i] = ar + br;
    merged.estimated[i] = (a.estimated[i] ?? 0) + (b.estimated[i] ?? 0);
    merged.suspect[i] = (a.suspect[i] ?? 0) + (b.suspect[i] ?? 0);
    merged.covered[i] = Math.max(a.covered[i] ?? 0, b.covered[i] ?? 0);
  }
  return merged;
}

/**
 * Net = delivered - received over aligned buckets (both reported positive: reference section 3,
 * FlowDirectionKind). A bucket missing on either side is a gap in the net too; a cost on one side only
 * counts that side.
 */
export function netOf(delivered: Aggregation, received: Aggregation): Aggregation {
  assertAligned(delivered, received, 'compute net use');
  if (delivered.unit !== received.unit)
    throw new Error(`Cannot compute net use from ${delivered.unit} and ${received.unit}: the units differ.`);
  const n = delivered.count;
  const net: Aggregation = {
    ...delivered,
    flowDirection: 'net',
    value: new Float64Array(n),
    cost: new Float64Array(n),
    readings: new Uint32Array(n),
    estimated: new Uint32Array(n),
    suspect: new Uint32Array(n),
    covered: new Float64Array(n),
    gaps: [...delivered.gaps, ...received.gaps].sort((x, y) => x.start - y.start),
  };
  for (let i = 0; i < n; i++) {
    const d = delivered.value[i] ?? NaN;
    const r = received.value[i] ?? NaN;
    net.value[i] = d - r; // NaN when either is a gap
    const dc = delivered.cost[i] ?? NaN;
    const rc = received.cost[i] ?? NaN;
    net.cost[i] =
      Number.isNaN(dc) && Number.isNaN(rc) ? NaN : (Number.isNaN(dc) ? 0 : dc) - (Number.isNaN(rc) ? 0 : rc);
    net.readings[i] = Math.min(delivered.readings[i] ?? 0, received.readings[i] ?? 0);
    net.estimated[i] = (delivered.estimated[i] ?? 0) + (received.estimated[i] ?? 0);
    net.suspect[i] = (delivered.suspect[i] ?? 0) + (received.suspect[i] ?? 0);
    net.covered[i] = Math.min(delivered.covered[i] ?? 0, received.covered[i] ?? 0);
  }
  return net;
}

export interface AggregationTotals {
  /** Sum (or peak, or mean) over the buckets that have readings. */
  value: number;
  cost: number;
  readings: number;
  estimated: number;
  suspect: number;
  /** Covered share of the buckets' time, 0-1. */
  coverage: number;
}

/** One figure for the whole aggregation, e.g. for a "this month" card. */
export function totalsOf(agg: Aggregation): AggregationTotals {
  let value = agg.combine === 'max' ? -Infinity : 0;
  let cost = NaN;
  let readings = 0;
  let estimated = 0;
  let suspect = 0;
  let covered = 0;
  let span = 0;
  let weighted = 0;
  for (let i = 0; i < agg.count; i++) {
    const v = agg.value[i] ?? NaN;
    const count = agg.readings[i] ?? 0;
    if (!Number.isNaN(v)) {
      if (agg.combine === 'max') value = Math.max(value, v);
      else if (agg.combine === 'mean') weighted += v * count;
      else value += v;
    }
    cost = addOrNaN(cost, agg.cost[i] ?? NaN);
    readings += count;
    estimated += agg.estimated[i] ?? 0;
    suspect += agg.suspect[i] ?? 0;
    covered += agg.covered[i] ?? 0;
    span += (agg.end[i] ?? 0) - (agg.start[i] ?? 0);
  }
  if (agg.combine === 'mean') value = readings > 0 ? weighted / readings : NaN;
  if (readings === 0) value = NaN;
  return { value, cost, readings, estimated, suspect, coverage: span > 0 ? covered / span : 0 };
}
