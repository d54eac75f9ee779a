/** Messages between the page and `parse-worker.ts`. */
import type { TimeZoneRules } from '../local-time.ts';
import type { EspiDocument, SourceLocation } from '../model.ts';
import type { CompareRatesOptions } from '../tariff/compare-document.ts';
import type { PlanComparison } from '../tariff/compare.ts';

export interface ParseRequest {
  type: 'parse';
  source: Blob | ArrayBuffer | string;
  baseUrl?: string;
  /** The custodian's zone, for usage points without LocalTimeParameters (precompute.ts). */
  zone?: TimeZoneRules;
  /** Epoch seconds the insights take as now (a period still under way is projected); default: the clock's. */
  now?: number;
}

/** Parse, then price the feed's electricity under each plan (tariff/compare-document.ts) instead of returning it. */
export interface CompareRatesRequest extends CompareRatesOptions {
  type: 'compare-rates';
  source: string;
  baseUrl?: string;
}

export type WorkerRequest = ParseRequest | CompareRatesRequest;

export type ParseResponse =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; document: EspiDocument }
  | { type: 'compared'; comparison: PlanComparison | null }
  | { type: 'error'; code: string; message: string; where?: SourceLocation };
