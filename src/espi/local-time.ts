/**
 * Local time from ESPI LocalTimeParameters: the DstRuleType words decoded (docs/espi.md 2.2, espi.xsd
 * `DstRuleType`) and a clock that turns epoch seconds into local calendar parts and back, so days, weeks and
 * months are cut where the customer's clock cuts them (23- and 25-hour days included).
 *
 * Pure arithmetic on epoch seconds (no Date, no Intl): aggregation calls it once per reading.
 */
import type { LocalTimeParameters } from './model.ts';
import type { EpochDays, EpochSeconds } from './time-units.ts';

/** The four fields of LocalTimeParameters that define a clock (LocalTimeParameters itself fits). */
export interface TimeZoneRules {
  /** Offset of local standard time from UTC, seconds, negative west (-18000 = US Eastern). */
  tzOffset?: number;
  /** Seconds added while DST is in effect (normally 3600). */
  dstOffset?: number;
  /** DstRuleType words; 0xFFFFFFFF (or absent) disables DST. */
  dstStartRule?: number;
  dstEndRule?: number;
}

/** A decoded DstRuleType. Day of week 1 = Monday ... 7 = Sunday, 0 = not applicable. */
export interface DstRule {
  month: number;
  /** 0 on dayOfMonth; 1 dayOfWeek on or after dayOfMonth; 2-6 the 1st-5th dayOfWeek; 7 the last dayOfWeek. */
  operator: number;
  dayOfMonth: number;
  dayOfWeek: number;
  hour: number;
  /** Seconds past the hour, 0-3599. */
  seconds: number;
}

export const DST_DISABLED = 0xffffffff;
/** Second Sunday of March, 02:00 (the US rule since 2007): the reference's worked value. */
export const US_DST_START = 0x360e2000;
/** First Sunday of November, 02:00. */
export const US_DST_END = 0xb40e2000;

/** Bits per docs/espi.md 2.2: 0-11 seconds, 12-16 hour, 17-19 weekday, 20-24 day, 25-27 operator, 28-31 month. */
export function decodeDstRule(word: number | undefined): DstRule | undefined {
  if (word === undefined) return undefined;
  const w = word >>> 0;
  if (w === DST_DISABLED) return undefined;
  const rule: DstRule = {
    month: (w >>> 28) & 0xf,
    operator: (w >>> 25) & 0x7,
    dayOfMonth: (w >>> 20) & 0x1f,
    dayOfWeek: (w >>> 17) & 0x7,
    hour: (w >>> 12) & 0x1f,
    seconds: w & 0xfff,
  };
  const needsWeekday = rule.operator !== 0;
  const needsDay = rule.operator <= 1;
  const valid =
    rule.month >= 1 &&
    rule.month <= 12 &&
    rule.hour <= 23 &&
    rule.seconds <= 3599 &&
    (!needsWeekday || rule.dayOfWeek >= 1) &&
    (!needsDay || rule.dayOfMonth >= 1);
  return valid ? rule : undefined;
}

export function encodeDstRule(rule: DstRule): number {
  return (
    ((rule.month << 28) |
      (rule.operator << 25) |
      (rule.dayOfMonth << 20) |
      (rule.dayOfWeek << 17) |
      (rule.hour << 12) |
      rule.seconds) >>>
    0
  );
}

