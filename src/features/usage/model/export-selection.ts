/**
 * Which meters a many-meter export takes (issue 16): all of the customer's, or those of one site and of
 * some services. Disconnected meters are never left out silently: they are counted and named with the
 * reason, and included unless the customer leaves them out (their history stays readable).
 */
import { civilFromDays, daysFromCivil } from '../../../espi/index.ts';
import type { UsagePointListing } from '../api/usage-points.ts';
import { dateOfDay, dayNumber, type DayRange } from './range.ts';

export interface ExportChoice {
  /** A site's name, or undefined for every site. */
  site?: string;
  /** ServiceKinds to take; empty takes none. */
  services: readonly number[];
  includeDisconnected: boolean;
}

/** Why a meter needs a word where meters are chosen, or undefined when it needs none. */
export function meterCaveat(meter: UsagePointListing): string | undefined {
  return meter.bulkEligible === false
    ? 'Disconnected: no longer in service. Its readings up to then are in the file.'
    : undefined;
}

export function sitesOf(meters: readonly UsagePointListing[]): string[] {
  return [...new Set(meters.map((m) => m.site).filter((s): s is string => s !== undefined))].sort((a, b) =>
    a.localeCompare(b),
  );
}

export function servicesOf(meters: readonly UsagePointListing[]): number[] {
  return [...new Set(meters.map((m) => m.serviceKind))].sort((a, b) => a - b);
}

/** The meters of the chosen site and services, and of those the disconnected ones (taken or not). */
export function chosenMeters(
  meters: readonly UsagePointListing[],
  choice: ExportChoice,
): { taken: UsagePointListing[]; disconnected: UsagePointListing[] } {
  const inScope = meters.filter(
    (m) => (choice.site === undefined || m.site === choice.site) && choice.services.includes(m.serviceKind),
  );
  const disconnected = inScope.filter((m) => meterCaveat(m) !== undefined);
  return {
    taken: choice.includeDisconnected ? inScope : inScope.filter((m) => meterCaveat(m) === undefined),
    disconnected,
  };
}

/** The custodian publishes about a day and a half late: the last day that can be complete. */
const LAST_COMPLETE_DAY_BEHIND = 2;

/** The last whole calendar month whose days are all published, by `today` in the account's zone. */
export function lastWholeMonth(today: string): DayRange {
  const lastDay = (dayNumber(today) ?? 0) - LAST_COMPLETE_DAY_BEHIND;
  const { year, month } = civilFromDays(lastDay);
  const monthEnd = daysFromCivil(year, month + 1, 1) - 1;
  const end = monthEnd <= lastDay ? monthEnd : daysFromCivil(year, month, 1) - 1;
  const whole = civilFromDays(end);
  return { from: dateOfDay(daysFromCivil(whole.year, whole.month, 1)), to: dateOfDay(end) };
}
