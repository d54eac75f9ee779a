/**
 * Parsing a large feed (issue 3): 10 meters x 1 year x 15-minute readings (350,400 IntervalReadings)
 * written by the ESPI writer, read into the model. Speed is compared with saxes, the fastest
 * general-purpose streaming XML parser, on the same string in the same run; memory is the model's
 * typed arrays against the readings' raw size (an 8-byte value and an 8-byte start each).
 */
import { SaxesParser } from 'saxes';
import { result, type BenchCase } from '../harness.ts';
import { type EspiDocument, readEspi } from '../../src/espi/index.ts';
import { largeFeed } from '../usage-large-feed.ts';

const METERS = 10;
/** Readings per meter: a year of 15-minute intervals. */
const READINGS_PER_METER = 365 * 96;

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
    const xml = largeFeed(METERS);
    const megabytes = Buffer.byteLength(xml) / 1e6;
    const doc = readEspi(xml);
    const { bytes, readings } = modelBytes(doc);
    if (readings !== METERS * READINGS_PER_METER || doc.partial)
      throw new Error(
        `parse-feed: read ${readings} readings (partial: ${doc.partial}), expected ${METERS * READINGS_PER_METER}`,
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
