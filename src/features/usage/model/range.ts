/**
 * What a person looks at: a resolution and a range of local calendar days, kept in the URL so a view can
 * be bookmarked and shared. Days are local to the custodian's zone; the fetch window asked of the API is
 * widened so that whole local days (for daily meters whole months) arrive whatever the zone (the reader's
 * LocalTimeParameters cut them).
 */
import {
  civilFromDays,
  daysFromCivil,
  type EpochDays,
  type EpochSeconds,
  isoSeconds,
  type LocalDate,
  type LocalTime,
} from '../../../espi/index.ts';
import type { FeedWindow } from '../api/usage-keys.ts';

export const RESOLUTIONS = ['interval', 'hour', 'day', 'month', 'billing'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const RESOLUTION_LABELS: Readonly<Record<Resolution, string>> = {
  interval: 'Interval',
  hour: 'Hour',
  day: 'Day',
  month: 'Month',
  billing: 'Billing period',
};

/** Days shown when a resolution is first picked: enough bars to read a pattern, few enough to fetch fast. */
const DEFAULT_DAYS: Readonly<Record<Resolution, number>> = {
  interval: 7,
  hour: 14,
  day: 30,
  month: 365,
  billing: 365,
};

/** The longest range a view may ask for: the custodian keeps two years (OWN_DATA_SCOPE HistoryLength), plus the comparison year. */
export const MAX_RANGE_DAYS = 3 * 366;

export const SERIES = ['delivered', 'received', 'net', 'cost', 'compare'] as const;
export type SeriesKey = (typeof SERIES)[number];
const DEFAULT_SERIES: readonly SeriesKey[] = ['delivered', 'received', 'net'];

/** Days `from` to `to`, both included. */
export interface DayRange {
  from: LocalDate;
  to: LocalDate;
}

export interface UsageViewState {
  resolution: Resolution;
  range: DayRange;
  series: SeriesKey[];
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD`, or undefined when it is not a real date. */
export function dayNumber(date: LocalDate): EpochDays | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  return back.year === year && back.month === month && back.day === day ? days : undefined;
}

export function dateOfDay(days: EpochDays): LocalDate {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function rangeDays(range: DayRange): number {
  return (dayNumber(range.to) ?? 0) - (dayNumber(range.from) ?? 0) + 1;
}

/** The default range of a resolution, ending on `lastDay`: the last day with data, so no chart ends in empty days. */
export function defaultRange(resolution: Resolution, lastDay: LocalDate): DayRange {
  const end = dayNumber(lastDay) ?? 0;
  return { from: dateOfDay(end - DEFAULT_DAYS[resolution] + 1), to: dateOfDay(end) };
}

/** Custodians publish a day or several late: a default view fetches this many days more, before its range. */
const PUBLICATION_LAG_DAYS = 7;

/**
 * What to fetch for a default range ending today, before the data's last day is known: the range widened
 * back by the publication lag, so the range that ends on the last day with data is inside what arrives.
 */
export function widenedForLag(range: DayRange): DayRange {
  return { from: dateOfDay((dayNumber(range.from) ?? 0) - PUBLICATION_LAG_DAYS), to: range.to };
}

/** Whether search parameters name a range of their own (a bookmark), rather than asking for the default. */
export function namesRange(params: URLSearchParams): boolean {
  const from = dayNumber(params.get('from') ?? '');
  const to = dayNumber(params.get('to') ?? '');
  return from !== undefined && to !== undefined && from <= to;
}

/** Up to this many days a file is drawn by day; longer ones by month, one bar a month rather than hundreds. */
const DAILY_UP_TO_DAYS = 400;
/** Up to this many days a file is drawn at its own readings (or hours), so one day is a curve, not one dot. */
const FINEST_UP_TO_DAYS = 3;

/** The view that fits a file's data: all its days (up to `MAX_RANGE_DAYS`, the last kept), at a resolution that shows them. */
export function fittingView(
  firstDay: LocalDate,
  lastDay: LocalDate,
  offered: readonly Resolution[],
): Pick<UsageViewState, 'resolution' | 'range'> {
  const end = dayNumber(lastDay) ?? 0;
  const start = Math.max(dayNumber(firstDay) ?? end, end - MAX_RANGE_DAYS + 1);
  const days = end - start + 1;
  const wanted: Resolution =
    days <= FINEST_UP_TO_DAYS ? 'interval' : days <= DAILY_UP_TO_DAYS ? 'day' : 'month';
  return { resolution: nearestOffered(wanted, offered), range: { from: dateOfDay(start), to: lastDay } };
}

/** The same days a year earlier (29 February becomes 28 February). */
export function yearEarlier(range: DayRange): DayRange {
  const shift = (date: LocalDate): LocalDate => {
    const days = dayNumber(date) ?? 0;
    const { year, month, day } = civilFromDays(days);
    const lastDay = civilFromDays(daysFromCivil(year - 1, month + 1, 1) - 1).day;
    return dateOfDay(daysFromCivil(year - 1, month, Math.min(day, lastDay)));
  };
  return { from: shift(range.from), to: shift(range.to) };
}

/** The range of the same length just before (`-1`) or after (`1`) this one. */
export function shiftRange(range: DayRange, direction: -1 | 1): DayRange {
  const length = rangeDays(range);
  const from = (dayNumber(range.from) ?? 0) + direction * length;
  return { from: dateOfDay(from), to: dateOfDay(from + length - 1) };
}

/** Epoch seconds of the range's first local midnight and of the midnight after its last day. */
export function rangeBounds(range: DayRange, clock: LocalTime): { start: EpochSeconds; end: EpochSeconds } {
  const from = civilFromDays(dayNumber(range.from) ?? 0);
  const to = civilFromDays((dayNumber(range.to) ?? 0) + 1);
  return {
    start: clock.fromLocal(from.year, from.month, from.day),
    end: clock.fromLocal(to.year, to.month, to.day),
  };
}

/**
 * Readings of a day or longer come a month to an IntervalBlock (the mock's daily gas, as utilities send
 * monthly statements of daily reads): a window must hold whole months to receive any of them.
 */
const MONTH_BLOCKS_FROM_SECONDS = 86_400;

/** The range widened to the first day of its first month and the last day of its last month. */
export function wholeMonths(range: DayRange): DayRange {
  const from = civilFromDays(dayNumber(range.from) ?? 0);
  const to = civilFromDays(dayNumber(range.to) ?? 0);
  return {
    from: dateOfDay(daysFromCivil(from.year, from.month, 1)),
    to: dateOfDay(daysFromCivil(to.year, to.month + 1, 1) - 1),
  };
}

/**
 * `published-min/max` for a range of a meter whose readings last `readingSeconds`. Local midnights are
 * within 14 hours of UTC midnight, so asking from the UTC midnight a day before to the one two days after
 * covers every zone; the RI keeps blocks that lie wholly inside (docs/espi.md 1.4), so a daily meter's
 * range is first widened to whole months (its blocks), and the view trims to the exact local days after
 * reading.
 */
export function fetchWindow(range: DayRange, readingSeconds?: number): FeedWindow {
  const whole =
    readingSeconds !== undefined && readingSeconds >= MONTH_BLOCKS_FROM_SECONDS ? wholeMonths(range) : range;
  const from = (dayNumber(whole.from) ?? 0) - 1;
  const to = (dayNumber(whole.to) ?? 0) + 2;
  return { publishedMin: isoSeconds(from * 86400), publishedMax: isoSeconds(to * 86400) };
}

/** `wanted` when offered, else the finest offered resolution coarser than it (else the coarsest offered). */
export function nearestOffered(wanted: Resolution, offered: readonly Resolution[]): Resolution {
  if (offered.includes(wanted)) return wanted;
  const rank = RESOLUTIONS.indexOf(wanted);
  return offered.find((r) => RESOLUTIONS.indexOf(r) > rank) ?? offered[offered.length - 1] ?? wanted;
}

function isResolution(value: string | null): value is Resolution {
  return value !== null && (RESOLUTIONS as readonly string[]).includes(value);
}

/**
 * The view in a URL's search parameters, with defaults for what is missing or wrong: a hand-edited URL
 * shows something sensible rather than an error. A range longer than `MAX_RANGE_DAYS` keeps its end; a
 * resolution the meter cannot show becomes the nearest it can (`offered`, resolutions.ts).
 */
export function readViewState(
  params: URLSearchParams,
  lastDay: LocalDate,
  offered: readonly Resolution[] = RESOLUTIONS,
): UsageViewState {
  const asked = params.get('res');
  const resolution = nearestOffered(isResolution(asked) ? asked : 'day', offered);
  const fallback = defaultRange(resolution, lastDay);
  const from = dayNumber(params.get('from') ?? '');
  const to = dayNumber(params.get('to') ?? '');
  let range = fallback;
  if (from !== undefined && to !== undefined && from <= to) {
    range = { from: dateOfDay(Math.max(from, to - MAX_RANGE_DAYS + 1)), to: dateOfDay(to) };
  }
  const seriesParam = params.get('series');
  const series =
    seriesParam === null ? [...DEFAULT_SERIES] : SERIES.filter((key) => seriesParam.split(',').includes(key));
  return { resolution, range, series };
}

/** Search parameters for a view, merged into `params` (other parameters are kept). */
export function writeViewState(params: URLSearchParams, state: UsageViewState): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('res', state.resolution);
  next.set('from', state.range.from);
  next.set('to', state.range.to);
  next.set('series', state.series.join(','));
  return next;
}

/** Today's date in an IANA zone (the usage point's), or in the browser's zone when none is known. */
export function todayIn(timeZone: string | undefined, now = new Date()): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '01';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
