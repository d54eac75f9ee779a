/**
 * When an authorization started, ends or ended, in words with dates. ESPI gives periods as start and
 * duration in epoch seconds, duration 0 meaning open-ended (docs/espi.md 2.2); "expired" is derived from
 * the authorized period's end.
 */
import type { AuthorizationStatus } from './authorization-list.ts';
import { DISPLAY_LOCALE, type EpochSeconds, millisOf } from '../../../espi/index.ts';

export interface Period {
  start: number;
  duration: number;
}

export interface DatedAuthorization {
  status: AuthorizationStatus;
  authorizedPeriod: Period;
  createdAt: number;
  updatedAt: number;
  revokedAt?: number | null;
}

/** End of a period in epoch seconds, or undefined when it is open-ended. */
export function periodEnd(period: Period): number | undefined {
  return period.duration > 0 ? period.start + period.duration : undefined;
}

/** The one date a person most needs: when it ends (none: only when revoked), or when it stopped. */
export function endingOf(a: DatedAuthorization): { label: string; at?: number } {
  switch (a.status) {
    case 'active': {
      const end = periodEnd(a.authorizedPeriod);
      return end === undefined ? { label: 'Ends' } : { label: 'Ends', at: end };
    }
    case 'expired':
      return { label: 'Ended', at: periodEnd(a.authorizedPeriod) ?? a.updatedAt };
    case 'revoked':
      return { label: 'Revoked', at: a.revokedAt ?? a.updatedAt };
    case 'denied':
      return { label: 'Declined', at: a.createdAt };
  }
}

const dateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(epochSeconds: EpochSeconds): string {
  return dateFormat.format(millisOf(epochSeconds));
}

export function formatDateTime(epochSeconds: EpochSeconds): string {
  return dateTimeFormat.format(millisOf(epochSeconds));
}

export function isoDate(epochSeconds: EpochSeconds): string {
  return new Date(millisOf(epochSeconds)).toISOString();
}

/** "12 Mar 2026 to 12 Mar 2027", "from 3 Feb 2025, open-ended". */
export function periodInWords(period: Period): string {
  const end = periodEnd(period);
  return end === undefined
    ? `From ${formatDate(period.start)}, with no end date`
    : `${formatDate(period.start)} to ${formatDate(end)}`;
}
