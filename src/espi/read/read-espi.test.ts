import { describe, expect, test } from 'vitest';
import { readEspi } from './read-espi.ts';
import { summarize } from '../summarize.ts';

import {
  ATOM,
  B,
  ESPI,
  block,
  codes,
  entry,
  feed,
  hours,
  link,
  meterReading,
  readError,
  readingType,
  readingsOf,
  usagePoint,
  type Reading,
} from '../../testing/espi-feed.ts';

describe('a well-formed feed', () => {
  test('ties UsagePoint, MeterReading, ReadingType and IntervalBlocks together and scales totals', () => {
    const doc = readEspi(feed(usagePoint, meterReading(), readingType(), block(hours(3))));
    expect(doc.partial).toBe(false);
    expect(doc.warnings).toEqual([]);
    const mr = doc.usagePoints[0]?.meterReadings[0];
    expect(mr?.readingType?.uom).toBe(72);
    expect(mr?.blocks).toHaveLength(1);
    expect(Array.from(mr?.readings.value ?? [])).toEqual([100, 101, 102]);
    expect(summarize(doc).totals).toEqual([
      { uom: 'Wh', flowDirection: 'forward', total: 0.303, readings: 3 },
    ]);
  });

  test('entries in any order: ReadingType and MeterReading after their blocks', () => {
    const doc = readEspi(feed(block(hours(2)), readingType(), meterReading(), usagePoint));
    expect(doc.warnings).toEqual([]);
    expect(doc.usagePoints[0]?.meterReadings[0]?.readingType?.uom).toBe(72);
    expect(readingsOf(doc)?.count).toBe(2);
  });

  test('readings are sorted by start across blocks given out of order, and blocks are ranges', () => {
    const doc = readEspi(
      feed(
        usagePoint,
        meterReading(),
        readingType(),
        block(hours(2, 1_700_007_200), 1, 2),
        block(hours(2), 1, 1),
      ),
    );
    const r = readingsOf(doc);
    expect(Array.from(r?.start ?? [])).toEqual([1_700_000_000, 1_700_003_600, 1_700_007_200, 1_700_010_800]);
    const blocks = doc.usagePoints[0]?.meterReadings[0]?.blocks ?? [];
    expect(blocks.map((b) => [b.offset, b.count])).toEqual([
      [2, 2],
      [0, 2],
    ]);
  });

  test('cost is kept in hundred-thousandths and quality per reading', () => {
    const xml = feed(usagePoint, meterReading(), readingType()).replace(
      '</feed>',
      block([{ start: 1_700_000_000, value: 5, cost: 4125 }]).replace(
        '<espi:timePeriod>',
        '<espi:ReadingQuality><espi:quality>9</espi:quality></espi:ReadingQuality><espi:timePeriod>',
      ) + '</feed>',
    );
    const r = readingsOf(readEspi(xml));
    expect(Array.from(r?.cost ?? [])).toEqual([4125]);
    expect(Array.from(r?.quality ?? [])).toEqual([9]);
  });
});

