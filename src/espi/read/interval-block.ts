/**
 * The hot path: IntervalBlocks hold nearly all of a feed's bytes. An IntervalReading written the
 * common way is read by `plain-reading.ts` straight from the character codes; any other one is
 * read from its start tag by the scanner's generic, strict path, so both paths read the same document.
 */
import { EspiReadError } from '../errors.ts';
import { NO_QUALITY, type DateTimeInterval } from '../model.ts';
import type { StagedRange } from './columns.ts';
import { here, type ReadContext } from './context.ts';
import { INT48, inRange, TIME, UINT32 } from './ranges.ts';
import { isSpace, Reading } from './plain-reading.ts';
import { readInterval } from './resources.ts';
import { OPEN, type XmlScanner } from '../xml-scanner.ts';

export interface StagedBlock {
  interval?: DateTimeInterval;
  /** The block's readings in the staging columns. */
  range: StagedRange;
  /** Position of the `<IntervalBlock>` tag, for warnings. */
  pos: number;
}

export function readIntervalBlock(ctx: ReadContext): StagedBlock {
  const { sc, columns } = ctx;
  const block: StagedBlock = { range: { offset: columns.count, count: 0 }, pos: sc.tagStart };
  if (!sc.selfClosing) {
    const { plain } = ctx;
    plain.usePrefix(sc.prefix());
    const src = sc.src;
    // Enough free nesting for IntervalReading > ReadingQuality > quality, else the generic path reports it.
    const fast = sc.depth + 3 <= sc.maxDepth;
    for (;;) {
      if (fast) {
        let lt = sc.pos;
        while (isSpace(src.charCodeAt(lt))) lt++;
        const end = plain.read(lt, r);
        if (end >= 0) {
          sc.pos = end;
          stage(ctx, lt);
          ctx.progress();
          continue;
        }
      }
      if (sc.next() !== OPEN) break;
      if (sc.is('IntervalReading')) readIntervalReading(ctx);
      else if (sc.is('interval')) {
        const interval = readInterval(ctx, 'interval');
        if (interval) block.interval = interval;
      } else sc.skip();
    }
  }
  block.range.count = columns.count - block.range.offset;
  // Duration 0 is the span of a block of register reads (one instant); only a negative one is wrong.
  if (block.interval && block.interval.duration < 0)
    ctx.log.add(
      'bad-duration',
      `IntervalBlock interval has duration ${block.interval.duration} s; a block cannot cover a negative time span.`,
      here(ctx, block.pos),
      false,
    );
  return block;
}

const r = new Reading();

/** Reads an IntervalReading the scanner has entered, tag by tag, and stages it. */
function readIntervalReading(ctx: ReadContext): void {
  const { sc } = ctx;
  const at = sc.tagStart;
  r.reset();
  if (!sc.selfClosing) {
    for (let t = sc.next(); t === OPEN; t = sc.next()) {
      if (sc.is('value')) {
        r.value = sc.readNumber();
        r.hasValue = true;
      } else if (sc.is('cost')) {
        r.cost = sc.readNumber();
        r.badCost = r.cost !== r.cost;
      } else if (sc.is('timePeriod')) readTimePeriod(sc);
      else if (sc.is('ReadingQuality')) readQuality(sc);
      else sc.skip();
    }
  }
  stage(ctx, at);
  ctx.progress();
}

function readTimePeriod(sc: XmlScanner): void {
  r.hasTimePeriod = true;
  if (sc.selfClosing) return;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('start')) r.start = sc.readNumber();
    else if (sc.is('duration')) r.duration = sc.readNumber();
    else sc.skip();
  }
}

function readQuality(sc: XmlScanner): void {
  if (sc.selfClosing) return;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('quality') && r.quality === NO_QUALITY) r.addQuality(sc.readNumber());
    else sc.skip();
  }
}

