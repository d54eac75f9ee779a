/** Hourly MeterReadings for the insights' tests: values and costs chosen per hour, so results work out by hand. */
import type { MeterReading, UsagePoint } from '../model.ts';
import { NO_QUALITY } from '../model.ts';

const HOUR = 3600;

/** `hours` hourly readings from `start`: `wh(t)` Wh costing `cost(t)` currency units (t the hour's start). */
export function hourlyReading(
  start: number,
  hours: number,
  wh: (t: number) => number,
  cost?: (t: number) => number,
  flowDirection = 1,
): MeterReading {
  const starts = Float64Array.from({ length: hours }, (_, i) => start + i * HOUR);
  return {
    meta: { relatedHrefs: [] },
    readingType: {
      meta: { relatedHrefs: [] },
      flowDirection,
      uom: 72,
      powerOfTenMultiplier: 0,
      intervalLength: HOUR,
      currency: 840,
    },
    blocks: [],
    readings: {
      count: hours,
      start: starts,
      duration: new Uint32Array(hours).fill(HOUR),
      value: starts.map(wh),
      // ESPI costs are hundred-thousandths of the currency.
      ...(cost ? { cost: starts.map((t) => Math.round(cost(t) * 100_000)) } : {}),
      quality: new Uint8Array(hours).fill(NO_QUALITY),
    },
  };
}

export function usagePointOf(...meterReadings: MeterReading[]): UsagePoint {
  return { meta: { relatedHrefs: [] }, serviceKind: 0, meterReadings, usageSummaries: [] };
}
