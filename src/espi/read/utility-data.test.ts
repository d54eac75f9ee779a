/**
 * What real utilities publish that the reader once got wrong (issue 14): register reads, DST hours
 * stamped alike, conflicting links, summaries without a usage point, Atom dates inside content, and
 * files in another namespace.
 */
import { describe, expect, test } from 'vitest';
import { readEspi } from './read-espi.ts';
import { summarize } from '../summarize.ts';
import {
  B,
  ESPI,
  bareFeed,
  block,
  codes,
  entry,
  feed,
  hours,
  link,
  meterReading,
  readingType,
  readingsOf,
  usagePoint,
  type Reading,
} from '../../testing/espi-feed.ts';

const DAY = 86_400;
const MIDNIGHT = 1_700_006_400; // 2023-11-15T00:00:00Z

describe('register reads (IntervalReadings of duration 0)', () => {
  const registers = [0, 1, 2].map((d): Reading => ({
    start: MIDNIGHT + d * DAY,
    duration: 0,
    value: 5000 + d * 30,
  }));

  test('are kept as point readings, apart from the intervals and out of their totals', () => {
    const doc = readEspi(
      feed(usagePoint, meterReading(), readingType(), block([...hours(2, MIDNIGHT), ...registers])),
    );
    const m = doc.usagePoints[0]?.meterReadings[0];
    expect(Array.from(m?.readings.value ?? [])).toEqual([100, 101]);
    expect(m?.registerReads?.count).toBe(3);
    expect(Array.from(m?.registerReads?.time ?? [])).toEqual([MIDNIGHT, MIDNIGHT + DAY, MIDNIGHT + 2 * DAY]);
    expect(Array.from(m?.registerReads?.value ?? [])).toEqual([5000, 5030, 5060]);
    expect(codes(doc)).not.toContain('bad-duration');
    expect(doc.partial).toBe(false);
    const summary = summarize(doc);
    expect(summary.registerReads).toBe(3);
    expect(summary.totals).toEqual([{ uom: 'Wh', flowDirection: 'forward', total: 0.201, readings: 2 }]);
  });

  test('a file of register reads only has no interval readings and no totals', () => {
    const doc = readEspi(feed(usagePoint, meterReading(), readingType(), block(registers)));
    expect(readingsOf(doc)?.count).toBe(0);
    expect(summarize(doc)).toMatchObject({ readings: 0, registerReads: 3, totals: [], start: null });
  });

  test('without register reads the summary has no registerReads field', () => {
    expect(
      summarize(readEspi(feed(usagePoint, meterReading(), readingType(), block(hours(2))))),
    ).not.toHaveProperty('registerReads');
  });
});

describe('readings that start at the same time', () => {
  // Both 01:00 hours of the US fall-back day stamped at the same UTC time, with equal values.
  const fallBack: Reading[] = [
    { start: 1_699_164_000, value: 700 },
    { start: 1_699_164_000, value: 700 },
    { start: 1_699_167_600, value: 650 },
  ];

  test('in one block are all kept, with a warning', () => {
    const doc = readEspi(feed(usagePoint, meterReading(), readingType(), block(fallBack)));
    expect(Array.from(readingsOf(doc)?.value ?? [])).toEqual([700, 700, 650]);
    expect(codes(doc)).not.toContain('duplicate-intervals');
    const warning = doc.warnings.find((w) => w.code === 'same-start-intervals');
    expect(warning?.message).toMatch(/^1 IntervalReading starts at the same time/);
    expect(warning?.where?.line).toBeGreaterThan(1);
  });

  test('a re-sent copy of that block (same self href) adds nothing', () => {
    const doc = readEspi(
      feed(usagePoint, meterReading(), readingType(), block(fallBack, 1, 7), block(fallBack, 1, 7)),
    );
    expect(Array.from(readingsOf(doc)?.value ?? [])).toEqual([700, 700, 650]);
    expect(doc.warnings.find((w) => w.code === 'duplicate-intervals')?.message).toMatch(/^3 /);
  });

  test('register reads re-sent in a copy of their block are dropped too', () => {
    const reads: Reading[] = [{ start: MIDNIGHT, duration: 0, value: 9 }];
    const doc = readEspi(
      feed(usagePoint, meterReading(), readingType(), block(reads, 1, 3), block(reads, 1, 3)),
    );
    expect(doc.usagePoints[0]?.meterReadings[0]?.registerReads?.count).toBe(1);
  });
});

