/**
 * Readings as the reader meets them: one growable set of columns for the whole document, in document
 * order. Entries may come in any order and links are resolved only at the end, so readings cannot go
 * into their MeterReading's arrays straight away; `buildReadings` then copies each MeterReading's
 * readings once into exact-size, start-sorted columns (the model's memory: 21 bytes a reading, 29
 * with cost, against 16 raw).
 */
import { NO_QUALITY, type IntervalReadings, type PointReadings } from '../model.ts';

export class ReadingColumns {
  count = 0;
  start: Float64Array;
  /** Float64 while staging: NaN marks a reading without `timePeriod` (filled in from the ReadingType). */
  duration: Float64Array;
  value: Float64Array;
  /** Allocated at the first reading that carries a cost. */
  cost: Float64Array | undefined;
  quality: Uint8Array;

  /** `capacity`: a first guess (e.g. from the input size); the columns double whenever it is exceeded. */
  constructor(capacity = 1024) {
    this.start = new Float64Array(capacity);
    this.duration = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
    this.quality = new Uint8Array(capacity);
  }

  push(start: number, duration: number, value: number, cost: number, quality: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.duration[i] = duration;
    this.value[i] = value;
    this.quality[i] = quality;
    // Once the cost column exists every push writes it, so only the readings before it need NaN.
    if (this.cost) this.cost[i] = cost;
    else if (cost === cost) {
      this.cost = new Float64Array(this.start.length);
      this.cost.fill(Number.NaN, 0, i);
      this.cost[i] = cost;
    }
  }

  private grow(): void {
    const capacity = Math.max(1024, this.start.length * 2);
    this.start = growFloat(this.start, capacity);
    this.duration = growFloat(this.duration, capacity);
    this.value = growFloat(this.value, capacity);
    const quality = new Uint8Array(capacity);
    quality.set(this.quality);
    this.quality = quality;
    if (this.cost) this.cost = growFloat(this.cost, capacity);
  }
}

function growFloat(array: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity);
  next.set(array);
  return next;
}

/** A block's readings inside the staging columns. */
export interface StagedRange {
  offset: number;
  count: number;
}

export interface BuiltReadings {
  readings: IntervalReadings;
  /** Readings of duration 0 (register reads), sorted by time; count 0 when there are none. */
  points: PointReadings;
  /** Per input range, in input order: its offset and count in the built columns. */
  ranges: StagedRange[];
  /** Copies from a re-sent block (another range with the same source): dropped. */
  duplicates: number;
  /** Readings without a start or duration (no timePeriod and no way to derive one): left out. */
  unplaced: number;
  /** Readings that start before the previous one ends. */
  overlaps: number;
  /** Readings that start at the same time as the one before (not re-sent copies): kept. */
  sameStarts: number;
  /** Index of the input range holding the first duplicate / overlap / same start, -1 if none. */
  firstDuplicateRange: number;
  firstOverlapRange: number;
  firstSameStartRange: number;
  /** Whether ranges had to be interleaved to sort by start (their readings are no longer contiguous). */
  interleaved: boolean;
}

/**
 * Copies the readings of `ranges` out of `columns` into one start-sorted set of exact-size columns, and
 * the readings of duration 0 into sorted point columns. `sources[i]` names where range i came from (its
 * block's self href): a reading equal to one of another range with the same source is a re-sent copy and
 * dropped; equal readings from one block or from different blocks are real (both fall-back hours of a DST
 * change stamped alike) and kept. Ranges are taken in order of their first start; when the result is not
 * sorted (blocks overlap, or readings inside a block are out of order) the readings are sorted (stably)
 * and each range then spans from its first to its last reading.
 */
