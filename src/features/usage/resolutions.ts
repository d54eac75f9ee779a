/**
 * Which resolutions a meter can show: none finer than its readings. A daily gas meter has no hours to
 * show, so offering "Hour" would only draw one reading spread over 24 empty buckets.
 */
import type { UsagePoint } from '../../espi/model.ts';
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

/** The resolutions for readings of this length (all of them when the length is unknown), finest first. */
export function offeredResolutions(readingLength: number | undefined): Resolution[] {
  if (readingLength === undefined) return [...RESOLUTIONS];
  return RESOLUTIONS.filter((resolution) => readingLength <= LONGEST_READING[resolution]);
}
