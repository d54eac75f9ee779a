/** Money, dates and changes as the insights pages write them, in the service address's zone. */
import { DISPLAY_LOCALE } from '../../../espi/index.ts';
import { formatMoney } from '../../../espi/index.ts';

export const money = (amount: number, currency: number | undefined) => formatMoney(amount, currency);

/** A signed amount: "+$12.40", "−$3.10". */
export function signedMoney(amount: number, currency: number | undefined): string {
  const text = formatMoney(Math.abs(amount), currency);
  return Math.abs(amount) < 0.005 ? text : `${amount > 0 ? '+' : '−'}${text}`;
}

export function day(epochSeconds: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, { month: 'short', day: 'numeric', timeZone }).format(
    epochSeconds * 1000,
  );
}

/** A period [start, end): its first and last day ("Oct 1 – Oct 31"). */
export function periodText(start: number, end: number, timeZone: string | undefined): string {
  return `${day(start, timeZone)} – ${day(end - 1, timeZone)}`;
}

export const percent = (fraction: number) =>
  new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
