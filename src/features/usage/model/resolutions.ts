/**
 * Which resolutions a meter can show: none finer than its readings, and billing periods only where they
 * are given. A daily gas meter has no hours to show, so offering "Hour" would only draw one reading spread
 * over 24 empty buckets; a meter without UsageSummaries has no billing periods, so "Billing period" would
 * only repeat "Month".
 */
import type { UsagePoint } from '../../../espi/index.ts';
import { RESOLUTIONS, type Resolution } from './range.ts';
import { flowReadings } from './readings.ts';

/** The coarsest reading each resolution still divides; days and months allow for DST and 31-day months. */
const LONGEST_READING: Readonly<Record<Resolution, number>> = {
  interval: 3600 - 1,
  hour: 3600,
  day: 25 * 3600,
  month: 32 * 86400,
  billing: Infinity,
};

/** How far the median is looked for: a meter's reading length is the same all year. */
const SAMPLE = 1001;

/**
 * The length of a usage point's readings, seconds: the ReadingType's intervalLength, else the median
 * reading of its primary flow (a file may leave intervalLength out). Undefined without readings.
 */
export function readingSeconds(usagePoint: UsagePoint): number | undefined {
  const primary = flowReadings(usagePoint)[0]?.meterReading;
  if (!primary) return undefined;
  const declared = primary.readingType?.intervalLength;
  if (declared !== undefined && declared > 0) return declared;
  const n = Math.min(primary.readings.count, SAMPLE);
  if (n === 0) return undefined;
  const durations = Array.from(primary.readings.duration.subarray(0, n)).sort((a, b) => a - b);
  return durations[n >> 1];
}

/** A UsageSummary collection's href (ElectricPowerUsageSummary is its ESPI 1.0 name). */
const SUMMARY_COLLECTION = /\/(ElectricPower)?UsageSummary$/;

/** Where a usage point was read: a custodian's feed for a window of days, or a whole file. */
export type ReadFrom = 'feed' | 'file';

/**
 * Whether billing periods are given: UsageSummaries with a billing period in hand, or, in a custodian's
 * feed read for a window, the usage point's link to its UsageSummary collection (the periods outside the
 * window are there too; the RI links it only when the scope grants summaries, FB 15). A file holds all
 * it has: its links may name collections it does not carry (three of testdata/real-files do).
 */
export function hasBillingPeriods(usagePoint: UsagePoint, readFrom: ReadFrom): boolean {
  if (usagePoint.usageSummaries.some((summary) => summary.billingPeriod !== undefined)) return true;
  return readFrom === 'feed' && usagePoint.meta.relatedHrefs.some((href) => SUMMARY_COLLECTION.test(href));
}

/**
 * The resolutions for readings of this length (all of them when the length is unknown), finest first;
 * "Billing period" only with `billingPeriods`.
 */
export function offeredResolutions(readingLength: number | undefined, billingPeriods: boolean): Resolution[] {
  return RESOLUTIONS.filter(
    (resolution) =>
      (resolution !== 'billing' || billingPeriods) &&
      (readingLength === undefined || readingLength <= LONGEST_READING[resolution]),
  );
}
