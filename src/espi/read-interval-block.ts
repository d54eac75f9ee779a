/**
 * The hot path: IntervalBlocks hold nearly all of a feed's bytes. Tags written the common way
 * (`<espi:value>`, no attributes, the block's own prefix) are recognised with one native string
 * comparison each; anything else (comments, attributes, other prefixes, odd whitespace) falls back
 * to the scanner's generic, strict path at that very tag, so both paths read the same document.
 */
import { EspiReadError } from './errors.ts';
import { NO_QUALITY, type DateTimeInterval } from './model.ts';
import type { StagedRange } from './read-columns.ts';
import { here, type ReadContext } from './read-context.ts';
import { readInterval } from './read-resources.ts';
import { OPEN, type XmlScanner } from './xml-scanner.ts';

export interface StagedBlock {
  interval?: DateTimeInterval;
  /** The block's readings in the staging columns. */
  range: StagedRange;
  /** Position of the `<IntervalBlock>` tag, for warnings. */
  pos: number;
}

/** Exact start and end tags of IntervalReading and its children for one namespace prefix. */
interface Tags {
  /** Offset of the local name's first character in a start tag: 1 + prefix length (with colon). */
  localAt: number;
  reading: string;
  readingEnd: string;
  value: string;
  valueEnd: string;
  cost: string;
  costEnd: string;
  timePeriod: string;
  timePeriodEnd: string;
  start: string;
  startEnd: string;
  duration: string;
  durationEnd: string;
}

const tagsByPrefix = new Map<string, Tags>();

function tagsFor(prefix: string): Tags {
  let tags = tagsByPrefix.get(prefix);
  if (!tags) {
    const p = prefix ? `${prefix}:` : '';
    const open = (name: string) => `<${p}${name}>`;
    const close = (name: string) => `</${p}${name}>`;
    tags = {
      localAt: 1 + p.length,
      reading: open('IntervalReading'),
      readingEnd: close('IntervalReading'),
      value: open('value'),
      valueEnd: close('value'),
      cost: open('cost'),
      costEnd: close('cost'),
      timePeriod: open('timePeriod'),
      timePeriodEnd: close('timePeriod'),
      start: open('start'),
      startEnd: close('start'),
      duration: open('duration'),
      durationEnd: close('duration'),
    };
    tagsByPrefix.set(prefix, tags);
  }
  return tags;
}

export function readIntervalBlock(ctx: ReadContext): StagedBlock {
  const { sc, columns } = ctx;
  const block: StagedBlock = { range: { offset: columns.count, count: 0 }, pos: sc.tagStart };
  if (!sc.selfClosing) {
    const tags = tagsFor(sc.prefix());
    for (;;) {
      const lt = sc.nextLt();
      if (lt >= 0 && sc.openExact(tags.reading, lt, tags.localAt)) {
        readIntervalReading(ctx, tags, true);
        continue;
      }
      if (sc.next() !== OPEN) break;
      if (sc.is('IntervalReading')) readIntervalReading(ctx, tags, false);
      else if (sc.is('interval')) {
        const interval = readInterval(ctx, 'interval');
        if (interval) block.interval = interval;
      } else sc.skip();
    }
  }
  block.range.count = columns.count - block.range.offset;
  if (block.interval && block.interval.duration <= 0)
    ctx.log.add(
      'bad-duration',
      `IntervalBlock interval has duration ${block.interval.duration} s; a block must cover a positive time span.`,
      here(ctx, block.pos),
      false,
    );
  return block;
}

/** One reading's fields while it is read. */
class Reading {
  value = Number.NaN;
  hasValue = false;
  cost = Number.NaN;
  badCost = false;
  quality = NO_QUALITY;
  start = Number.NaN;
  duration = Number.NaN;
  hasTimePeriod = false;

  reset(): void {
    this.value = Number.NaN;
    this.hasValue = false;
    this.cost = Number.NaN;
    this.badCost = false;
    this.quality = NO_QUALITY;
    this.start = Number.NaN;
    this.duration = Number.NaN;
    this.hasTimePeriod = false;
  }
}