/** The DstRuleType as 8 upper-case hex digits, the way ESPI files write it. */
export function dstRuleHex(word: number): string {
  return (word >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

// --- Civil calendar arithmetic (proleptic Gregorian; H. Hinnant, "chrono-Compatible Low-Level Date Algorithms")

/** Days since 1970-01-01 of a civil date (month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): EpochDays {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day count since 1970-01-01. */
export function civilFromDays(days: EpochDays): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day count: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: EpochDays): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

/** The local date a rule falls on in `year`, as days since 1970-01-01. */
export function dstRuleDay(rule: DstRule, year: number): number {
  const first = daysFromCivil(year, rule.month, 1);
  const length = daysInMonth(year, rule.month);
  const onOrAfter = (day: number) => day + ((rule.dayOfWeek - weekdayOfDays(day) + 7) % 7);
  switch (rule.operator) {
    case 0:
      return first + Math.min(rule.dayOfMonth, length) - 1;
    case 1:
      return onOrAfter(first + rule.dayOfMonth - 1);
    case 7: {
      const last = first + length - 1;
      return last - ((weekdayOfDays(last) - rule.dayOfWeek + 7) % 7);
    }
    default: {
      // 2..6 = 1st..5th; a 5th weekday that the month lacks falls back to the last one.
      const day = onOrAfter(first) + 7 * (rule.operator - 2);
      return day < first + length ? day : day - 7;
    }
  }
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "second Sunday of March at 02:00". */
export function describeDstRule(rule: DstRule): string {
  const weekday = WEEKDAYS[rule.dayOfWeek - 1] ?? '';
  const month = MONTHS[rule.month - 1] ?? '';
  const minutes = Math.floor(rule.seconds / 60);
  const secs = rule.seconds % 60;
  const time = `${pad2(rule.hour)}:${pad2(minutes)}${secs ? `:${pad2(secs)}` : ''}`;
  let day: string;
  if (rule.operator === 0) day = `${month} ${rule.dayOfMonth}`;
  else if (rule.operator === 1) day = `the first ${weekday} on or after ${month} ${rule.dayOfMonth}`;
  else if (rule.operator === 7) day = `the last ${weekday} of ${month}`;
  else day = `the ${ORDINALS[rule.operator - 2] ?? ''} ${weekday} of ${month}`;
  return `${day} at ${time}`;
}

/** `UTC-05:00`. */
export function formatUtcOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  return `UTC${sign}${pad2(Math.floor(abs / 3600))}:${pad2(Math.floor((abs % 3600) / 60))}`;
}

// --- Well-known zones: named when offset and rules match ------------------------------------------------

interface KnownZone {
  name: string;
  iana: string;
  tzOffset: number;
  dst?: { start: number; end: number };
}

const US_RULES = { start: US_DST_START, end: US_DST_END };
// EU: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC, written as local wall times.
const euRules = (stdHour: number) => ({
  start: encodeDstRule({ month: 3, operator: 7, dayOfMonth: 0, dayOfWeek: 7, hour: stdHour, seconds: 0 }),
  end: encodeDstRule({ month: 10, operator: 7, dayOfMonth: 0, dayOfWeek: 7, hour: stdHour + 1, seconds: 0 }),
});

const KNOWN_ZONES: readonly KnownZone[] = [
  { name: 'US Eastern Time', iana: 'America/New_York', tzOffset: -18000, dst: US_RULES },
  { name: 'US Central Time', iana: 'America/Chicago', tzOffset: -21600, dst: US_RULES },
  { name: 'US Mountain Time', iana: 'America/Denver', tzOffset: -25200, dst: US_RULES },
  { name: 'US Mountain Time (Arizona, no DST)', iana: 'America/Phoenix', tzOffset: -25200 },
  { name: 'US Pacific Time', iana: 'America/Los_Angeles', tzOffset: -28800, dst: US_RULES },
  { name: 'Alaska Time', iana: 'America/Anchorage', tzOffset: -32400, dst: US_RULES },
  { name: 'Hawaii Time', iana: 'Pacific/Honolulu', tzOffset: -36000 },
  { name: 'UK Time', iana: 'Europe/London', tzOffset: 0, dst: euRules(1) },
  { name: 'Central European Time', iana: 'Europe/Paris', tzOffset: 3600, dst: euRules(2) },
  { name: 'Eastern European Time', iana: 'Europe/Helsinki', tzOffset: 7200, dst: euRules(3) },
];

/** Rules for a named US zone, e.g. as the fallback when a file carries no LocalTimeParameters. */
export function usZoneRules(zone: 'Eastern' | 'Central' | 'Mountain' | 'Pacific'): TimeZoneRules {
  const tzOffset = { Eastern: -18000, Central: -21600, Mountain: -25200, Pacific: -28800 }[zone];
  return { tzOffset, dstOffset: 3600, dstStartRule: US_DST_START, dstEndRule: US_DST_END };
}

// --- The clock ---------------------------------------------------------------------------------------

export interface LocalParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Offset from UTC in effect, seconds. */
  offset: number;
}

