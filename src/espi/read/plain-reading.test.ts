import { describe, expect, test } from 'vitest';
import { EspiReadError } from '../errors.ts';
import { NO_QUALITY } from '../model.ts';
import { readEspi } from './read-espi.ts';
import { ESPI, bareFeed, readingsOf } from '../../testing/espi-feed.ts';

/** Two plain readings (so the reader has learnt their shape) and then `odd`, in one IntervalBlock. */
function feedWith(odd: string, prefix = 'espi'): string {
  const p = `${prefix}:`;
  const plain = (start: number, value: number) =>
    `<${p}IntervalReading><${p}cost>7</${p}cost><${p}timePeriod><${p}duration>900</${p}duration>` +
    `<${p}start>${start}</${p}start></${p}timePeriod><${p}value>${value}</${p}value></${p}IntervalReading>`;
  return bareFeed(
    `<${p}IntervalBlock>${plain(1000, 1)}${plain(1900, 2)}\n  ${odd}</${p}IntervalBlock>`,
    ` xmlns:${prefix}="${ESPI}"`,
  );
}

/** The third reading of the block, or undefined if it was skipped. */
function third(xml: string) {
  const r = readingsOf(readEspi(xml));
  if (!r || r.count < 3) return undefined;
  return {
    start: r.start[2],
    duration: r.duration[2],
    value: r.value[2],
    cost: r.cost?.[2],
    quality: r.quality[2],
  };
}

const reading = (inner: string) =>
  `<espi:IntervalReading>${inner}<espi:timePeriod><espi:duration>900</espi:duration><espi:start>2800</espi:start></espi:timePeriod></espi:IntervalReading>`;

describe('readings that differ from the shape learnt from the ones before them', () => {
  test.each([
    ['a decimal value', '<espi:value>12.5</espi:value>', 12.5],
    ['an exponent', '<espi:value>1e3</espi:value>', 1000],
    [
      '20 digits (leading zeros: Int48 ends at 15)',
      '<espi:value>00000140737488355327</espi:value>',
      140737488355327,
    ],
    ['a sign', '<espi:value>-42</espi:value>', -42],
    ['a plus sign', '<espi:value>+42</espi:value>', 42],
    ['spaces around the number', '<espi:value>  42\n</espi:value>', 42],
    ['a comment inside', '<espi:value>4<!-- x -->2</espi:value>', 42],
    ['CDATA', '<espi:value><![CDATA[42]]></espi:value>', 42],
    ['an attribute in single quotes', "<espi:value a='1'>42</espi:value>", 42],
    ['another prefix', '<x:value xmlns:x="http://naesb.org/espi">42</x:value>', 42],
    ['a character reference', '<espi:value>&#52;2</espi:value>', 42],
    ['space before ">" of the end tag', '<espi:value>42</espi:value >', 42],
  ])('%s is read as the strict path reads it', (_, value, expected) => {
    expect(third(feedWith(reading(value)))).toEqual({
      start: 2800,
      duration: 900,
      value: expected,
      cost: Number.NaN,
      quality: NO_QUALITY,
    });
  });

  test('fields in another order, with qualities (the first valid one is kept)', () => {
    const xml = feedWith(
      '<espi:IntervalReading><espi:value>5</espi:value><espi:ReadingQuality><espi:quality>300</espi:quality></espi:ReadingQuality>' +
        '<espi:ReadingQuality><espi:quality>8</espi:quality></espi:ReadingQuality><espi:ReadingQuality><espi:quality>9</espi:quality></espi:ReadingQuality>' +
        '<espi:timePeriod><espi:start>2800</espi:start><espi:duration>900</espi:duration></espi:timePeriod><espi:cost>3</espi:cost></espi:IntervalReading>',
    );
    expect(third(xml)).toEqual({ start: 2800, duration: 900, value: 5, cost: 3, quality: 8 });
  });

  test('the same shape again after an odd reading is still read', () => {
    const doc = readEspi(
      feedWith(
        `${reading('<espi:value>1.5</espi:value>')}<espi:IntervalReading><espi:cost>7</espi:cost><espi:timePeriod><espi:duration>900</espi:duration><espi:start>3700</espi:start></espi:timePeriod><espi:value>4</espi:value></espi:IntervalReading>`,
      ),
    );
    expect(Array.from(readingsOf(doc)?.value ?? [])).toEqual([1, 2, 1.5, 4]);
  });

  test('without a prefix, and with whitespace between tags', () => {
    const xml = bareFeed(
      `<IntervalBlock xmlns="${ESPI}">${[1000, 1900, 2800]
        .map(
          (s, i) =>
            `\n <IntervalReading>\n  <timePeriod>\n   <duration>900</duration>\n   <start>${s}</start>\n  </timePeriod>\n  <value>${i}</value>\n </IntervalReading>`,
        )
        .join('')}\n</IntervalBlock>`,
    );
    expect(Array.from(readingsOf(readEspi(xml))?.value ?? [])).toEqual([0, 1, 2]);
  });

  test('a mismatched end tag is refused, not read past', () => {
    expect(() => readEspi(feedWith(reading('<espi:value>42</espi:valeu>')))).toThrow(EspiReadError);
  });

  test('a mismatched end tag in a reading of the learnt shape is refused', () => {
    const odd =
      '<espi:IntervalReading><espi:cost>7</espi:cost><espi:timePeriod><espi:duration>900</espi:duration>' +
      '<espi:start>2800</espi:start></espi:timePeriod><espi:value>3</espi:valeu></espi:IntervalReading>';
    expect(() => readEspi(feedWith(odd))).toThrow(/does not match/);
  });

  test('an entity reference is refused', () => {
    expect(() => readEspi(feedWith(reading('<espi:value>&x;</espi:value>')))).toThrow(/entity/);
  });

  test('a value that is not a number skips the reading with a warning', () => {
    const doc = readEspi(feedWith(reading('<espi:value>4 2</espi:value>')));
    expect(readingsOf(doc)?.count).toBe(2);
    expect(doc.warnings.map((w) => w.code)).toContain('non-numeric');
  });
});
