/**
 * The document a "Download My Data" export writes: the selected usage point only, its readings cut to the
 * range being viewed. Blocks at the edges keep only their readings inside the range, and their interval
 * shrinks to match, so the file says what it holds (docs/espi.md 2.2, IntervalBlock `interval`).
 */
import {
  type EspiDocument,
  type IntervalBlock,
  lowerBound,
  type MeterReading,
  type UsagePoint,
} from '../../../espi/index.ts';

function sliceMeterReading(mr: MeterReading, start: number, end: number): MeterReading {
  const r = mr.readings;
  const a = lowerBound(r.start, r.count, start);
  const b = lowerBound(r.start, r.count, end);
  const blocks: IntervalBlock[] = [];
  for (const block of mr.blocks) {
    const from = Math.max(block.offset, a);
    const to = Math.min(block.offset + block.count, b);
    if (to <= from) continue;
    const whole = from === block.offset && to === block.offset + block.count;
    const first = r.start[from] ?? 0;
    const lastEnd = (r.start[to - 1] ?? 0) + (r.duration[to - 1] ?? 0);
    blocks.push({
      ...block,
      offset: from - a,
      count: to - from,
      interval: whole ? block.interval : { start: first, duration: lastEnd - first },
    });
  }
  return {
    ...mr,
    blocks,
    readings: {
      count: b - a,
      start: r.start.slice(a, b),
      duration: r.duration.slice(a, b),
      value: r.value.slice(a, b),
      ...(r.cost ? { cost: r.cost.slice(a, b) } : {}),
      quality: r.quality.slice(a, b),
    },
  };
}

export function documentForExport(
  doc: EspiDocument,
  usagePoint: UsagePoint,
  bounds: { start: number; end: number },
): EspiDocument {
  const sliced: UsagePoint = {
    ...usagePoint,
    meterReadings: usagePoint.meterReadings.map((mr) => sliceMeterReading(mr, bounds.start, bounds.end)),
    usageSummaries: usagePoint.usageSummaries.filter(
      (s) =>
        !s.billingPeriod ||
        (s.billingPeriod.start < bounds.end &&
          s.billingPeriod.start + s.billingPeriod.duration > bounds.start),
    ),
  };
  return {
    usagePoints: [sliced],
    orphanMeterReadings: [],
    localTimeParameters: usagePoint.localTime ? [usagePoint.localTime] : doc.localTimeParameters.slice(0, 1),
    authorizations: [],
    applicationInformation: [],
    warnings: [],
    partial: doc.partial,
  };
}
