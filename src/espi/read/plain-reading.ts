/**
 * The hot path of the hot path: IntervalReadings written the common way (the block's own prefix on
 * every tag, no attributes, comments, CDATA or references, only whitespace between tags, plain
 * integers) are read straight from the character codes, without the scanner. A feed repeats one
 * shape of reading thousands of times, so the markup between the numbers of the last reading read is
 * remembered as a regular expression and the next reading is first matched against it: one native
 * match checks every character of the reading, far faster than comparing tag by tag from JavaScript.
 * Whatever does not fit is left untouched for the scanner's strict path.
 */
import { NO_QUALITY } from '../model.ts';

/** One reading's fields as read. */
export class Reading {
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

  /** Keeps `q` if it is the first valid quality: a reading may carry several, the model has one. */
  addQuality(q: number): void {
    if (this.quality === NO_QUALITY && q >= 0 && q < NO_QUALITY && q === Math.floor(q)) this.quality = q;
  }
}

/** Exact start and end tags of IntervalReading and its children for one namespace prefix. */
interface Tags {
  prefix: string;
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
  readingQuality: string;
  readingQualityEnd: string;
  quality: string;
  qualityEnd: string;
}

function makeTags(prefix: string): Tags {
  const p = prefix ? `${prefix}:` : '';
  const open = (name: string) => `<${p}${name}>`;
  const close = (name: string) => `</${p}${name}>`;
  return {
    prefix,
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
    readingQuality: open('ReadingQuality'),
    readingQualityEnd: close('ReadingQuality'),
    quality: open('quality'),
    qualityEnd: close('quality'),
  };
}

/** Where a number of a reading goes. */
const VALUE = 0;
const COST = 1;
const START = 2;
const DURATION = 3;
const QUALITY = 4;

/** A shape with more numbers than this is not remembered (real readings have at most five). */
const MAX_NUMBERS = 8;
/** A double holds every integer of up to 15 digits exactly; longer ones take the strict path. */
const MAX_DIGITS = 15;