export interface LocalTime {
  /** "US Eastern Time (UTC-05:00, DST)", "UTC-05:00 with DST (US rules)", "UTC". */
  zoneName: string;
  /** IANA id when the rules match a well-known zone, for Intl formatting; undefined otherwise. */
  iana?: string;
  /** The well-known zone's name without offsets ("US Pacific Time"), when the rules match one. */
  placeName?: string;
  tzOffset: number;
  hasDst: boolean;
  /** True when no LocalTimeParameters were given and the fallback (or UTC) is used. */
  isFallback: boolean;
  offsetAt(epochSeconds: EpochSeconds): number;
  toLocal(epochSeconds: EpochSeconds): LocalParts;
  /** Epoch seconds of a local wall time; a time skipped by spring-forward maps past the gap, an ambiguous one to its first occurrence. */
  fromLocal(
    year: number,
    month: number,
    day: number,
    hour?: number,
    minute?: number,
    second?: number,
  ): EpochSeconds;
  startOfLocalHour(epochSeconds: EpochSeconds): EpochSeconds;
  startOfLocalDay(epochSeconds: EpochSeconds): EpochSeconds;
  /** Start of the local week; weeks start on Monday unless `weekStartsOn` (ISO weekday 1-7) says otherwise. */
  startOfLocalWeek(epochSeconds: EpochSeconds, weekStartsOn?: number): EpochSeconds;
  startOfLocalMonth(epochSeconds: EpochSeconds): EpochSeconds;
  /** Same wall-clock time `days` local days later (so across DST it moves 23 or 25 hours). */
  addLocalDays(epochSeconds: EpochSeconds, days: number): EpochSeconds;
  /** Same wall-clock time `months` later, the day clamped to the month's length. */
  addLocalMonths(epochSeconds: EpochSeconds, months: number): EpochSeconds;
  /** DST start and end instants (epoch seconds) in a local year, or undefined without DST. */
  dstTransitions(year: number): { start: EpochSeconds; end: EpochSeconds } | undefined;
  /** Local ISO-8601 with offset: `2024-03-10T03:00:00-04:00`. */
  toIsoLocal(epochSeconds: EpochSeconds): string;
}

const SECONDS_PER_DAY = 86400;

/**
 * A clock for LocalTimeParameters. The start rule is read in standard time and the end rule in daylight
 * time (US practice, 2:00 wall clock both ways: docs/espi.md 2.2). Parameters are taken as given; without them,
 * `fallback` (for instance the custodian's known zone) or else UTC.
 */
