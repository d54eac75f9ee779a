/**
 * Which MeterReadings of a usage point a person sees, and as what: delivered (from the grid), received
 * (exported, e.g. rooftop solar) and net. ESPI sends delivered (flowDirection 1) and received (19) as
 * separate MeterReadings, both positive, and net (4) possibly negative: they are never summed together
 * (reference section 6, "Net metering").
 */
import {
  type DisplayUnit,
  displayUnitFor,
  type MeterReading,
  rawToDisplayFactor,
  type UsagePoint,
} from '../../../espi/index.ts';

export type Flow = 'delivered' | 'received' | 'net';

export interface FlowReading {
  flow: Flow;
  meterReading: MeterReading;
  unit: DisplayUnit;
  /** Raw ESPI value to display unit. */
  factor: number;
}

/** flowDirection codes read as consumption: forward (1), and none (0), total (20) or missing as files write them. */
function flowOf(code: number | undefined): Flow | undefined {
  if (code === 19) return 'received';
  if (code === 4) return 'net';
  if (code === undefined || code === 0 || code === 1 || code === 20) return 'delivered';
  return undefined;
}

/**
 * The reading per flow, the one with most readings where a usage point has several of a flow (e.g. a
 * 15-minute and a daily one for the same meter); MeterReadings of other flows (reactive quadrants) are left
 * for the table of the file's contents.
 */
export function flowReadings(usagePoint: UsagePoint): FlowReading[] {
  const best = new Map<Flow, MeterReading>();
  for (const meterReading of usagePoint.meterReadings) {
    const flow = flowOf(meterReading.readingType?.flowDirection);
    if (!flow) continue;
    const current = best.get(flow);
    if (!current || meterReading.readings.count > current.readings.count) best.set(flow, meterReading);
  }
  const order: Flow[] = ['delivered', 'received', 'net'];
  return order.flatMap((flow) => {
    const meterReading = best.get(flow);
    if (!meterReading) return [];
    return [
      {
        flow,
        meterReading,
        unit: displayUnitFor(meterReading.readingType),
        factor: rawToDisplayFactor(meterReading.readingType),
      },
    ];
  });
}

/** The epoch second after the last reading: how fresh the data is. */
export function dataThrough(usagePoint: UsagePoint): number | undefined {
  let last: number | undefined;
  for (const { readings } of usagePoint.meterReadings) {
    const i = readings.count - 1;
    if (i < 0) continue;
    const end = (readings.start[i] ?? 0) + (readings.duration[i] ?? 0);
    if (last === undefined || end > last) last = end;
  }
  return last;
}
