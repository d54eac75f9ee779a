/**
 * Writes a Download My Data file (ESPI XML or CSV) off the main thread: a year of 15-minute readings is
 * megabytes of text, which would freeze the page while it is built.
 */
import {
  anonymizeDocument,
  ANONYMOUS_BASE_URL,
  type EspiDocument,
  type TimeZoneRules,
  writeCsv,
  writeDownloadMyData,
} from '../../../espi/index.ts';

export interface ExportRequest {
  format: 'xml' | 'csv';
  doc: EspiDocument;
  /** Resource base for links the data lacks (XML). */
  baseUrl: string;
  fallbackTimeZone?: TimeZoneRules;
  /** Leave out personal details: titles, ids and hosts replaced (espi/anonymize.ts). */
  anonymize?: boolean;
}

export type ExportResponse = { ok: true; text: string } | { ok: false; message: string };

self.onmessage = (event: MessageEvent<ExportRequest>) => {
  const request = event.data;
  try {
    const doc = request.anonymize ? anonymizeDocument(request.doc) : request.doc;
    const text =
      request.format === 'xml'
        ? writeDownloadMyData(doc, { baseUrl: request.anonymize ? ANONYMOUS_BASE_URL : request.baseUrl })
        : writeCsv(doc, request.fallbackTimeZone ? { fallbackTimeZone: request.fallbackTimeZone } : {});
    self.postMessage({ ok: true, text } satisfies ExportResponse);
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message } satisfies ExportResponse);
  }
};
