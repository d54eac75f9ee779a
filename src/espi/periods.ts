/**
 * Billing periods as the customer's bill cuts them: the UsageSummary billing periods where the custodian
 * gives them, calendar months of the custodian's zone otherwise. A custodian summarises only periods that
 * have ended, so the current period is inferred from the cycle of the last one given: a monthly cycle
 * (the 1st to the 1st, the 15th to the 15th) continues monthly, any other keeps its length in local days.
 * Never its length in seconds: a month is not always 31 days and a day not always 24 hours.
 *
 * Pure: epoch seconds and a LocalTime in, plain values out.
 */
import { daysFromCivil, type LocalTime } from './local-time.ts';
import type { DateTimeInterval, UsageSummary } from './model.ts';
import type { EpochDays, EpochSeconds } from './time-units.ts';

export interface Period {
  start: EpochSeconds;
  end: EpochSeconds;
  /** 'billing' when the custodian's billing periods set it, 'month' when it is a calendar month. */
  kind: 'billing' | 'month';
}

/** How much of a period the data covers, in local days. */
export interface PeriodCoverage {
  /** Local calendar days of the period that hold data (a day partly covered counts). */
  days: number;
  /** Local calendar days of the whole period. */
  periodDays: number;
  /** The data starts after the period starts or ends before it ends. */
  partial: boolean;
}

/** The local calendar day of an instant, as days since 1970-01-01. */
function localDay(clock: LocalTime, epochSeconds: EpochSeconds): EpochDays {
  const p = clock.toLocal(epochSeconds);
  return daysFromCivil(p.year, p.month, p.day);
}

/** Local calendar days from `start` up to `end` (exclusive): the days a person counts on a calendar. */
export function localDaysBetween(clock: LocalTime, start: EpochSeconds, end: EpochSeconds): number {
  if (end <= start) return 0;
  return localDay(clock, end - 1) - localDay(clock, start) + 1;
}

/** The billing periods UsageSummaries name, oldest first, without repeats. */
export function givenBillingPeriods(summaries: readonly UsageSummary[]): DateTimeInterval[] {
  const seen = new Map<number, DateTimeInterval>();
  for (const s of summaries) {
    if (s.billingPeriod && s.billingPeriod.duration > 0) seen.set(s.billingPeriod.start, s.billingPeriod);
  }
  return [...seen.values()].sort((a, b) => a.start - b.start);
}

/** How billing periods repeat: every month on the same day, or every so many local days. */
export type Cycle = { months: 1 } | { days: number };

/** Starts and ends on the same day of the month at the same time, a month apart. */
function isMonthly(clock: LocalTime, period: Pick<Period, 'start' | 'end'>): boolean {
  const s = clock.toLocal(period.start);
  const e = clock.toLocal(period.end);
  const monthsApart = (e.year - s.year) * 12 + e.month - s.month;
  return monthsApart === 1 && s.day === e.day && s.hour === e.hour && s.minute === e.minute;
}

/**
 * The cycle of the billing periods given: monthly when every one runs from a day of the month to the same
 * day of the next (one 30-day period from April 1 is taken as monthly), else the last one's length in
 * local days.
 */
export function cycleOf(clock: LocalTime, periods: readonly Pick<Period, 'start' | 'end'>[]): Cycle {
  const last = periods.at(-1);
  if (!last || periods.every((p) => isMonthly(clock, p))) return { months: 1 };
  return { days: localDaysBetween(clock, last.start, last.end) };
}

/** The period that follows `period` on a cycle. */
export function nextPeriod(clock: LocalTime, period: Period, cycle: Cycle): Period {
  const end =
    'months' in cycle
      ? clock.addLocalMonths(period.end, cycle.months)
      : clock.addLocalDays(period.end, cycle.days);
  return { start: period.end, end, kind: period.kind };
}

function calendarMonths(clock: LocalTime, from: number, to: number): Period[] {
  const periods: Period[] = [];
  for (let start = clock.startOfLocalMonth(from); start < to;) {
    const end = clock.addLocalMonths(start, 1);
    periods.push({ start, end, kind: 'month' });
    start = end;
  }
  return periods;
}

/**
 * The periods overlapping [from, to), oldest first: the billing periods given, continued on their cycle up
 * to `to` (so the current, unfinished period is there with its true end), or calendar months when none are
 * given. Before the first billing period given nothing is guessed.
 */
export function periodsCovering(
  clock: LocalTime,
  given: readonly DateTimeInterval[],
  from: number,
  to: number,
): Period[] {
  if (given.length === 0) return calendarMonths(clock, from, to);
  const periods: Period[] = given.map((p) => ({
    start: p.start,
    end: p.start + p.duration,
    kind: 'billing',
  }));
  const cycle = cycleOf(clock, periods);
  for (let last = periods.at(-1); last && last.end < to; last = periods.at(-1)) {
    periods.push(nextPeriod(clock, last, cycle));
  }
  return periods.filter((p) => p.end > from && p.start < to);
}

/** The period holding `at` and the one before it, on the same cycle. */
export function currentAndPrevious(
  clock: LocalTime,
  given: readonly DateTimeInterval[],
  at: number,
): { current: Period; previous?: Period } | undefined {
  const periods = periodsCovering(clock, given, Math.min(at, given[0]?.start ?? at), at + 1);
  const i = periods.findIndex((p) => p.start <= at && at < p.end);
  const current = periods[i];
  // Before the first billing period given, or in a hole between two: calendar months say more than nothing.
  if (!current) return given.length > 0 ? currentAndPrevious(clock, [], at) : undefined;
  const before = periods[i - 1];
  if (before) return { current, previous: before };
  // A calendar month always has one before it.
  if (current.kind === 'month')
    return {
      current,
      previous: { start: clock.addLocalMonths(current.start, -1), end: current.start, kind: 'month' },
    };
  return { current };
}

/** The local days of `period` that data spanning [dataStart, dataEnd) covers. */
export function coverageOf(
  clock: LocalTime,
  period: Pick<Period, 'start' | 'end'>,
  dataStart: number,
  dataEnd: number,
): PeriodCoverage {
  const start = Math.max(period.start, dataStart);
  const end = Math.min(period.end, dataEnd);
  return {
    days: localDaysBetween(clock, start, end),
    periodDays: localDaysBetween(clock, period.start, period.end),
    partial: start > period.start || end < period.end,
  };
}