const r = new Reading();

const CHAR_V = 118; // v
const CHAR_C = 99; // c
const CHAR_T = 116; // t
const CHAR_SLASH = 47;

/** Reads an IntervalReading (the scanner has entered it; `exact` when through `openExact`) and stages it. */
function readIntervalReading(ctx: ReadContext, tags: Tags, exact: boolean): void {
  const { sc } = ctx;
  const src = sc.src;
  const at = sc.tagStart;
  r.reset();
  if (!sc.selfClosing) {
    for (;;) {
      const lt = sc.nextLt();
      if (lt >= 0) {
        const c = src.charCodeAt(lt + tags.localAt);
        if (c === CHAR_V && sc.openExact(tags.value, lt, tags.localAt)) {
          r.value = sc.readNumber(tags.valueEnd);
          r.hasValue = true;
          continue;
        }
        if (c === CHAR_C && sc.openExact(tags.cost, lt, tags.localAt)) {
          r.cost = sc.readNumber(tags.costEnd);
          r.badCost = r.cost !== r.cost;
          continue;
        }
        if (c === CHAR_T && sc.openExact(tags.timePeriod, lt, tags.localAt)) {
          readTimePeriod(sc, tags, true);
          continue;
        }
        if (exact && src.charCodeAt(lt + 1) === CHAR_SLASH && sc.closeExact(tags.readingEnd, lt)) break;
      }
      if (sc.next() !== OPEN) break;
      if (sc.is('value')) {
        r.value = sc.readNumber();
        r.hasValue = true;
      } else if (sc.is('cost')) {
        r.cost = sc.readNumber();
        r.badCost = r.cost !== r.cost;
      } else if (sc.is('timePeriod')) readTimePeriod(sc, tags, false);
      else if (sc.is('ReadingQuality')) readQuality(sc);
      else sc.skip();
    }
  }
  ctx.progress();
  stage(ctx, at);
}

function readTimePeriod(sc: XmlScanner, tags: Tags, exact: boolean): void {
  r.hasTimePeriod = true;
  if (sc.selfClosing) return;
  for (;;) {
    const lt = sc.nextLt();
    if (lt >= 0) {
      if (sc.openExact(tags.start, lt, tags.localAt)) {
        r.start = sc.readNumber(tags.startEnd);
        continue;
      }
      if (sc.openExact(tags.duration, lt, tags.localAt)) {
        r.duration = sc.readNumber(tags.durationEnd);
        continue;
      }
      if (exact && sc.closeExact(tags.timePeriodEnd, lt)) return;
    }
    if (sc.next() !== OPEN) return;
    if (sc.is('start')) r.start = sc.readNumber();
    else if (sc.is('duration')) r.duration = sc.readNumber();
    else sc.skip();
  }
}

function readQuality(sc: XmlScanner): void {
  if (sc.selfClosing) return;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('quality') && r.quality === NO_QUALITY) {
      const q = sc.readNumber();
      // A reading may carry several qualities; the first is kept (the model has one per reading).
      if (q >= 0 && q < NO_QUALITY && q === Math.floor(q)) r.quality = q;
    } else sc.skip();
  }
}

/** Checks the reading just read and appends it to the staging columns, or warns and skips it. */
function stage(ctx: ReadContext, at: number): void {
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
  if (r.duration <= 0) {
    ctx.log.add(
      'bad-duration',
      `IntervalReading with duration ${r.duration} s: a reading must cover a positive time span; skipped.`,
      here(ctx, at),
      true,
    );
    return;
  }
  if (r.badCost)
    ctx.log.add(
      'non-numeric',
      'IntervalReading <cost> is not a number; the cost is left out.',
      here(ctx, at),
      true,
    );
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
  ctx.columns.push(start, duration, r.value, r.cost, r.quality);
}
