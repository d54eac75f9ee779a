/**
 * A large Green Button file for the benches (parsing, opening a file): `meters` electricity usage points, each a year of
 * 15-minute readings with costs in daily IntervalBlocks, written by the ESPI writer (about 6 MB a meter).
 */
import {
  type EspiEntry,
  type MeterReading,
  NO_QUALITY,
  type ReadingType,
  US_DST_END,
  US_DST_START,
  type UsagePoint,
  writeFeed,
} from '../src/espi/index.ts';

const BASE = 'https://dc.example.com/DataCustodian/espi/1_1/resource';
const START = Date.UTC(2025, 0, 1, 8) / 1000;
const PER_DAY = 96;
const DAYS = 365;

export function largeFeed(meters: number): string {
  const entries: EspiEntry[] = [];
  const localTime = {
    meta: { selfHref: `${BASE}/LocalTimeParameters/1`, relatedHrefs: [] },
    tzOffset: -28800,
    dstOffset: 3600,
    dstStartRule: US_DST_START,
    dstEndRule: US_DST_END,
  };
  entries.push({ kind: 'LocalTimeParameters', resource: localTime });
  for (let m = 1; m <= meters; m++) {
    const up = `${BASE}/Subscription/1/UsagePoint/${m}`;
    const mr = `${up}/MeterReading/1`;
    const rt = `${BASE}/ReadingType/${m}`;
    const readingType: ReadingType = {
      meta: { selfHref: rt, relatedHrefs: [] },
      accumulationBehaviour: 4,
      commodity: 1,
      currency: 840,
      flowDirection: 1,
      intervalLength: 900,
      kind: 12,
      powerOfTenMultiplier: 0,
      uom: 72,
    };
    const count = DAYS * PER_DAY;
    const meterReading: MeterReading = {
      meta: { selfHref: mr, relatedHrefs: [rt, `${mr}/IntervalBlock`] },
      readingType,
      blocks: [],
      readings: {
        count,
        start: Float64Array.from({ length: count }, (_, i) => START + i * 900),
        duration: new Uint32Array(count).fill(900),
        value: Float64Array.from({ length: count }, (_, i) => 100 + ((i * 7919 + m * 31) % 900)),
        cost: Float64Array.from({ length: count }, (_, i) => 1000 + ((i * 104729) % 5000)),
        quality: new Uint8Array(count).fill(NO_QUALITY),
      },
    };
    const usagePoint: UsagePoint = {
      meta: { selfHref: up, relatedHrefs: [`${up}/MeterReading`, localTime.meta.selfHref] },
      serviceKind: 0,
      meterReadings: [meterReading],
      usageSummaries: [],
      localTime,
    };
    entries.push({ kind: 'UsagePoint', resource: usagePoint });
    entries.push({ kind: 'MeterReading', resource: meterReading });
    entries.push({ kind: 'ReadingType', resource: readingType });
    for (let d = 0; d < DAYS; d++) {
      const block = {
        meta: { selfHref: `${mr}/IntervalBlock/${d + 1}`, relatedHrefs: [] },
        interval: { start: START + d * 86400, duration: 86400 },
        offset: d * PER_DAY,
        count: PER_DAY,
      };
      meterReading.blocks.push(block);
      entries.push({ kind: 'IntervalBlock', meterReading, block });
    }
  }
  return writeFeed(
    {
      title: 'Bench Download My Data',
      selfHref: `${BASE}/Batch/Subscription/1`,
      updated: '2026-01-01T00:00:00Z',
    },
    entries,
  );
}
