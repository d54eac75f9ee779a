import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_FIXTURES_DIR } from '../testing/test-data.ts';
import { aggregate, type Aggregation } from './aggregate.ts';
import { createLocalTime, usZoneRules } from './local-time.ts';
import { aggregateOrSlice, precomputeAggregates } from './precompute.ts';
import { readEspi } from './read/read-espi.ts';

const doc = readEspi(
  readFileSync(
    join(
      REAL_FIXTURES_DIR,
      'vladistan-Coastal_Multi_Family_12hr_Jan_1_2011_to_Jan_1_2012_RetailCustomer_3.xml',
    ),
  ),
);
precomputeAggregates(doc);
const usagePoint = doc.usagePoints[0];
const meterReading = usagePoint?.meterReadings[0];
if (!usagePoint?.localTime || !meterReading) throw new Error('the file has a usage point with readings');
const clock = createLocalTime(usagePoint.localTime);

const plain = (agg: Aggregation) => ({
  start: [...agg.start],
  end: [...agg.end],
  value: [...agg.value],
  readings: [...agg.readings],
  covered: [...agg.covered],
  gaps: agg.gaps,
});

describe('aggregateOrSlice', () => {
  const day = (m: number, d: number) => clock.fromLocal(2011, m, d);
  const ranges = [
    ['whole months', day(3, 1), day(6, 1)],
    ['days cutting months at both ends (DST start inside)', day(2, 17), day(4, 9)],
    ['the fall-back week', day(11, 1), day(11, 9)],
    ['one day', day(7, 4), day(7, 5)],
  ] as const;
  for (const resolution of ['hour', 'day', 'month'] as const) {
    for (const [name, start, end] of ranges) {
      it(`gives what aggregating the readings gives: ${resolution}s over ${name}`, () => {
        const options = { resolution, clock, range: { start, end } };
        expect(plain(aggregateOrSlice(meterReading, options))).toEqual(
          plain(aggregate(meterReading, options)),
        );
      });
    }
  }

  it('uses the precomputed buckets only for the clock they follow', () => {
    expect(meterReading.precomputed?.byResolution.day?.count).toBeGreaterThan(360);
    const other = createLocalTime(undefined, usZoneRules('Eastern'));
    const options = { resolution: 'day' as const, clock: other, range: { start: day(3, 1), end: day(3, 8) } };
    expect(plain(aggregateOrSlice(meterReading, options))).toEqual(plain(aggregate(meterReading, options)));
  });
});
