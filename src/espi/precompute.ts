/**
 * Aggregates at every calendar resolution, computed once per document where it is read (the parse
 * worker), so that choosing hours, days or months on the page slices columns already made instead of
 * walking every reading again on the page's thread. Each usage point's MeterReadings share one span, so
 * their buckets line up (net = delivered - received bucket by bucket). Only the edges of a range that
 * cut a bucket in two are aggregated again, from the few readings there.
 */
import { aggregate, lowerBound, type AggregateOptions, type Aggregation } from './aggregate.ts';
import { createLocalTime, type LocalTime, type TimeZoneRules } from './local-time.ts';
import type { EspiDocument, MeterReading } from './model.ts';

export const PRECOMPUTED_RESOLUTIONS = ['hour', 'day', 'month'] as const;
export type PrecomputedResolution = (typeof PRECOMPUTED_RESOLUTIONS)[number];

/** More buckets than this (a decade of hours) are left to be aggregated for the range asked. */
const MAX_PRECOMPUTED_BUCKETS = 100_000;

export interface PrecomputedAggregates {
  /** The clock the buckets follow (`clockKey`): a page that shows another zone aggregates itself. */
  clock: string;
  byResolution: Partial<Record<PrecomputedResolution, Aggregation>>;
}

/** Identifies a clock's rules: two clocks with the same key cut days and months alike. */
export function clockKey(clock: LocalTime): string {
  return `${clock.tzOffset}|${clock.zoneName}`;
}

function spanOf(meterReadings: readonly MeterReading[]): { start: number; end: number } | undefined {
  let start = Infinity;
  let end = -Infinity;
  for (const { readings: r } of meterReadings) {
    if (r.count === 0) continue;
    start = Math.min(start, r.start[0] ?? Infinity);
    for (let i = 0; i < r.count; i++) end = Math.max(end, (r.start[i] ?? 0) + (r.duration[i] ?? 0));
  }
  return start < end ? { start, end } : undefined;
}

/**
 * Fills `precomputed` on every MeterReading of the document's usage points, on the clock of each usage
 * point's LocalTimeParameters (else `fallback`, the custodian's known zone, else UTC).
 */
export function precomputeAggregates(doc: EspiDocument, fallback?: TimeZoneRules): void {
  for (const usagePoint of doc.usagePoints) {
    const ltp =
      usagePoint.localTime ?? (doc.localTimeParameters.length === 1 ? doc.localTimeParameters[0] : undefined);
    const clock = createLocalTime(ltp, fallback);
    const span = spanOf(usagePoint.meterReadings);
    if (!span) continue;
    const range = { start: clock.startOfLocalMonth(span.start), end: span.end };
    for (const meterReading of usagePoint.meterReadings) {
      const byResolution: PrecomputedAggregates['byResolution'] = {};
      for (const resolution of PRECOMPUTED_RESOLUTIONS) {
        if (resolution === 'hour' && (range.end - range.start) / 3600 > MAX_PRECOMPUTED_BUCKETS) continue;
        byResolution[resolution] = aggregate(meterReading, { resolution, clock, range });
      }
      meterReading.precomputed = { clock: clockKey(clock), byResolution };
    }
  }
}

/** The typed arrays' buffers of precomputed aggregates, to transfer with the document. */
export function precomputedBuffers(meterReading: MeterReading): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const agg of Object.values(meterReading.precomputed?.byResolution ?? {}))
    for (const a of [
      agg.start,
      agg.end,
      agg.value,
      agg.cost,
      agg.readings,
      agg.estimated,
      agg.suspect,
      agg.covered,
    ])
      buffers.push(a.buffer as ArrayBuffer);
  return buffers;
}

