/**
 * Every scanning path of the reader is linear in its input: each hostile shape is read at size n and
 * 2n, and the time may about double (under 3x: a quadratic path gives 4x). Issue 14: a 200,000-digit
 * value took 51 s and a tag with 400,000 attributes 39 s.
 */
import { describe, expect, test } from 'vitest';
import { EspiReadError } from '../errors.ts';
import { readEspi } from './read-espi.ts';
import { growthRatio } from '../../testing/growth.ts';
import {
  B,
  ESPI,
  block,
  entry,
  feed,
  hours,
  link,
  meterReading,
  readingType,
  usagePoint,
} from '../../testing/espi-feed.ts';

/** Reads a document; refusing it with an EspiReadError is an answer too, anything else fails the test. */
function read(text: string): void {
  try {
    readEspi(text);
  } catch (error) {
    if (!(error instanceof EspiReadError)) throw error;
  }
}

/** A feed whose one IntervalBlock holds `inner` where its readings would be. */
const inBlock = (inner: string) =>
  feed(
    usagePoint,
    meterReading(),
    readingType(),
    block(hours(1)).replace('<espi:IntervalReading>', `${inner}<espi:IntervalReading>`),
  );

const inReading = (inner: string) =>
  feed(
    usagePoint,
    meterReading(),
    readingType(),
    block(hours(1)).replace('<espi:value>100</espi:value>', inner),
  );

const shapes: [name: string, input: (n: number) => string, n: number][] = [
  [
    'a value of many digits and a letter',
    (n) => inReading(`<espi:value>${'1'.repeat(n)}x</espi:value>`),
    600_000,
  ],
  ['a value of many digits', (n) => inReading(`<espi:value>${'7'.repeat(n)}</espi:value>`), 400_000],
  [
    'a decimal with many fraction digits and an exponent letter',
    (n) => inReading(`<espi:value>1.${'5'.repeat(n)}e</espi:value>`),
    2_000_000,
  ],
  [
    'a start tag with many attributes',
    (n) => inBlock(`<espi:x ${Array.from({ length: n }, (_, i) => `a${i}="1"`).join(' ')}/>`),
    150_000,
  ],
  [
    'a link with many attributes',
    (n) =>
      feed(
        entry(
          `<link rel="self" ${Array.from({ length: n }, (_, i) => `a${i}="&amp;"`).join(' ')} href="${B}/UsagePoint/1"/>`,
          '<espi:UsagePoint/>',
        ),
      ),
    40_000,
  ],
  [
    'a long attribute value',
    (n) => feed(entry(link('self', `${B}/${'a/'.repeat(n)}`), '<espi:UsagePoint/>')),
    400_000,
  ],
  ['a long element name', (n) => inBlock(`<espi:${'n'.repeat(n)}>1</espi:${'n'.repeat(n)}>`), 1_000_000],
  ['a long text', (n) => feed(entry(`<title>${'word '.repeat(n)}</title>`, '<espi:UsagePoint/>')), 4_000_000],
  [
    'a text of many references',
    (n) => feed(entry(`<title>${'&amp;&#x41;'.repeat(n)}</title>`, '<espi:UsagePoint/>')),
    50_000,
  ],
  ['deep nesting, many times', (n) => inBlock(`${'<a>'.repeat(60)}${'</a>'.repeat(60)}`.repeat(n)), 2_000],
  ['many comments', (n) => inBlock('<!-- c -->'.repeat(n)), 150_000],
  ['many processing instructions', (n) => inBlock('<?pi x?>'.repeat(n)), 150_000],
  [
    'many CDATA sections in a value',
    (n) => inReading(`<espi:value>${'<![CDATA[1]]>'.repeat(n)}</espi:value>`),
    100_000,
  ],
  ['much whitespace between readings', (n) => inBlock(' \n'.repeat(n)), 300_000],
  [
    'many entries',
    (n) =>
      feed(
        usagePoint,
        meterReading(),
        readingType(),
        ...Array.from({ length: n }, (_, i) => block(hours(1, 1_700_000_000 + i * 3600), 1, i)),
      ),
    1_500,
  ],
  [
    'many MeterReadings, each with a block, in reverse order',
    (n) =>
      feed(
        usagePoint,
        ...Array.from({ length: n }, (_, i) => meterReading(i + 1)),
        ...Array.from({ length: n }, (_, i) =>
          block(hours(1), n - i, 1).replace(/<espi:interval>.*?<\/espi:interval>/, ''),
        ),
      ),
    600,
  ],
  [
    'many blocks linked to nothing',
    (n) =>
      feed(
        usagePoint,
        meterReading(1),
        meterReading(2),
        ...Array.from({ length: n }, (_, i) =>
          entry(link('self', `${B}/Elsewhere/${i}`), '<espi:IntervalBlock/>'),
        ),
      ),
    2_000,
  ],
  [
    'many readings at the same start',
    (n) =>
      feed(
        usagePoint,
        meterReading(),
        readingType(),
        block(Array.from({ length: n }, (_, i) => ({ start: 1_700_000_000, value: i }))),
      ),
    8_000,
  ],
  [
    'many readings that are not numbers',
    (n) =>
      feed(
        usagePoint,
        meterReading(),
        readingType(),
        block(Array.from({ length: n }, (_, i) => ({ start: 1_700_000_000 + i * 3600, value: 'x' }))),
      ),
    5_000,
  ],
  [
    'many readings of alternating shapes',
    (n) =>
      inBlock(
        `<espi:IntervalReading><espi:value>1</espi:value></espi:IntervalReading><espi:IntervalReading><espi:cost>2</espi:cost><espi:value>1</espi:value></espi:IntervalReading>`.repeat(
          n,
        ),
      ),
    3_000,
  ],
  [
    'many UsagePoints and LocalTimeParameters',
    (n) =>
      feed(
        ...Array.from(
          { length: n },
          (_, i) =>
            entry(link('self', `${B}/UsagePoint/${i}`), '<espi:UsagePoint/>') +
            entry(
              link('self', `${B}/LocalTimeParameters/${i}`) + link('related', `${B}/UsagePoint/${n - i}`),
              '<espi:LocalTimeParameters><espi:tzOffset>0</espi:tzOffset></espi:LocalTimeParameters>',
            ),
        ),
      ),
    1_000,
  ],
  [
    'many prefixes declared',
    (n) =>
      feed(
        entry(
          link('self', `${B}/UsagePoint/1`),
          `<espi:UsagePoint ${Array.from({ length: n }, (_, i) => `xmlns:p${i}="${ESPI}"`).join(' ')}/>`,
        ),
      ),
    15_000,
  ],
];

describe('reading time grows linearly with hostile input', () => {
  test.each(shapes)('%s', (_name, input, n) => {
    expect(growthRatio(input, n, read)).toBeLessThan(3);
  });
});
