/** Messages between the page and `parse-worker.ts`. */
import type { TimeZoneRules } from '../local-time.ts';
import type { EspiDocument, SourceLocation } from '../model.ts';

export interface ParseRequest {
  type: 'parse';
  source: Blob | ArrayBuffer | string;
  baseUrl?: string;
  /** The custodian's zone, for usage points without LocalTimeParameters (precompute.ts). */
  zone?: TimeZoneRules;
}

export type ParseResponse =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; document: EspiDocument }
  | { type: 'error'; code: string; message: string; where?: SourceLocation };
