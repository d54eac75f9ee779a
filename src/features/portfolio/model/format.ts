/** The portfolio's figures in words and numbers, in the reader's locale. Free of React. */
import { DISPLAY_LOCALE } from '../../../espi/index.ts';

const percent = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});

/** `+25%`, `−50%`; `–` without a year-ago figure. */
export function formatChange(change: number | null): string {
  return change === null ? '–' : percent.format(change);
}

/** `May 2025` for `2025-05` (a calendar month, the same in every zone). */
export function formatMonthKey(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 1),
  );
}

/** A day in the account's zone: `Oct 19, 2026`. */
export function formatLocalDay(epochSeconds: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(epochSeconds * 1000);
}
