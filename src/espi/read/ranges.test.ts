/**
 * Numbers outside ESPI's types and dates outside JavaScript's are warned about, with their line, and
 * left out: nothing downstream (summarize, csv, the CLI) throws or prints a null total (issue 14).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { readEspi } from './read-espi.ts';
import { summarize } from '../summarize.ts';
import { writeCsvChunks } from '../write-csv.ts';
import {
  block,
  feed,
  hours,
  meterReading,
  readingType,
  usagePoint,
  type Reading,
} from '../../testing/espi-feed.ts';

const good = hours(2);
const withReading = (bad: Reading) => feed(usagePoint, meterReading(), readingType(), block([...good, bad]));

function outOfRange(xml: string) {
  const doc = readEspi(xml);
  const summary = summarize(doc);
  const csv = [...writeCsvChunks(doc)].join('');
  return { doc, summary, csv, warning: doc.warnings.find((w) => w.code === 'out-of-range') };
}

describe('IntervalReadings outside the types are skipped with a warning naming the line', () => {
  test.each([
    [
      'a 13-digit start',
      { start: 9_999_999_999_999, value: 5 },
      /start 9999999999999 is outside the dates JavaScript can represent/,
    ],
    [
      'a value of 1e400',
      { start: 1_700_100_000, value: '1e400' },
      /<value> Infinity is outside ESPI's Int48/,
    ],
    [
      'a 15-digit value (past Int48)',
      { start: 1_700_100_000, value: 999_999_999_999_999 },
      /<value> 999999999999999 is outside/,
    ],
    [
      'a duration past UInt32',
      { start: 1_700_100_000, value: 5, duration: 5_000_000_000 },
      /duration 5000000000 s is outside ESPI's UInt32/,
    ],
  ])('%s', (_name, bad, message) => {
    const { doc, summary, csv, warning } = outOfRange(withReading(bad as Reading));
    expect(warning?.message).toMatch(message);
    expect(warning?.where?.line).toBeGreaterThan(1);
    expect(doc.partial).toBe(true);
    expect(summary.readings).toBe(2);
    expect(summary.totals[0]?.total).toBeCloseTo(0.201);
    expect(summary.end).toBe('2023-11-15T00:13:20Z');
    expect(csv.trim().split('\n')).toHaveLength(3);
  });

  test('a cost past Int48 is left out and the reading kept', () => {
    const { doc, warning } = outOfRange(withReading({ start: 1_700_100_000, value: 5, cost: 1e20 }));
    expect(warning?.message).toMatch(/<cost> 100000000000000000000 is outside ESPI's Int48/);
    expect(doc.usagePoints[0]?.meterReadings[0]?.readings.count).toBe(3);
  });
});

test('a powerOfTenMultiplier outside UnitMultiplierKind is left out: totals stay numbers', () => {
  const xml = feed(
    usagePoint,
    meterReading(),
    readingType(1, '<espi:powerOfTenMultiplier>400</espi:powerOfTenMultiplier><espi:uom>72</espi:uom>'),
    block(good),
  );
  const { summary, warning } = outOfRange(xml);
  expect(warning?.message).toMatch(/<powerOfTenMultiplier> holds 400, outside ESPI's UnitMultiplierKind/);
  expect(summary.totals[0]?.total).toBe(201);
  expect(JSON.stringify(summary)).not.toMatch(/null/);
});

test('a block interval, a summary period and a time zone offset out of range are left out', () => {
  const xml = feed(usagePoint, meterReading(), readingType(), block(good))
    .replace(
      /<espi:interval><espi:duration>(\d+)<\/espi:duration><espi:start>\d+/,
      '<espi:interval><espi:duration>$1</espi:duration><espi:start>99999999999999',
    )
    .replace(
      '</feed>',
      '<entry><content><espi:LocalTimeParameters><espi:tzOffset>99999999999</espi:tzOffset></espi:LocalTimeParameters></content></entry></feed>',
    );
  const { doc, csv } = outOfRange(xml);
  expect(doc.warnings.filter((w) => w.code === 'out-of-range').map((w) => w.message)).toEqual([
    expect.stringMatching(/<start> holds 99999999999999/),
    expect.stringMatching(/<tzOffset> holds 99999999999/),
  ]);
  expect(doc.usagePoints[0]?.localTime?.tzOffset).toBeUndefined();
  expect(csv.trim().split('\n')).toHaveLength(3);
});

test('the CLI prints the warning with its line and the summary, never a stack trace', async () => {
  const dir = mkdtempSync(`${tmpdir()}/espi-range-`);
  const file = `${dir}/far-future.xml`;
  writeFileSync(file, withReading({ start: 9_999_999_999_999, value: 5 }));
  const cwd = new URL('../../..', import.meta.url).pathname;
  for (const command of ['summarize', 'csv']) {
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'espi', '--', command, file],
      { cwd },
    );
    expect(stderr).toMatch(/^espi: warning \[out-of-range\] line \d+: IntervalReading start 9999999999999/m);
    expect(stderr).not.toMatch(/RangeError|\n\s+at /);
    if (command === 'summarize') expect(JSON.parse(stdout)).toMatchObject({ readings: 2 });
  }
}, 30_000);