export function buildReadings(
  columns: ReadingColumns,
  ranges: readonly StagedRange[],
  sources: readonly string[],
): BuiltReadings {
  const { start, duration, value, cost, quality } = columns;
  const rangeOrder = ranges
    .map((r, i) => ({ i, first: r.count > 0 ? (start[r.offset] ?? 0) : Infinity }))
    .sort((a, b) => a.first - b.first || a.i - b.i)
    .map((r) => r.i);
  const ordered = buildOrdered(columns, ranges, rangeOrder);
  if (ordered) return ordered;
  const total = ranges.reduce((n, r) => n + r.count, 0);
  let order = new Uint32Array(total);
  let rangeOf = new Uint32Array(total);
  let n = 0;
  for (const i of rangeOrder) {
    const r = ranges[i] as StagedRange;
    for (let k = r.offset; k < r.offset + r.count; k++) {
      if (Number.isNaN((start[k] as number) + (duration[k] as number))) continue;
      order[n] = k;
      rangeOf[n++] = i;
    }
  }
  const unplaced = total - n;
  if (unplaced > 0) {
    order = order.subarray(0, n);
    rangeOf = rangeOf.subarray(0, n);
  }
  let sorted = true;
  for (let k = 1; k < n && sorted; k++)
    sorted = (start[order[k - 1] as number] as number) <= (start[order[k] as number] as number);
  if (!sorted) {
    const idx = Array.from(order.keys()).sort(
      (a, b) => (start[order[a] as number] as number) - (start[order[b] as number] as number) || a - b,
    );
    const o2 = Uint32Array.from(idx, (k) => order[k] as number);
    const r2 = Uint32Array.from(idx, (k) => rangeOf[k] as number);
    order.set(o2);
    rangeOf.set(r2);
  }

  const out = emptyIntervals(n);
  const points = emptyPoints(n);
  const outCost = cost ? new Float64Array(n) : undefined;
  const firstOf = new Int32Array(ranges.length).fill(-1);
  const lastOf = new Int32Array(ranges.length);
  let duplicates = 0;
  let overlaps = 0;
  let sameStarts = 0;
  let firstDuplicateRange = -1;
  let firstOverlapRange = -1;
  let firstSameStartRange = -1;
  let m = 0;
  let p = 0;
  let prevEnd = -Infinity;
  // Readings met at the current start, by what they hold and where they came from -> their range.
  const atStart = new Map<string, number>();
  let groupStart = Number.NaN;
  for (let k = 0; k < n; k++) {
    const s = order[k] as number;
    const range = rangeOf[k] as number;
    const st = start[s] as number;
    const du = duration[s] as number;
    const va = value[s] as number;
    const co = cost ? (cost[s] as number) : Number.NaN;
    // Only readings sharing their start with a neighbour can be copies: the rest skip the lookup.
    if (st === groupStart || (k + 1 < n && start[order[k + 1] as number] === st)) {
      if (st !== groupStart) {
        groupStart = st;
        atStart.clear();
      }
      const copyKey = `${du} ${va} ${co} ${sources[range]}`;
      const seenIn = atStart.get(copyKey);
      if (seenIn !== undefined && seenIn !== range) {
        duplicates++;
        if (firstDuplicateRange < 0) firstDuplicateRange = range;
        continue;
      }
      if (seenIn === undefined) atStart.set(copyKey, range);
    }
    if (du === 0) {
      points.time[p] = st;
      points.value[p] = va;
      points.quality[p++] = quality[s] ?? NO_QUALITY;
      continue;
    }
    if (m > 0 && st === out.start[m - 1]) {
      sameStarts++;
      if (firstSameStartRange < 0) firstSameStartRange = range;
    } else if (st < prevEnd) {
      overlaps++;
      if (firstOverlapRange < 0) firstOverlapRange = range;
    }
    prevEnd = Math.max(prevEnd, st + du);
    out.start[m] = st;
    out.duration[m] = du;
    out.value[m] = va;
    out.quality[m] = quality[s] ?? NO_QUALITY;
    if (outCost) outCost[m] = co;
    if (firstOf[range] === -1) firstOf[range] = m;
    lastOf[range] = m;
    m++;
  }
  out.count = m;
  if (m < n) {
    out.start = out.start.slice(0, m);
    out.duration = out.duration.slice(0, m);
    out.value = out.value.slice(0, m);
    out.quality = out.quality.slice(0, m);
  }
  if (outCost && outCost.some((c) => c === c)) out.cost = m < n ? outCost.slice(0, m) : outCost;
  const built: StagedRange[] = Array.from(firstOf, (first, i) =>
    first < 0 ? { offset: m, count: 0 } : { offset: first, count: (lastOf[i] as number) - first + 1 },
  );
  const interleaved = built.reduce((sum, b) => sum + b.count, 0) !== m;
  return {
    readings: out,
    points: {
      count: p,
      time: points.time.slice(0, p),
      value: points.value.slice(0, p),
      quality: points.quality.slice(0, p),
    },
    ranges: built,
    duplicates,
    unplaced,
    overlaps,
    sameStarts,
    firstDuplicateRange,
    firstOverlapRange,
    firstSameStartRange,
    interleaved,
  };
}