describe('real-world variations', () => {
  test('any prefix, a default ESPI namespace inside content, the atom: prefix', () => {
    const xml = `<a:feed xmlns:a="${ATOM}" xmlns:ns="${ESPI}">
      <a:entry><a:link href="${B}/UP/1" rel='self'/><a:content><UsagePoint xmlns="${ESPI}"><ServiceCategory><kind>1</kind></ServiceCategory></UsagePoint></a:content></a:entry>
      <a:entry><a:link href="${B}/UP/1/MeterReading/1" rel="self"/><a:link href="${B}/UP/1/MeterReading" rel="up"/><a:content><ns:MeterReading/></a:content></a:entry>
      <a:entry><a:link href="${B}/UP/1/MeterReading/1/IntervalBlock/1" rel="self"/><a:content>
        <ns:IntervalBlock><ns:IntervalReading><ns:timePeriod><ns:duration>900</ns:duration><ns:start>1700000000</ns:start></ns:timePeriod><ns:value>7</ns:value></ns:IntervalReading></ns:IntervalBlock>
      </a:content></a:entry></a:feed>`;
    const doc = readEspi(xml);
    expect(doc.usagePoints[0]?.serviceKind).toBe(1);
    expect(readingsOf(doc)?.count).toBe(1);
    expect(codes(doc)).toEqual(['missing-reading-type', 'missing-interval']);
  });

  test('relative hrefs resolve against baseUrl and still tie the graph', () => {
    const xml = `<feed xmlns="${ATOM}"><link rel="self" href="Batch/Subscription/5"/>
      <entry><link rel="self" href="UsagePoint/1"/><link rel="related" href="UsagePoint/1/MeterReading"/><content><UsagePoint xmlns="${ESPI}"/></content></entry>
      <entry><link rel="self" href="UsagePoint/1/MeterReading/1"/><link rel="up" href="UsagePoint/1/MeterReading"/><content><MeterReading xmlns="${ESPI}"/></content></entry></feed>`;
    const doc = readEspi(xml, { baseUrl: 'https://dc.example.com/espi/1_1/resource/' });
    expect(doc.usagePoints[0]?.meta.selfHref).toBe(
      'https://dc.example.com/espi/1_1/resource/Batch/Subscription/UsagePoint/1',
    );
    expect(doc.usagePoints[0]?.meterReadings).toHaveLength(1);
    expect(codes(doc)).not.toContain('link-fallback');
  });

  test('one page of a paged feed says it is part of the data', () => {
    const page = (links: string) =>
      readEspi(
        `<feed xmlns="${ATOM}">${links}<entry><link rel="self" href="UsagePoint/1"/><content><UsagePoint xmlns="${ESPI}"/></content></entry></feed>`,
      );
    const first = page(
      '<link rel="self" href="UsagePoint"/><link rel="next" href="UsagePoint?start-index=2"/>',
    );
    expect(codes(first)).toEqual(['more-pages']);
    expect(first.partial).toBe(true);
    const last = page(
      '<link rel="self" href="UsagePoint?start-index=2"/><link rel="previous" href="UsagePoint"/>',
    );
    expect(codes(last)).toEqual([]);
    expect(last.partial).toBe(false);
  });

  test('a bare entry and a bare ESPI resource are documents too', () => {
    const bareEntry = `<entry xmlns="${ATOM}" xmlns:espi="${ESPI}"><content><espi:LocalTimeParameters><espi:dstEndRule>B40E2000</espi:dstEndRule><espi:tzOffset>-28800</espi:tzOffset></espi:LocalTimeParameters></content></entry>`;
    expect(readEspi(bareEntry).localTimeParameters[0]).toMatchObject({
      dstEndRule: 0xb40e2000,
      tzOffset: -28800,
    });
    const bareBlock = `<IntervalBlock xmlns="${ESPI}"><interval><duration>3600</duration><start>1700000000</start></interval><IntervalReading><timePeriod><duration>3600</duration><start>1700000000</start></timePeriod><value>3</value></IntervalReading></IntervalBlock>`;
    const doc = readEspi(bareBlock);
    expect(doc.orphanMeterReadings[0]?.readings.count).toBe(1);
    expect(codes(doc)).toEqual(['unlinked-blocks', 'missing-reading-type']);
  });

  test('missing links: the only UsagePoint, MeterReading and ReadingType are used, with warnings', () => {
    // As in real files: hrefs that do not nest under each other and no up or related links at all.
    const doc = readEspi(
      feed(
        usagePoint.replace(/<link rel="related"[^>]*>/, ''),
        entry(link('self', `${B}/Other/MeterReading/1`), '<espi:MeterReading/>'),
        readingType(),
        block(hours(1))
          .replace(/<link rel="up"[^>]*>/, '')
          .replace(/href="[^"]*IntervalBlock\/1"/, `href="${B}/Blocks/1"`),
      ),
    );
    const mr = doc.usagePoints[0]?.meterReadings[0];
    expect(mr?.readings.count).toBe(1);
    expect(mr?.readingType?.uom).toBe(72);
    expect(codes(doc).filter((c) => c === 'link-fallback')).toHaveLength(3);
    expect(doc.warnings.find((w) => w.code === 'link-fallback')?.where?.context).toMatch(/Blocks\/1/);
    expect(doc.partial).toBe(false);
  });

  test('an empty ReadingType gives unknown units, not an error', () => {
    const doc = readEspi(feed(usagePoint, meterReading(), readingType(1, ''), block(hours(1))));
    expect(summarize(doc).totals).toEqual([{ uom: 'none', flowDirection: 'none', total: 100, readings: 1 }]);
  });

  test('fractional seconds are dropped with a warning', () => {
    const doc = readEspi(
      feed(usagePoint, meterReading(), readingType(), block([{ start: 1_700_000_000.66, value: 1 }])),
    );
    expect(readingsOf(doc)?.start[0]).toBe(1_700_000_000);
    expect(codes(doc)).toContain('fractional-seconds');
  });

  test('readings without timePeriod follow each other at intervalLength', () => {
    const xml = feed(
      usagePoint,
      meterReading(),
      readingType(1, '<espi:intervalLength>900</espi:intervalLength><espi:uom>72</espi:uom>'),
      entry(
        link('self', `${B}/Subscription/5/UsagePoint/1/MeterReading/1/IntervalBlock/1`),
        '<espi:IntervalBlock><espi:interval><espi:duration>1800</espi:duration><espi:start>1700000000</espi:start></espi:interval><espi:IntervalReading><espi:value>1</espi:value></espi:IntervalReading><espi:IntervalReading><espi:value>2</espi:value></espi:IntervalReading></espi:IntervalBlock>',
      ),
    );
    const r = readingsOf(readEspi(xml));
    expect(Array.from(r?.start ?? [])).toEqual([1_700_000_000, 1_700_000_900]);
    expect(Array.from(r?.duration ?? [])).toEqual([900, 900]);
  });

  test('comments, CDATA, processing instructions, attributes with either quote and whitespace are read like plain tags', () => {
    const xml = feed(usagePoint, meterReading(), readingType()).replace(
      '</feed>',
      `<entry><link rel='self' href='${B}/Subscription/5/UsagePoint/1/MeterReading/1/IntervalBlock/1' /><content><espi:IntervalBlock>
        <espi:IntervalReading >
          <!-- a <comment> with markup -->
          <espi:timePeriod><espi:duration> 3600 </espi:duration><?pi data?><espi:start><![CDATA[1700000000]]></espi:start></espi:timePeriod>
          <espi:value>4<!-- x -->2</espi:value>
        </espi:IntervalReading >
      </espi:IntervalBlock></content></entry></feed>`,
    );
    const r = readingsOf(readEspi(xml));
    expect(Array.from(r?.value ?? [])).toEqual([42]);
    expect(Array.from(r?.start ?? [])).toEqual([1_700_000_000]);
  });

  test('entities: the five predefined and character references are decoded', () => {
    const doc = readEspi(
      `<entry xmlns="${ATOM}"><title>A &amp; B &lt;&#x41;&#66;&gt; &quot;&apos;</title><content/></entry>`.replace(
        '<content/>',
        `<content><UsagePoint xmlns="${ESPI}"/></content>`,
      ),
    );
    expect(doc.usagePoints[0]?.meta.title).toBe('A & B <AB> "\'');
  });

  test('progress is reported at most about 100 times, ending with 1', () => {
    const fractions: number[] = [];
    readEspi(feed(usagePoint, meterReading(), readingType(), block(hours(2000))), {
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.length).toBeLessThanOrEqual(101);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });
});

describe('bad input: errors', () => {
  test.each([
    ['not XML', 'usage,value\n1,2\n', 'not-xml'],
    ['empty', '', 'not-xml'],
    ['JSON', '{"usagePoints": []}', 'not-xml'],
    ['mismatched tags', `<feed xmlns="${ATOM}"><entry></feed>`, 'not-xml'],
    ['two roots', `<feed xmlns="${ATOM}"/><feed xmlns="${ATOM}"/>`, 'not-xml'],
    ['unquoted attribute', `<feed xmlns="${ATOM}"><link rel=self/></feed>`, 'not-xml'],
    [
      'not ESPI',
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      'not-espi',
    ],
    ['a feed without the Atom namespace', '<feed><entry/></feed>', 'not-espi'],
    ['an HTML page', '<!DOCTYPE html><html><body>Sign in</body></html>', 'not-espi'],
    [
      'DOCTYPE',
      `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x "y">]><feed xmlns="${ATOM}"/>`,
      'doctype-refused',
    ],
    ['undeclared entity', `<feed xmlns="${ATOM}"><title>&x;</title></feed>`, 'entity-refused'],
    ['bare ampersand', `<feed xmlns="${ATOM}"><title>A & B</title></feed>`, 'not-xml'],
  ])('%s', (_, xml, code) => {
    expect(readError(xml).code).toBe(code);
  });

  test('a truncated file names the open element and the line', () => {
    const xml = feed(usagePoint, meterReading(), readingType(), block(hours(20)));
    const error = readError(xml.slice(0, Math.floor(xml.length * 0.8)));
    expect(error.code).toBe('truncated');
    expect(error.message).toMatch(/cut off/);
    expect(error.where?.line).toBeGreaterThan(1);
  });

  test('bytes that are not UTF-8 are refused with their offset', () => {
    const bytes = new TextEncoder().encode(`<feed xmlns="${ATOM}"><title>caf\u00e9</title></feed>`);
    const latin1 = Uint8Array.from([...bytes.subarray(0, 38), 0xe9, ...bytes.subarray(40)]);
    const error = readError(latin1);
    expect(error.code).toBe('encoding');
    expect(error.message).toMatch(/not valid UTF-8: byte 0xE9 at offset 38/);
  });

  test('a declared encoding that is not supported is named', () => {
    const bytes = new TextEncoder().encode(
      `<?xml version="1.0" encoding="EBCDIC-US"?><feed xmlns="${ATOM}"/>`,
    );
    const error = readError(bytes);
    expect(error.code).toBe('encoding');
    expect(error.message).toMatch(/"EBCDIC-US"/);
  });

  test('a declared ISO-8859-1 file is decoded as such', () => {
    const head = new TextEncoder().encode(
      `<?xml version="1.0" encoding="ISO-8859-1"?><entry xmlns="${ATOM}"><title>caf`,
    );
    const tail = new TextEncoder().encode(`</title><content><UsagePoint xmlns="${ESPI}"/></content></entry>`);
    const doc = readEspi(Uint8Array.from([...head, 0xe9, ...tail]));
    expect(doc.usagePoints[0]?.meta.title).toBe('caf\u00e9');
  });

  test('absurd sizes: input bytes, element depth and reading count have limits', () => {
    expect(readError('x'.repeat(100), { limits: { maxBytes: 50 } }).code).toBe('too-large');
    const deep = `<feed xmlns="${ATOM}">${'<x>'.repeat(100)}${'</x>'.repeat(100)}</feed>`;
    expect(readError(deep).code).toBe('too-deep');
    const many = feed(usagePoint, meterReading(), readingType(), block(hours(50)));
    expect(readError(many, { limits: { maxReadings: 10 } }).code).toBe('too-many-readings');
  });
});

describe('bad input: warnings with where', () => {
  test('negative durations are skipped and mark the document partial', () => {
    const doc = readEspi(
      feed(
        usagePoint,
        meterReading(),
        readingType(),
        block([
          { start: 1_700_003_600, value: 2, duration: -5 },
          { start: 1_700_007_200, value: 3 },
        ]),
      ),
    );
    expect(readingsOf(doc)?.count).toBe(1);
    expect(doc.partial).toBe(true);
    const warning = doc.warnings.find((w) => w.code === 'bad-duration');
    expect(warning?.where?.line).toBeGreaterThan(1);
    expect(warning?.where?.context).toMatch(/entry \d+ \(IntervalBlock\)/);
  });

  test('a block sent twice under the same address: its copies are dropped and counted', () => {
    const r = hours(3);
    const doc = readEspi(
      feed(usagePoint, meterReading(), readingType(), block(r, 1, 1), block(r.slice(1), 1, 1)),
    );
    expect(readingsOf(doc)?.count).toBe(3);
    const warning = doc.warnings.find((w) => w.code === 'duplicate-intervals');
    expect(warning?.message).toMatch(/^2 IntervalReadings repeat a block sent again/);
    expect(warning?.where?.context).toMatch(/IntervalBlock\/1/);
  });

  test('equal readings in two blocks with different addresses are both kept, with a warning', () => {
    const r = hours(3);
    const doc = readEspi(
      feed(usagePoint, meterReading(), readingType(), block(r, 1, 1), block(r.slice(1), 1, 2)),
    );
    expect(readingsOf(doc)?.count).toBe(5);
    expect(codes(doc)).not.toContain('duplicate-intervals');
    expect(doc.warnings.find((w) => w.code === 'same-start-intervals')?.message).toMatch(
      /^2 IntervalReading/,
    );
  });

  test('overlapping intervals are kept and reported', () => {
    const doc = readEspi(
      feed(
        usagePoint,
        meterReading(),
        readingType(),
        block([
          { start: 1_700_000_000, value: 1, duration: 7200 },
          { start: 1_700_003_600, value: 2 },
        ]),
      ),
    );
    expect(readingsOf(doc)?.count).toBe(2);
    const warning = doc.warnings.find((w) => w.code === 'overlapping-intervals');
    expect(warning?.message).toMatch(/^1 IntervalReading/);
    expect(warning?.where?.line).toBeDefined();
  });

  test('a missing ReadingType is reported and values stay unscaled', () => {
    const doc = readEspi(feed(usagePoint, meterReading(), block(hours(2))));
    expect(codes(doc)).toContain('missing-reading-type');
    expect(summarize(doc).totals).toEqual([
      { uom: 'unknown', flowDirection: 'unknown', total: 201, readings: 2 },
    ]);
  });

  test('non-numeric values are skipped with where, and partial is set', () => {
    const doc = readEspi(
      feed(
        usagePoint,
        meterReading(),
        readingType(),
        block([
          { start: 1_700_000_000, value: 'twelve' },
          { start: 1_700_003_600, value: 12 },
        ]),
      ),
    );
    expect(Array.from(readingsOf(doc)?.value ?? [])).toEqual([12]);
    expect(doc.partial).toBe(true);
    expect(doc.warnings.find((w) => w.code === 'non-numeric')?.where?.line).toBeGreaterThan(1);
  });

  test('MeterReadings that no UsagePoint claims are kept as orphans when several UsagePoints exist', () => {
    const other = usagePoint.replaceAll('UsagePoint/1', 'UsagePoint/2');
    const stray = entry(link('self', `${B}/Elsewhere/MeterReading/9`), '<espi:MeterReading/>');
    const doc = readEspi(feed(usagePoint, other, stray));
    expect(doc.orphanMeterReadings).toHaveLength(1);
    expect(codes(doc)).toContain('unlinked-meter-reading');
    expect(doc.partial).toBe(true);
  });

  test('thousands of identical problems give a bounded number of warnings', () => {
    const bad = Array.from({ length: 500 }, (_, i): Reading => ({
      start: 1_700_000_000 + i * 3600,
      value: 'x',
    }));
    const doc = readEspi(feed(usagePoint, meterReading(), readingType(), block(bad)));
    expect(doc.warnings.length).toBeLessThan(30);
    expect(doc.warnings.at(-1)?.message).toMatch(/480 more "non-numeric"/);
  });
});
