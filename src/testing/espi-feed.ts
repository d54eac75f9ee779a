/**
 * Builders of small ESPI feeds for the reader's tests: one UsagePoint, MeterReadings, ReadingTypes and
 * IntervalBlocks linked the way real feeds link them, so each test writes only what it is about.
 */
import { type EspiDocument, EspiReadError, readEspi } from '../espi/index.ts';

export const ATOM = 'http://www.w3.org/2005/Atom';
export const ESPI = 'http://naesb.org/espi';
export const B = 'https://dc.example.com/espi/1_1/resource';

export interface Reading {
  start: number;
  duration?: number;
  value: string | number;
  cost?: number;
}

export const reading = (r: Reading) =>
  `<espi:IntervalReading>${r.cost === undefined ? '' : `<espi:cost>${r.cost}</espi:cost>`}` +
  `<espi:timePeriod><espi:duration>${r.duration ?? 3600}</espi:duration><espi:start>${r.start}</espi:start></espi:timePeriod>` +
  `<espi:value>${r.value}</espi:value></espi:IntervalReading>`;

export const entry = (links: string, content: string) =>
  `<entry>${links}<content>${content}</content></entry>`;
export const link = (rel: string, href: string) => `<link rel="${rel}" href="${href}"/>`;

export const usagePoint = entry(
  link('self', `${B}/Subscription/5/UsagePoint/1`) +
    link('related', `${B}/Subscription/5/UsagePoint/1/MeterReading`),
  '<espi:UsagePoint><espi:ServiceCategory><espi:kind>0</espi:kind></espi:ServiceCategory></espi:UsagePoint>',
);
export const meterReading = (n = 1, links = true) =>
  entry(
    link('self', `${B}/Subscription/5/UsagePoint/1/MeterReading/${n}`) +
      (links
        ? link('up', `${B}/Subscription/5/UsagePoint/1/MeterReading`) +
          link('related', `${B}/ReadingType/${n}`)
        : ''),
    '<espi:MeterReading/>',
  );
export const readingType = (
  n = 1,
  fields = '<espi:flowDirection>1</espi:flowDirection><espi:powerOfTenMultiplier>-3</espi:powerOfTenMultiplier><espi:uom>72</espi:uom>',
) => entry(link('self', `${B}/ReadingType/${n}`), `<espi:ReadingType>${fields}</espi:ReadingType>`);
export const block = (readings: Reading[], mr = 1, id = 1) =>
  entry(
    link('self', `${B}/Subscription/5/UsagePoint/1/MeterReading/${mr}/IntervalBlock/${id}`) +
      link('up', `${B}/Subscription/5/UsagePoint/1/MeterReading/${mr}/IntervalBlock`),
    `<espi:IntervalBlock><espi:interval><espi:duration>${readings.length * 3600}</espi:duration><espi:start>${readings[0]?.start ?? 0}</espi:start></espi:interval>${readings.map(reading).join('')}</espi:IntervalBlock>`,
  );
export const feed = (...entries: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="${ATOM}" xmlns:espi="${ESPI}"><id>urn:uuid:1</id>${link('self', `${B}/Batch/Subscription/5`)}\n${entries.join('\n')}\n</feed>\n`;

/**
 * A feed of one entry with no links around `content`: the smallest input the reader accepts, whose
 * MeterReading (if any) it keeps as an orphan. `namespaces` adds declarations to the feed element.
 */
export const bareFeed = (content: string, namespaces = '') =>
  `<feed xmlns="${ATOM}"${namespaces}><entry><content>${content}</content></entry></feed>`;

export const hours = (n: number, from = 1_700_000_000) =>
  Array.from({ length: n }, (_, i): Reading => ({ start: from + i * 3600, value: 100 + i }));

export function readingsOf(doc: EspiDocument) {
  const m = doc.usagePoints[0]?.meterReadings[0] ?? doc.orphanMeterReadings[0];
  return m?.readings;
}

export function codes(doc: EspiDocument): string[] {
  return doc.warnings.map((w) => w.code);
}

export function readError(
  input: string | Uint8Array,
  options?: Parameters<typeof readEspi>[1],
): EspiReadError {
  try {
    readEspi(input, options);
  } catch (error) {
    if (error instanceof EspiReadError) return error;
    throw error;
  }
  throw new Error('expected an EspiReadError');
}
