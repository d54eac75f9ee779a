/**
 * The formatting half of a many-meter Download My Data export: one meter's feed (Atom XML as the
 * custodian sent it) in, that meter's part of the file out. It keeps only what must carry over from one
 * meter to the next (the writers' numbering, the anonymiser's pseudonyms), never a meter's readings, so
 * its memory does not grow with the export. Pure: it runs in the export worker (export-format-worker.ts)
 * and, in the benchmark, in Node.
 */
import {
  ANONYMOUS_BASE_URL,
  COST_DIVISOR,
  createAnonymizer,
  createCsvWriter,
  createDownloadMyDataWriter,
  displayUnitFor,
  type EspiDocument,
  rawToDisplayFactor,
  readEspi,
  rulesForZone,
} from '../../../espi/index.ts';
import { clockFor } from './clock.ts';
import { documentForExport } from './export-document.ts';
import { rangeBounds, type DayRange } from './range.ts';

export type ExportFormat = 'xml' | 'csv';

export interface ExportSettings {
  format: ExportFormat;
  range: DayRange;
  /** Leave out personal details (espi/anonymize.ts). */
  anonymize: boolean;
  /** The customer's Download My Data collection (the file's self link), e.g. `…/Batch/RetailCustomer/{id}/UsagePoint`. */
  feedHref: string;
  /** The feed's `updated`: when the export started (a streamed file must know it before its first entry). */
  updated: string;
}

/** One meter to format: its feed's text and what the customer API says of it. */
export interface MeterFeed {
  xml: string;
  /** The feed's address: the base for links the data lacks. */
  url: string;
  usagePointId: string;
  /** IANA zone of the service address: the clock when the feed has no LocalTimeParameters. */
  timeZone?: string;
}

/** What one meter added to the file: its text, its readings and their totals by unit (display units). */
export interface MeterPart {
  chunks: string[];
  readings: number;
  totals: Record<string, number>;
  cost: number;
}

export interface ExportFormatter {
  head: string;
  meter(feed: MeterFeed): MeterPart;
  tail: string;
}

/** Readings and their totals in the units the CSV writes them in (what the page reports as written). */
function tally(doc: EspiDocument): Omit<MeterPart, 'chunks'> {
  const totals: Record<string, number> = {};
  let readings = 0;
  let cost = 0;
  for (const mr of doc.usagePoints.flatMap((up) => up.meterReadings)) {
    const factor = rawToDisplayFactor(mr.readingType);
    const unit = displayUnitFor(mr.readingType).unit;
    const r = mr.readings;
    let sum = 0;
    for (let i = 0; i < r.count; i++) {
      sum += r.value[i] ?? 0;
      cost += (r.cost?.[i] ?? 0) || 0;
    }
    totals[unit] = (totals[unit] ?? 0) + sum * factor;
    readings += r.count;
  }
  return { readings, totals, cost: cost / COST_DIVISOR };
}

export function createExportFormatter(settings: ExportSettings): ExportFormatter {
  const anonymize = settings.anonymize ? createAnonymizer() : (doc: EspiDocument) => doc;
  const xml =
    settings.format === 'xml'
      ? createDownloadMyDataWriter({
          baseUrl: settings.anonymize ? ANONYMOUS_BASE_URL : settings.feedHref,
          selfHref: settings.anonymize ? `${ANONYMOUS_BASE_URL}/UsagePoint` : settings.feedHref,
          updated: settings.updated,
        })
      : undefined;
  const csv = settings.format === 'csv' ? createCsvWriter() : undefined;

  return {
    head: xml?.head ?? csv?.header ?? '',
    meter(feed) {
      const parsed = readEspi(feed.xml, { baseUrl: feed.url });
      const usagePoint = parsed.usagePoints.find((up) =>
        up.meta.selfHref?.endsWith(`/UsagePoint/${feed.usagePointId}`),
      );
      if (!usagePoint) throw new Error('The utility sent no data for this meter.');
      const clock = clockFor(parsed, usagePoint, feed.timeZone);
      const doc = anonymize(documentForExport(parsed, usagePoint, rangeBounds(settings.range, clock)));
      const fallbackTimeZone = rulesForZone(feed.timeZone);
      const chunks = Array.from(xml ? xml.part(doc) : (csv?.rows(doc, fallbackTimeZone) ?? []));
      return { chunks, ...tally(doc) };
    },
    tail: xml?.tail ?? '',
  };
}

/** What the file gets: the formatter's text as UTF-8, a meter's part in one array (to transfer from a worker). */
export interface ByteFormatter {
  head: Uint8Array;
  meter(feed: MeterFeed): Omit<MeterPart, 'chunks'> & { bytes: Uint8Array };
  tail: Uint8Array;
}

export function createByteFormatter(settings: ExportSettings): ByteFormatter {
  const formatter = createExportFormatter(settings);
  const encoder = new TextEncoder();
  return {
    head: encoder.encode(formatter.head),
    meter(feed) {
      const { chunks, ...figures } = formatter.meter(feed);
      return { bytes: encoder.encode(chunks.join('')), ...figures };
    },
    tail: encoder.encode(formatter.tail),
  };
}