function concat(parts: Aggregation[], range: { start: number; end: number }): Aggregation {
  const first = parts[0] as Aggregation;
  const n = parts.reduce((sum, p) => sum + p.count, 0);
  const join = <T extends Float64Array | Uint32Array>(
    pick: (a: Aggregation) => T,
    make: (n: number) => T,
  ): T => {
    const out = make(n);
    let at = 0;
    for (const p of parts) {
      out.set(pick(p), at);
      at += p.count;
    }
    return out;
  };
  const gaps = parts
    .flatMap((p) => p.gaps)
    .map((g) => {
      const start = Math.max(g.start, range.start);
      return { start, duration: Math.min(g.start + g.duration, range.end) - start };
    })
    .filter((g) => g.duration > 0)
    .sort((a, b) => a.start - b.start);
  const merged: typeof gaps = [];
  for (const g of gaps) {
    const last = merged[merged.length - 1];
    if (last && g.start <= last.start + last.duration)
      last.duration = Math.max(last.duration, g.start + g.duration - last.start);
    else merged.push({ ...g });
  }
  return {
    ...first,
    count: n,
    start: join(
      (a) => a.start,
      (k) => new Float64Array(k),
    ),
    end: join(
      (a) => a.end,
      (k) => new Float64Array(k),
    ),
    value: join(
      (a) => a.value,
      (k) => new Float64Array(k),
    ),
    cost: join(
      (a) => a.cost,
      (k) => new Float64Array(k),
    ),
    readings: join(
      (a) => a.readings,
      (k) => new Uint32Array(k),
    ),
    estimated: join(
      (a) => a.estimated,
      (k) => new Uint32Array(k),
    ),
    suspect: join(
      (a) => a.suspect,
      (k) => new Uint32Array(k),
    ),
    covered: join(
      (a) => a.covered,
      (k) => new Float64Array(k),
    ),
    gaps: merged,
  };
}

/** Buckets `from` to `to` (excluded) of `agg`, as views on its columns, not copies. */
function slice(agg: Aggregation, from: number, to: number): Aggregation {
  return {
    ...agg,
    count: to - from,
    start: agg.start.subarray(from, to),
    end: agg.end.subarray(from, to),
    value: agg.value.subarray(from, to),
    cost: agg.cost.subarray(from, to),
    readings: agg.readings.subarray(from, to),
    estimated: agg.estimated.subarray(from, to),
    suspect: agg.suspect.subarray(from, to),
    covered: agg.covered.subarray(from, to),
  };
}

/**
 * What `aggregate(meterReading, options)` gives, from the precomputed buckets where the clock matches and
 * the range lies inside them: whole buckets are copied, and a bucket the range cuts is aggregated again
 * from its readings. Anything else (another clock, a billing period, a range past the data) aggregates.
 */
export function aggregateOrSlice(meterReading: MeterReading, options: AggregateOptions): Aggregation {
  const { resolution, range } = options;
  const pre = meterReading.precomputed;
  const cached =
    pre && pre.clock === clockKey(options.clock) && resolution !== 'interval' && resolution !== 'week'
      ? pre.byResolution[resolution as PrecomputedResolution]
      : undefined;
  if (!cached || !range || options.combine || cached.count === 0) return aggregate(meterReading, options);
  const spanStart = cached.start[0] ?? 0;
  const spanEnd = cached.end[cached.count - 1] ?? 0;
  if (range.start < spanStart || range.end > spanEnd) return aggregate(meterReading, options);
  // Whole buckets: those starting at or after the range's start and ending by its end.
  const first = lowerBound(cached.start, cached.count, range.start);
  // Whole buckets end by the range's end: those before the first ending after it.
  const last = lowerBound(cached.end, cached.count, range.end + 1);
  if (last <= first) return aggregate(meterReading, options);
  const firstEdge = cached.start[first] ?? range.start;
  const lastEdge = cached.end[last - 1] ?? range.end;
  const parts: Aggregation[] = [];
  if (range.start < firstEdge)
    parts.push(aggregate(meterReading, { ...options, range: { start: range.start, end: firstEdge } }));
  parts.push(slice(cached, first, last));
  if (lastEdge < range.end)
    parts.push(aggregate(meterReading, { ...options, range: { start: lastEdge, end: range.end } }));
  return concat(parts, range);
}
