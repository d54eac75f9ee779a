/**
 * The reader fuzzed with mutated real files (testdata/real-files): whatever is cut, repeated or spliced
 * in, it returns a document (which summarize and csv can use) or throws an EspiReadError, nothing
 * else; and a hostile piece repeated many times costs time in proportion (issue 14).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { EspiReadError } from '../errors.ts';
import { readEspi } from './read-espi.ts';
import { summarize } from '../summarize.ts';
import { measureGrowth } from '../../testing/growth.ts';
import { writeCsvChunks } from '../write-csv.ts';
import { REAL_FIXTURES_DIR } from '../../testing/test-data.ts';

/** The small real files: mutating a 2 MB file costs time without finding more. */
const files = readdirSync(REAL_FIXTURES_DIR)
  .filter((f) => f.endsWith('.xml') && statSync(`${REAL_FIXTURES_DIR}/${f}`).size < 100_000)
  .map((f) => readFileSync(`${REAL_FIXTURES_DIR}/${f}`, 'utf8'));

/** Pieces that have broken XML readers: markup halves, references, numbers past every type, odd characters. */
const pieces = [
  '<',
  '>',
  '/>',
  '</',
  '&',
  '&amp;',
  '&#0;',
  '&#x10FFFF;',
  '&lt',
  '&bogus;',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?pi ',
  '?>',
  '"',
  "'",
  '=',
  ' a="1"',
  ' xmlns:espi="urn:other"',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  '</entry>',
  '<entry>',
  '</content>',
  '<espi:IntervalReading>',
  '</espi:IntervalReading>',
  '<espi:value>',
  '<espi:duration>0</espi:duration>',
  '9999999999999',
  '999999999999999999999999',
  '1e400',
  '-1e-400',
  '1.5e',
  '-',
  '.',
  'NaN',
  '\u0000',
  '\uFFFE',
  '\uD800',
  '\u00e9',
  '\r\n',
  '\t',
];

const piece = fc.constantFrom(...pieces);

/** One edit of a text, its positions as fractions of the length so they fit any file. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: piece,
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.string(),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat(200),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat(300),
    times: fc.integer({ min: 2, max: 20 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at + m.length);
    case 'cut':
      return text.slice(0, at);
  }
}

/** Reads a document and uses it as the CLI does; an EspiReadError is an answer, anything else is a fault. */
function readAndUse(text: string): void {
  try {
    const doc = readEspi(text);
    JSON.stringify(summarize(doc));
    for (const chunk of writeCsvChunks(doc)) void chunk;
  } catch (error) {
    if (!(error instanceof EspiReadError)) throw error;
  }
}

test('mutated real files give a document or an EspiReadError, nothing else', () => {
  fc.assert(
    fc.property(
      fc.nat(files.length - 1),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      (file, mutations) => {
        readAndUse(mutations.reduce(apply, files[file] as string));
      },
    ),
    { numRuns: 400 },
  );
}, 60_000);

test('a piece repeated in a real file costs time in proportion to the repeats', () => {
  fc.assert(
    fc.property(
      fc.nat(files.length - 1),
      fc.double({ min: 0, max: 1, noNaN: true }),
      piece,
      (file, where, text) => {
        const base = files[file] as string;
        const at = Math.floor(where * base.length);
        // Enough repeats for them, not the file around them, to dominate the time when the reader gets that far.
        const times = Math.ceil((20 * base.length) / text.length);
        const growth = measureGrowth(
          (k) => base.slice(0, at) + text.repeat(k) + base.slice(at),
          times,
          readAndUse,
        );
        // Below a few milliseconds the reader stopped before the repeats (refused the file): nothing grows.
        if (growth.largeMicros > 3_000) expect(growth.ratio).toBeLessThan(3);
      },
    ),
    { numRuns: 12 },
  );
}, 120_000);
