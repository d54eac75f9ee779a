/**
 * Register reads for display: the meter's running total at instants (IntervalReadings of duration 0,
 * issue 14), per MeterReading of a usage point, in the unit a person expects and within the days shown.
 * They are points, never usage over an interval, so nothing here adds them up.
 */
import { displayUnitFor, isEstimated, rawToDisplayFactor, type UsagePoint } from '../../../espi/index.ts';

export interface RegisterRead {
  /** Epoch seconds. */
  time: number;
  value: number;
  estimated: boolean;
}

export interface RegisterReadSeries {
  label: string;
  unit: string;
  /** In the days asked for, oldest first. */
  reads: RegisterRead[];
  /** Register reads of this MeterReading in the whole file, shown or not. */
  total: number;
}

/** Each MeterReading of `usagePoint` that carries register reads, with those in `[range.start, range.end)`. */
export function registerReadSeries(
  usagePoint: UsagePoint,
  range: { start: number; end: number },
): RegisterReadSeries[] {
  return usagePoint.meterReadings.flatMap((m, i) => {
    const points = m.registerReads;
    if (!points || points.count === 0) return [];
    const factor = rawToDisplayFactor(m.readingType);
    const reads: RegisterRead[] = [];
    for (let k = 0; k < points.count; k++) {
      const time = points.time[k] as number;
      if (time < range.start || time >= range.end) continue;
      reads.push({
        time,
        value: (points.value[k] as number) * factor,
        estimated: isEstimated(points.quality[k]),
      });
    }
    return [
      {
        label: m.meta.title ?? `Meter reading ${i + 1}`,
        unit: displayUnitFor(m.readingType).unit,
        reads,
        total: points.count,
      },
    ];
  });
}