export function createLocalTime(ltp: LocalTimeParameters | undefined, fallback?: TimeZoneRules): LocalTime {
  const rules: TimeZoneRules = ltp ?? fallback ?? {};
  const isFallback = ltp === undefined;
  const tzOffset = rules.tzOffset ?? 0;
  const dstOffset = rules.dstOffset ?? 0;
  const startRule = decodeDstRule(rules.dstStartRule);
  const endRule = decodeDstRule(rules.dstEndRule);
  const hasDst = dstOffset !== 0 && startRule !== undefined && endRule !== undefined;

  const transitions = new Map<number, { start: number; end: number }>();
  function dstTransitions(year: number): { start: number; end: number } | undefined {
    if (!hasDst || !startRule || !endRule) return undefined;
    let t = transitions.get(year);
    if (!t) {
      const start =
        dstRuleDay(startRule, year) * SECONDS_PER_DAY + startRule.hour * 3600 + startRule.seconds - tzOffset;
      const end =
        dstRuleDay(endRule, year) * SECONDS_PER_DAY +
        endRule.hour * 3600 +
        endRule.seconds -
        tzOffset -
        dstOffset;
      t = { start, end };
      transitions.set(year, t);
    }
    return t;
  }

  function offsetAt(epochSeconds: EpochSeconds): number {
    if (!hasDst) return tzOffset;
    const year = civilFromDays(Math.floor((epochSeconds + tzOffset) / SECONDS_PER_DAY)).year;
    const t = dstTransitions(year);
    if (!t) return tzOffset;
    // A rule pair with end before start (southern hemisphere) wraps around the new year.
    const inDst =
      t.start <= t.end
        ? epochSeconds >= t.start && epochSeconds < t.end
        : epochSeconds >= t.start || epochSeconds < t.end;
    return inDst ? tzOffset + dstOffset : tzOffset;
  }

  function toLocal(epochSeconds: EpochSeconds): LocalParts {
    const offset = offsetAt(epochSeconds);
    const local = epochSeconds + offset;
    const days = Math.floor(local / SECONDS_PER_DAY);
    const secondOfDay = local - days * SECONDS_PER_DAY;
    const { year, month, day } = civilFromDays(days);
    return {
      year,
      month,
      day,
      hour: Math.floor(secondOfDay / 3600),
      minute: Math.floor((secondOfDay % 3600) / 60),
      second: secondOfDay % 60,
      weekday: weekdayOfDays(days),
      offset,
    };
  }

  function fromLocal(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
    // Normalise month overflow (month 13 = January next year) so callers can add months freely.
    const y = year + Math.floor((month - 1) / 12);
    const m = ((((month - 1) % 12) + 12) % 12) + 1;
    const wall = daysFromCivil(y, m, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    if (hasDst) {
      const daylight = wall - tzOffset - dstOffset;
      if (offsetAt(daylight) === tzOffset + dstOffset) return daylight;
    }
    return wall - tzOffset;
  }

  function startOfLocalDay(epochSeconds: EpochSeconds): number {
    const p = toLocal(epochSeconds);
    return fromLocal(p.year, p.month, p.day);
  }

  const iso = (epochSeconds: EpochSeconds): string => {
    const p = toLocal(epochSeconds);
    const off = p.offset;
    const offText =
      off === 0
        ? 'Z'
        : `${off < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(off) / 3600))}:${pad2(Math.floor((Math.abs(off) % 3600) / 60))}`;
    const year = String(p.year).padStart(4, '0');
    return `${year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}${offText}`;
  };

  const known = KNOWN_ZONES.find(
    (z) =>
      z.tzOffset === tzOffset &&
      (z.dst
        ? hasDst &&
          dstOffset === 3600 &&
          (rules.dstStartRule ?? 0) >>> 0 === z.dst.start &&
          (rules.dstEndRule ?? 0) >>> 0 === z.dst.end
        : !hasDst),
  );

  return {
    zoneName: zoneNameFor(tzOffset, hasDst, startRule, endRule, rules, known, isFallback && !fallback),
    ...(known && (hasDst || tzOffset !== 0) ? { iana: known.iana, placeName: known.name } : {}),
    tzOffset,
    hasDst,
    isFallback,
    offsetAt,
    toLocal,
    fromLocal,
    startOfLocalHour(epochSeconds) {
      const offset = offsetAt(epochSeconds);
      const local = epochSeconds + offset;
      const hour = local - (((local % 3600) + 3600) % 3600) - offset;
      if (offsetAt(hour) === offset) return hour;
      // A shift of part of an hour (Lord Howe's 30 minutes) lies inside this hour: the hour began at it.
      const year = toLocal(epochSeconds).year;
      const shifts = [dstTransitions(year - 1), dstTransitions(year)].flatMap((t) =>
        t ? [t.start, t.end] : [],
      );
      return Math.max(...shifts.filter((t) => t <= epochSeconds));
    },
    startOfLocalDay,
    startOfLocalWeek(epochSeconds, weekStartsOn = 1) {
      const p = toLocal(epochSeconds);
      const back = (p.weekday - weekStartsOn + 7) % 7;
      return fromLocal(p.year, p.month, p.day - back);
    },
    startOfLocalMonth(epochSeconds) {
      const p = toLocal(epochSeconds);
      return fromLocal(p.year, p.month, 1);
    },
    addLocalDays(epochSeconds, days) {
      const p = toLocal(epochSeconds);
      return fromLocal(p.year, p.month, p.day + days, p.hour, p.minute, p.second);
    },
    addLocalMonths(epochSeconds, months) {
      const p = toLocal(epochSeconds);
      const target = p.month + months;
      const y = p.year + Math.floor((target - 1) / 12);
      const m = ((((target - 1) % 12) + 12) % 12) + 1;
      return fromLocal(y, m, Math.min(p.day, daysInMonth(y, m)), p.hour, p.minute, p.second);
    },
    dstTransitions,
    toIsoLocal: iso,
  };
}

function zoneNameFor(
  tzOffset: number,
  hasDst: boolean,
  startRule: DstRule | undefined,
  endRule: DstRule | undefined,
  rules: TimeZoneRules,
  known: KnownZone | undefined,
  plainUtc: boolean,
): string {
  if (plainUtc) return 'UTC';
  const offset = formatUtcOffset(tzOffset);
  if (known) return `${known.name} (${offset}${hasDst ? ', DST' : ''})`;
  if (!hasDst || !startRule || !endRule) return offset;
  const usRules =
    (rules.dstStartRule ?? 0) >>> 0 === US_DST_START && (rules.dstEndRule ?? 0) >>> 0 === US_DST_END;
  if (usRules) return `${offset} with DST (US rules)`;
  return `${offset} with DST from ${describeDstRule(startRule)} to ${describeDstRule(endRule)}`;
}
