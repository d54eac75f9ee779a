/** Dates and amounts of the account page, in the zone of the account's service address. */
import { type EpochSeconds, formatCost, millisOf } from '../../../espi/index.ts';

const USD = 840;

export function moneyText(raw: number | undefined): string {
  return raw === undefined ? 'Not published' : formatCost(raw, USD);
}

export function dateText(epochSeconds: EpochSeconds, timeZone: string | undefined): string {
  if (!Number.isFinite(epochSeconds)) return 'Unknown date';
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(millisOf(epochSeconds));
}

/** "Oct 1 – Oct 31, 2025": the end is exclusive, so the last day shown is the one before it. */
export function periodText(period: { start: number; end: number }, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).formatRange(period.start * 1000, (period.end - 1) * 1000);
}