function emptyIntervals(n: number): IntervalReadings {
  return {
    count: 0,
    start: new Float64Array(n),
    duration: new Uint32Array(n),
    value: new Float64Array(n),
    quality: new Uint8Array(n),
  };
}

function emptyPoints(n: number): PointReadings {
  return { count: 0, time: new Float64Array(n), value: new Float64Array(n), quality: new Uint8Array(n) };
}

/**
 * The common case: taken in order of their first start, the ranges hold intervals that are all placed
 * and strictly increasing in start. They then keep their order and are copied a run of contiguous
 * ranges at a time. Returns undefined when the general path must sort, compare or separate readings
 * (equal starts, register reads, readings without a time).
 */
function buildOrdered(
  columns: ReadingColumns,
  ranges: readonly StagedRange[],
  rangeOrder: readonly number[],
): BuiltReadings | undefined {
  const { start, duration, cost } = columns;
  let n = 0;
  let overlaps = 0;
  let firstOverlapRange = -1;
  let hasCost = false;
  let prevEnd = -Infinity;
  let prevStart = -Infinity;
  for (const i of rangeOrder) {
    const r = ranges[i] as StagedRange;
    for (let k = r.offset; k < r.offset + r.count; k++) {
      const st = start[k] as number;
      const du = duration[k] as number;
      const end = st + du;
      if (end !== end || !(st > prevStart) || du === 0) return undefined;
      if (st < prevEnd) {
        overlaps++;
        if (firstOverlapRange < 0) firstOverlapRange = i;
      }
      prevEnd = Math.max(prevEnd, end);
      if (cost && cost[k] === cost[k]) hasCost = true;
      prevStart = st;
    }
    n += r.count;
  }

  const out = emptyIntervals(n);
  out.count = n;
  if (cost && hasCost) out.cost = new Float64Array(n);
  const built: StagedRange[] = ranges.map(() => ({ offset: n, count: 0 }));
  let at = 0;
  let runFrom = 0;
  let runLength = 0;
  for (const i of rangeOrder) {
    const r = ranges[i] as StagedRange;
    if (r.count === 0) continue;
    built[i] = { offset: at + runLength, count: r.count };
    if (r.offset !== runFrom + runLength) {
      copyRun(columns, out, runFrom, runLength, at);
      at += runLength;
      runFrom = r.offset;
      runLength = 0;
    }
    runLength += r.count;
  }
  copyRun(columns, out, runFrom, runLength, at);
  return {
    readings: out,
    points: emptyPoints(0),
    ranges: built,
    duplicates: 0,
    unplaced: 0,
    overlaps,
    sameStarts: 0,
    firstDuplicateRange: -1,
    firstOverlapRange,
    firstSameStartRange: -1,
    interleaved: false,
  };
}

/** Copies `length` staged readings from `from` to `to` in `out` (durations become whole Uint32 seconds). */
function copyRun(
  columns: ReadingColumns,
  out: IntervalReadings,
  from: number,
  length: number,
  to: number,
): void {
  if (length === 0) return;
  const end = from + length;
  out.start.set(columns.start.subarray(from, end), to);
  out.duration.set(columns.duration.subarray(from, end), to);
  out.value.set(columns.value.subarray(from, end), to);
  out.quality.set(columns.quality.subarray(from, end), to);
  if (out.cost && columns.cost) out.cost.set(columns.cost.subarray(from, end), to);
}
