import { expect, test } from 'vitest';
import { readEspi } from '../../../espi/index.ts';
import { block, feed, hours, meterReading, readingType, usagePoint } from '../../../testing/espi-feed.ts';
import { registerReadSeries } from './register-reads.ts';

const DAY = 86_400;
const MIDNIGHT = 1_700_006_400; // 2023-11-15T00:00:00Z
const kwh =
  '<espi:flowDirection>1</espi:flowDirection><espi:powerOfTenMultiplier>3</espi:powerOfTenMultiplier><espi:uom>72</espi:uom>';

test('register reads are listed per meter reading, in the display unit, within the days shown', () => {
  const registers = [0, 1, 2, 3].map((d) => ({
    start: MIDNIGHT + d * DAY,
    duration: 0,
    value: 1200 + d * 15,
  }));
  const doc = readEspi(
    feed(usagePoint, meterReading(), readingType(1, kwh), block([...hours(3, MIDNIGHT), ...registers])),
  );
  const point = doc.usagePoints[0];
  if (!point) throw new Error('no usage point');
  const [series] = registerReadSeries(point, { start: MIDNIGHT + DAY, end: MIDNIGHT + 3 * DAY });
  expect(series).toEqual({
    label: 'Meter reading 1',
    unit: 'kWh',
    total: 4,
    reads: [
      { time: MIDNIGHT + DAY, value: 1215, estimated: false },
      { time: MIDNIGHT + 2 * DAY, value: 1230, estimated: false },
    ],
  });
});

test('a usage point without register reads has no series', () => {
  const doc = readEspi(feed(usagePoint, meterReading(), readingType(), block(hours(3))));
  const point = doc.usagePoints[0];
  if (!point) throw new Error('no usage point');
  expect(registerReadSeries(point, { start: 0, end: Infinity })).toEqual([]);
});
