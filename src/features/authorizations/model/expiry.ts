/**
 * Expiry reminders (issue 15): an active authorization whose term ends within `REMINDER_DAYS` stands
 * out on the home page and in the list, and offers a one-step renewal.
 */
import { periodEnd, type Period } from './authorization-dates.ts';
import type { AuthorizationStatus } from './authorization-list.ts';
import { type EpochSeconds, millisOf } from '../../../espi/index.ts';

/** How close an end must be to be called out: a month, the notice a customer can act on calmly. */
export const REMINDER_DAYS = 30;
/** A renewal reaches one year from today (the custodian's longest term, docs/openapi.yaml). */
export const RENEWAL_DAYS = 365;
const DAY = 86_400;

interface Ending {
  status: AuthorizationStatus;
  authorizedPeriod: Period;
}

/**
 * Calendar days, in the customer's time zone, from today to the day an active authorization's term
 * ends (0: it ends today), as a person counts them; undefined without an end.
 */
export function daysUntilEnd(a: Ending, nowSeconds: EpochSeconds): number | undefined {
  const end = periodEnd(a.authorizedPeriod);
  if (a.status !== 'active' || end === undefined || end <= nowSeconds) return undefined;
  return Math.round((localMidnight(end) - localMidnight(nowSeconds)) / DAY);
}

function localMidnight(epochSeconds: EpochSeconds): number {
  const day = new Date(millisOf(epochSeconds));
  return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime() / 1000;
}

export function endsSoon(a: Ending, nowSeconds: EpochSeconds): boolean {
  const days = daysUntilEnd(a, nowSeconds);
  return days !== undefined && days <= REMINDER_DAYS;
}

/** "Ends today", "Ends tomorrow", "Ends in 12 days". */
export function endsInWords(days: number): string {
  if (days === 0) return 'Ends today';
  if (days === 1) return 'Ends tomorrow';
  return `Ends in ${days} days`;
}

/** Where a renewal made now ends, as the custodian sets it: one year from today. */
export function renewedEnd(nowSeconds: EpochSeconds): number {
  return nowSeconds + RENEWAL_DAYS * DAY;
}
