/**
 * Parsing a large feed (issue 3): 10 meters x 1 year x 15-minute readings (350,400 IntervalReadings)
 * written by the ESPI writer, read into the model. Speed is compared with saxes, the fastest
 * general-purpose streaming XML parser, on the same string in the same run; memory is the model's
 * typed arrays against the readings' raw size (an 8-byte value and an 8-byte start each).
 */
import { SaxesParser } from 'saxes';
import { result, type BenchCase } from '../harness.ts';
import type { EspiDocument, MeterReading, ReadingType, UsagePoint } from '../../src/espi/model.ts';
import { NO_QUALITY } from '../../src/espi/model.ts';
import { readEspi } from '../../src/espi/read.ts';
import { writeFeed, type EspiEntry } from '../../src/espi/write-xml.ts';

const METERS = 10;
const DAYS = 365;
const PER_DAY = 96;
const START = Date.UTC(2024, 0, 1) / 1000;
const BASE = 'https://dc.example.com/DataCustodian/espi/1_1/resource';

/** A feed like a custodian's Batch/Subscription: per meter a UsagePoint, MeterReading, ReadingType and one block a day. */
export function generateFeed(): string {
  const entries: EspiEntry[] = [];
  for (let m = 1; m <= METERS; m++) {
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
      meta: { selfHref: up, relatedHrefs: [`${up}/MeterReading`] },
      serviceKind: 0,
      meterReadings: [meterReading],
      usageSummaries: [],
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
      title: 'Bench subscription',
      selfHref: `${BASE}/Batch/Subscription/1`,
      updated: '2025-01-01T00:00:00Z',
    },
    entries,
  );
}

function saxesParse(xml: string): number {
  let elements = 0;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', () => {
    elements++;
  });
  parser.write(xml).close();
  return elements;
}

const ROUNDS = 9;

/**
 * Median wall times of `a` and `b`, called alternately (in turn first) after one warm-up each: the
 * machine's load, which changes by the second on shared cores, then weighs on both alike.
 */
function interleavedMedians(a: () => unknown, b: () => unknown): [number, number] {
  a();
  b();
  const times: [number[], number[]] = [[], []];
  const time = (fn: () => unknown, into: number[]) => {
    const t0 = performance.now();
    fn();
    into.push(performance.now() - t0);
  };
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      time(a, times[0]);
      time(b, times[1]);
    } else {
      time(b, times[1]);
      time(a, times[0]);
    }
  }
  const median = (t: number[]) => t.sort((x, y) => x - y)[Math.floor(t.length / 2)] ?? Number.NaN;
  return [median(times[0]), median(times[1])];
}

function modelBytes(doc: EspiDocument): { bytes: number; readings: number } {
  let bytes = 0;
  let readings = 0;
  for (const m of [...doc.usagePoints.flatMap((p) => p.meterReadings), ...doc.orphanMeterReadings]) {
    const r = m.readings;
    readings += r.count;
    bytes += r.start.byteLength + r.duration.byteLength + r.value.byteLength + r.quality.byteLength;
    bytes += r.cost?.byteLength ?? 0;
  }
  return { bytes, readings };
}

const parseFeed: BenchCase = {
  name: 'parse-feed',
  async run() {
    const xml = generateFeed();
    const megabytes = Buffer.byteLength(xml) / 1e6;
    const doc = readEspi(xml);
    const { bytes, readings } = modelBytes(doc);
    if (readings !== METERS * DAYS * PER_DAY || doc.partial)
      throw new Error(
        `parse-feed: read ${readings} readings (partial: ${doc.partial}), expected ${METERS * DAYS * PER_DAY}`,
      );
    const [readMs, saxesMs] = interleavedMedians(
      () => readEspi(xml),
      () => saxesParse(xml),
    );
    return [
      result(
        `readEspi on a ${megabytes.toFixed(0)} MB feed vs saxes, MB/s`,
        { value: megabytes / (readMs / 1000), unit: 'MB/s', baseline: megabytes / (saxesMs / 1000) },
        { ratio: 3, higherIsBetter: true },
      ),
      result(
        'ESPI model memory vs 16 bytes a reading',
        { value: bytes, unit: 'bytes', baseline: readings * 16 },
        { ratio: 2, higherIsBetter: false },
      ),
    ];
  },
};

export default parseFeed;