describe('conflicts are warned about, not resolved silently', () => {
  test('two different ReadingTypes under one self href', () => {
    const kwh = '<espi:powerOfTenMultiplier>3</espi:powerOfTenMultiplier><espi:uom>72</espi:uom>';
    const doc = readEspi(
      feed(usagePoint, meterReading(), readingType(), readingType(1, kwh), block(hours(1))),
    );
    const warning = doc.warnings.find((w) => w.code === 'conflicting-reading-types');
    expect(warning?.message).toMatch(/ReadingType\/1/);
    expect(doc.usagePoints[0]?.meterReadings[0]?.readingType?.powerOfTenMultiplier).toBe(-3);
  });

  test('an identical ReadingType sent twice is no conflict', () => {
    const doc = readEspi(feed(usagePoint, meterReading(), readingType(), readingType(), block(hours(1))));
    expect(codes(doc)).not.toContain('conflicting-reading-types');
  });

  test('a block whose up link and own address name different MeterReadings', () => {
    const misfiled = block(hours(1, 1_700_100_000), 1, 9).replace(
      'MeterReading/1/IntervalBlock"',
      'MeterReading/2/IntervalBlock"',
    );
    const doc = readEspi(
      feed(
        usagePoint,
        meterReading(1),
        meterReading(2),
        readingType(1),
        readingType(2),
        block(hours(2)),
        misfiled,
      ),
    );
    const warning = doc.warnings.find((w) => w.code === 'conflicting-links');
    expect(warning?.message).toMatch(
      /MeterReading\/2\) by its "up" link.*MeterReading\/1\) by its own address/,
    );
    expect(warning?.where?.context).toMatch(/IntervalBlock\/9/);
  });

  test('a well-linked feed has no conflict', () => {
    const doc = readEspi(feed(usagePoint, meterReading(1), readingType(1), block(hours(2))));
    expect(doc.warnings).toEqual([]);
  });
});

test('UsageSummaries in a feed without a UsagePoint are kept and counted', () => {
  const summary = (n: number) =>
    entry(
      link('self', `${B}/Subscription/5/UsagePoint/1/UsageSummary/${n}`),
      `<espi:UsageSummary><espi:billingPeriod><espi:duration>2592000</espi:duration><espi:start>${1_690_000_000 + n * 2_592_000}</espi:start></espi:billingPeriod><espi:billLastPeriod>${n * 1000}</espi:billLastPeriod></espi:UsageSummary>`,
    );
  const doc = readEspi(feed(summary(1), summary(2), summary(3)));
  expect(doc.orphanUsageSummaries?.map((s) => s.billLastPeriod)).toEqual([1000, 2000, 3000]);
  expect(doc.partial).toBe(false);
  expect(summarize(doc)).toMatchObject({ usagePoints: 0, summaries: 3 });
});

test('Atom published and updated inside content are the entry dates, not an unsupported resource', () => {
  const xml = feed(usagePoint, meterReading(), readingType(), block(hours(1))).replace(
    '<content><espi:ReadingType>',
    '<content><published>2024-01-02T03:04:05Z</published><updated>2024-01-03T00:00:00Z</updated><espi:ReadingType>',
  );
  const doc = readEspi(xml);
  expect(doc.warnings).toEqual([]);
  expect(doc.usagePoints[0]?.meterReadings[0]?.readingType?.meta).toMatchObject({
    published: '2024-01-02T03:04:05Z',
    updated: '2024-01-03T00:00:00Z',
  });
});

describe('namespaces', () => {
  test('resources in another namespace than ESPI are read and reported once', () => {
    const xml = feed(usagePoint, meterReading(), readingType(), block(hours(2))).replace(
      'xmlns:espi="http://naesb.org/espi"',
      'xmlns:espi="http://example.com/espi-like"',
    );
    const doc = readEspi(xml);
    const foreign = doc.warnings.filter((w) => w.code === 'foreign-namespace');
    expect(foreign).toHaveLength(1);
    expect(foreign[0]?.message).toMatch(/"http:\/\/example\.com\/espi-like", not ESPI's/);
    expect(foreign[0]?.where?.line).toBeGreaterThan(1);
    expect(readingsOf(doc)?.count).toBe(2);
  });

  test('an undeclared prefix is reported', () => {
    const xml = bareFeed('<x:UsagePoint/>');
    expect(readEspi(xml).warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/<x:UsagePoint> is in no namespace/),
    ]);
  });

  test('ESPI declared on the resource itself or on the feed is ESPI', () => {
    const onResource = bareFeed(`<UsagePoint xmlns="${ESPI}"/>`);
    expect(readEspi(onResource).warnings).toEqual([]);
    expect(codes(readEspi(feed(usagePoint)))).not.toContain('foreign-namespace');
  });
});
