import { describe, expect, it } from 'vitest';
import { type EspiDocument, type MeterReading, NO_QUALITY, type UsagePoint } from '../../../espi/index.ts';
import { documentForExport } from './export-document.ts';

const DAY = 86400;
const HOUR = 3600;

/** Three daily blocks of 24 hourly readings from `start`. */
function meterReading(start: number): MeterReading {
  const count = 72;
  return {
    meta: { relatedHrefs: [] },
    readingType: { meta: { relatedHrefs: [] }, uom: 72, flowDirection: 1 },
    blocks: [0, 1, 2].map((d) => ({
      meta: { relatedHrefs: [] },
      interval: { start: start + d * DAY, duration: DAY },
      offset: d * 24,
      count: 24,
    })),
    readings: {
      count,
      start: Float64Array.from({ length: count }, (_, i) => start + i * HOUR),
      duration: new Uint32Array(count).fill(HOUR),
      value: Float64Array.from({ length: count }, (_, i) => i),
      cost: Float64Array.from({ length: count }, (_, i) => i * 10),
      quality: new Uint8Array(count).fill(NO_QUALITY),
    },
  };
}

describe('documentForExport', () => {
  const start = 1_700_000_000 - (1_700_000_000 % DAY);
  const usagePoint: UsagePoint = {
    meta: { relatedHrefs: [], title: 'Home' },
    serviceKind: 0,
    meterReadings: [meterReading(start)],
    usageSummaries: [],
  };
  const other: UsagePoint = { ...usagePoint, meta: { relatedHrefs: [], title: 'Other' } };
  const doc: EspiDocument = {
    usagePoints: [usagePoint, other],
    orphanMeterReadings: [],
    localTimeParameters: [],
    authorizations: [],
    applicationInformation: [],
    warnings: [{ code: 'x', message: 'y' }],
    partial: true,
  };

  it('keeps only the chosen usage point and the readings in range, blocks clipped to them', () => {
    // From noon on day 1 to the end of day 2: half of the first block, the second whole, none of the third.
    const out = documentForExport(doc, usagePoint, { start: start + 12 * HOUR, end: start + 2 * DAY });
    expect(out.usagePoints.map((up) => up.meta.title)).toEqual(['Home']);
    const mr = out.usagePoints[0]?.meterReadings[0];
    expect(mr?.readings.count).toBe(36);
    expect(Array.from(mr?.readings.value ?? [])).toEqual(Array.from({ length: 36 }, (_, i) => i + 12));
    expect(Array.from(mr?.readings.cost ?? []).at(0)).toBe(120);
    expect(mr?.blocks.map((b) => [b.offset, b.count, b.interval.start - start, b.interval.duration])).toEqual(
      [
        [0, 12, 12 * HOUR, 12 * HOUR],
        [12, 24, DAY, DAY],
      ],
    );
    expect(out.partial).toBe(true);
    // The source document is untouched.
    expect(usagePoint.meterReadings[0]?.readings.count).toBe(72);
  });
});
