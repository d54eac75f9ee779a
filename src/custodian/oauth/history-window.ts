import { millisOf } from '../../espi/index.ts';
/**
 * How far back a consent's data reaches, in words: the first and the last whole day of readings the app
 * may read, as calendar days of the customer's zone (not the reader's: a day of readings is the meter's
 * local day). Shared by the server's HTML consent page and the demo's consent form.
 */
export interface HistoryWindow {
  /** Epoch seconds: the first day's start and the end of published data (exclusive). */
  start: number;
  end: number;
  /** IANA zone the days are days of. */
  timeZone: string;
}

export function historyDays(window: HistoryWindow, locale = 'en-US'): { first: string; last: string } {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: window.timeZone });
  return { first: day.format(millisOf(window.start)), last: day.format((window.end - 1) * 1000) };
}

export function historyInWords(window: HistoryWindow, locale?: string): string {
  const { first, last } = historyDays(window, locale);
  return `Readings from ${first} to ${last}`;
}