const LT = 60; // <
const CHAR_R = 82; // R
const CHAR_V = 118; // v
const CHAR_C = 99; // c
const CHAR_T = 116; // t
const CHAR_S = 115; // s
const CHAR_D = 100; // d
const CHAR_Q = 113; // q
const MINUS = 45;
const PLUS = 43;
const ZERO = 48;
const NINE = 57;

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export class PlainReadingReader {
  private readonly src: string;
  private tags = makeTags('');
  /**
   * The last shape read, as a sticky pattern: markup, then per number `[+-]?[0-9]{1,15}` and more
   * markup. `skip[k]` is the length of the markup before number k, which goes to `fields[k]`.
   */
  private shape: RegExp | undefined;
  private skip: number[] = [];
  private fields: number[] = [];
  private shapeHasTimePeriod = false;
  /** Numbers met by `readByTags`: where each starts and ends, and its field. */
  private readonly numberStart = new Int32Array(MAX_NUMBERS);
  private readonly numberEnd = new Int32Array(MAX_NUMBERS);
  private readonly numberField = new Uint8Array(MAX_NUMBERS);
  private numbers = 0;
  /** The integer `readInteger` read last, and where it ended. */
  private integer = 0;
  private integerEnd = 0;

  constructor(src: string) {
    this.src = src;
  }

  /** The prefix of the block being read. */
  usePrefix(prefix: string): void {
    if (this.tags.prefix === prefix) return;
    this.tags = makeTags(prefix);
    this.shape = undefined;
  }

  /**
   * Reads the IntervalReading whose start tag is at `lt` into `out` and returns the position after its
   * end tag, or -1, having changed nothing, when it is not an IntervalReading written the plain way.
   */
  read(lt: number, out: Reading): number {
    const end = this.readByShape(lt, out);
    if (end >= 0) return end;
    const read = this.readByTags(lt, out);
    if (read >= 0) this.remember(lt, read);
    return read;
  }

  /** Reads `[sign] digits` (1 to 15 of them) at `at` into `integer`; false if there are none or too many. */
  private readInteger(at: number): boolean {
    const src = this.src;
    let i = at;
    let c = src.charCodeAt(i);
    const negative = c === MINUS;
    if (negative || c === PLUS) c = src.charCodeAt(++i);
    const digitsStart = i;
    let n = 0;
    while (c >= ZERO && c <= NINE) {
      n = n * 10 + (c - ZERO);
      c = src.charCodeAt(++i);
    }
    if (i === digitsStart || i - digitsStart > MAX_DIGITS) return false;
    this.integer = negative ? -n : n;
    this.integerEnd = i;
    return true;
  }

  private readByShape(lt: number, out: Reading): number {
    const { shape, skip, fields } = this;
    if (shape === undefined) return -1;
    shape.lastIndex = lt;
    if (!shape.test(this.src)) return -1;
    const end = shape.lastIndex;
    let value = Number.NaN;
    let cost = Number.NaN;
    let quality = NO_QUALITY;
    let start = Number.NaN;
    let duration = Number.NaN;
    let i = lt;
    for (let k = 0; k < fields.length; k++) {
      // The pattern matched: the number is where the markup before it ends.
      this.readInteger(i + (skip[k] as number));
      i = this.integerEnd;
      const v = this.integer;
      switch (fields[k]) {
        case VALUE:
          value = v;
          break;
        case COST:
          cost = v;
          break;
        case START:
          start = v;
          break;
        case DURATION:
          duration = v;
          break;
        default:
          if (quality === NO_QUALITY && v >= 0 && v < NO_QUALITY) quality = v;
      }
    }
    out.value = value;
    out.hasValue = value === value;
    out.cost = cost;
    out.badCost = false;
    out.quality = quality;
    out.start = start;
    out.duration = duration;
    out.hasTimePeriod = this.shapeHasTimePeriod;
    return end;
  }

  /** Reads `[ws] integer [ws] endTag` at `at`, noting the number; returns the position after `endTag` or -1. */
  private number(at: number, endTag: string, field: number): number {
    const src = this.src;
    let i = at;
    while (isSpace(src.charCodeAt(i))) i++;
    const start = i;
    if (!this.readInteger(i)) return -1;
    i = this.integerEnd;
    const end = i;
    while (isSpace(src.charCodeAt(i))) i++;
    if (!src.startsWith(endTag, i)) return -1;
    const k = this.numbers++;
    if (k < MAX_NUMBERS) {
      this.numberStart[k] = start;
      this.numberEnd[k] = end;
      this.numberField[k] = field;
    }
    return i + endTag.length;
  }

  /** Reads the reading tag by tag: children among cost, ReadingQuality/quality, timePeriod/(start, duration) and value, in any order. */
  private readByTags(lt: number, out: Reading): number {
    const src = this.src;
    const t = this.tags;
    if (!src.startsWith(t.reading, lt)) return -1;
    let value = Number.NaN;
    let cost = Number.NaN;
    let quality = NO_QUALITY;
    let start = Number.NaN;
    let duration = Number.NaN;
    let hasTimePeriod = false;
    let inTimePeriod = false;
    let inQuality = false;
    this.numbers = 0;
    let i = lt + t.reading.length;
    for (;;) {
      let c = src.charCodeAt(i);
      while (isSpace(c)) c = src.charCodeAt(++i);
      if (c !== LT) return -1;
      c = src.charCodeAt(i + t.localAt);
      if (inTimePeriod) {
        if (c === CHAR_S && src.startsWith(t.start, i)) {
          i = this.number(i + t.start.length, t.startEnd, START);
          start = this.integer;
        } else if (c === CHAR_D && src.startsWith(t.duration, i)) {
          i = this.number(i + t.duration.length, t.durationEnd, DURATION);
          duration = this.integer;
        } else if (src.startsWith(t.timePeriodEnd, i)) {
          i += t.timePeriodEnd.length;
          inTimePeriod = false;
        } else return -1;
      } else if (inQuality) {
        if (c === CHAR_Q && src.startsWith(t.quality, i)) {
          i = this.number(i + t.quality.length, t.qualityEnd, QUALITY);
          if (quality === NO_QUALITY && this.integer >= 0 && this.integer < NO_QUALITY)
            quality = this.integer;
        } else if (src.startsWith(t.readingQualityEnd, i)) {
          i += t.readingQualityEnd.length;
          inQuality = false;
        } else return -1;
      } else if (c === CHAR_V && src.startsWith(t.value, i)) {
        i = this.number(i + t.value.length, t.valueEnd, VALUE);
        value = this.integer;
      } else if (c === CHAR_C && src.startsWith(t.cost, i)) {
        i = this.number(i + t.cost.length, t.costEnd, COST);
        cost = this.integer;
      } else if (c === CHAR_T && src.startsWith(t.timePeriod, i)) {
        i += t.timePeriod.length;
        hasTimePeriod = true;
        inTimePeriod = true;
      } else if (c === CHAR_R && src.startsWith(t.readingQuality, i)) {
        i += t.readingQuality.length;
        inQuality = true;
      } else if (src.startsWith(t.readingEnd, i)) {
        break;
      } else return -1;
      if (i < 0) return -1;
    }
    out.value = value;
    out.hasValue = value === value;
    out.cost = cost;
    out.badCost = false;
    out.quality = quality;
    out.start = start;
    out.duration = duration;
    out.hasTimePeriod = hasTimePeriod;
    this.shapeHasTimePeriod = hasTimePeriod;
    return i + t.readingEnd.length;
  }

  /** Remembers the markup around the numbers of the reading `[lt, end)` just read by `readByTags`. */
  private remember(lt: number, end: number): void {
    const n = this.numbers;
    if (n === 0 || n > MAX_NUMBERS) {
      this.shape = undefined;
      return;
    }
    let pattern = '';
    const skip: number[] = [];
    const fields: number[] = [];
    let from = lt;
    for (let k = 0; k < n; k++) {
      const to = this.numberStart[k] as number;
      pattern += `${escapePattern(this.src.slice(from, to))}[+-]?[0-9]{1,${MAX_DIGITS}}`;
      skip.push(to - from);
      fields.push(this.numberField[k] as number);
      from = this.numberEnd[k] as number;
    }
    pattern += escapePattern(this.src.slice(from, end));
    this.shape = new RegExp(pattern, 'y');
    this.skip = skip;
    this.fields = fields;
  }
}

function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