const VALUE_MIN = INT48.min;
const VALUE_MAX = INT48.max;
const TIME_MIN = TIME.min;
const TIME_MAX = TIME.max;
const DURATION_MAX = UINT32.max;

/**
 * Appends the reading just read to the staging columns. A reading with a time period whose numbers are
 * all whole and in range, as nearly every one is, goes straight in: one test on the hot path, the
 * reasons worked out only for the others.
 */
function stage(ctx: ReadContext, at: number): void {
  const { value, start, duration, cost } = r;
  if (
    value >= VALUE_MIN &&
    value <= VALUE_MAX &&
    start >= TIME_MIN &&
    start <= TIME_MAX &&
    start === Math.floor(start) &&
    duration >= 0 &&
    duration <= DURATION_MAX &&
    duration === Math.floor(duration) &&
    !r.badCost &&
    !(cost < VALUE_MIN || cost > VALUE_MAX) &&
    ctx.columns.count < ctx.maxReadings
  ) {
    ctx.columns.push(start, duration, value, cost, r.quality);
    return;
  }
  stageChecked(ctx, at);
}

/** Checks the reading just read and appends it to the staging columns, or warns and skips it. */
function stageChecked(ctx: ReadContext, at: number): void {
  if (r.value !== r.value) {
    const problem = r.hasValue ? 'a <value> that is not a number' : 'no <value>';
    ctx.log.add(
      'non-numeric',
      `IntervalReading with ${problem}: the reading is skipped.`,
      here(ctx, at),
      true,
    );
    return;
  }
  if (r.hasTimePeriod && (r.start !== r.start || r.duration !== r.duration)) {
    ctx.log.add(
      'non-numeric',
      'IntervalReading timePeriod without a numeric start and duration: the reading is skipped.',
      here(ctx, at),
      true,
    );
    return;
  }
  // Duration 0 is a register read (the meter at one instant), kept as a point reading.
  if (r.duration < 0) {
    ctx.log.add(
      'bad-duration',
      `IntervalReading with duration ${r.duration} s: a reading cannot cover a negative time span; skipped.`,
      here(ctx, at),
      true,
    );
    return;
  }
  const outside = !inRange(r.value, INT48)
    ? `<value> ${r.value} is outside ${INT48.type}`
    : r.hasTimePeriod && !inRange(r.start, TIME)
      ? `start ${r.start} is outside ${TIME.type}`
      : r.hasTimePeriod && !inRange(r.duration, UINT32)
        ? `duration ${r.duration} s is outside ${UINT32.type}`
        : undefined;
  if (outside) {
    ctx.log.add('out-of-range', `IntervalReading ${outside}: the reading is skipped.`, here(ctx, at), true);
    return;
  }
  let cost = r.cost;
  if (r.badCost || (cost === cost && !inRange(cost, INT48))) {
    cost = Number.NaN;
    ctx.log.add(
      r.badCost ? 'non-numeric' : 'out-of-range',
      r.badCost
        ? 'IntervalReading <cost> is not a number; the cost is left out.'
        : `IntervalReading <cost> ${r.cost} is outside ${INT48.type}; the cost is left out.`,
      here(ctx, at),
      true,
    );
  }
  let { start, duration } = r;
  // TimeType is a whole number of seconds (XSD xs:long); some files write fractions (FIX ngma_gas_provider).
  if (start !== Math.floor(start) || duration !== Math.floor(duration)) {
    if (r.hasTimePeriod) ctx.fractionalTimes++;
    start = Math.floor(start);
    duration = Math.floor(duration);
  }
  if (ctx.columns.count >= ctx.maxReadings)
    throw new EspiReadError(
      'too-many-readings',
      `The file holds more than ${ctx.maxReadings.toLocaleString('en-US')} interval readings, more than this reader accepts at once; ask for a shorter date range.`,
      here(ctx, at),
    );
  ctx.columns.push(start, duration, r.value, cost, r.quality);
}
