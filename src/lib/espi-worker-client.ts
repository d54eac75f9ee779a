/**
 * Parses an ESPI document in a Web Worker so a 60 MB file never freezes the page, or prices a meter's
 * year under rate plans there (the year's readings never reach the page). One worker per request,
 * terminated when it answers or when the caller aborts.
 */
import {
  type CompareRatesOptions,
  type EspiDocument,
  EspiReadError,
  type ParseResponse,
  type PlanComparison,
  type TimeZoneRules,
  type WorkerRequest,
} from '../espi/index.ts';

export interface ParseInWorkerOptions {
  baseUrl?: string;
  /** The custodian's zone, for usage points without LocalTimeParameters: aggregates follow it. */
  zone?: TimeZoneRules;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Epoch seconds the document's insights take as now (default: the worker's clock). */
  now?: number;
}

type Answer = Extract<ParseResponse, { type: 'done' } | { type: 'compared' }>;

function runInWorker(request: WorkerRequest, options: ParseInWorkerOptions): Promise<Answer> {
  const { onProgress, signal } = options;
  const { source } = request;
  return new Promise<Answer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new DOMException('The parse was aborted.', 'AbortError'));
      return;
    }
    const worker = new Worker(new URL('../espi/hosts/parse-worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(signal?.reason ?? new DOMException('The parse was aborted.', 'AbortError'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<ParseResponse>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message.fraction);
      else if (message.type === 'done' || message.type === 'compared') {
        finish();
        resolve(message);
      } else {
        finish();
        if (message.code === 'internal') reject(new Error(message.message));
        // The worker's message already ends with "(line N)"; the constructor would add it again.
        else
          reject(
            new EspiReadError(
              message.code as EspiReadError['code'],
              message.message.replace(/ \(line \d+\)$/, ''),
              message.where,
            ),
          );
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      finish();
      reject(new Error(`The file reader could not start: ${event.message || 'worker error'}`));
    });
    worker.postMessage(request, source instanceof ArrayBuffer ? [source] : []);
  });
}

export async function parseEspiInWorker(
  source: Blob | ArrayBuffer | string,
  options: ParseInWorkerOptions = {},
): Promise<EspiDocument> {
  const { baseUrl, zone, now } = options;
  const answer = await runInWorker(
    {
      type: 'parse',
      source,
      ...(baseUrl ? { baseUrl } : {}),
      ...(zone ? { zone } : {}),
      ...(now === undefined ? {} : { now }),
    },
    options,
  );
  if (answer.type !== 'done') throw new Error('The file reader answered another request.');
  return answer.document;
}

/** A meter's feed (Atom XML) priced under `plans` in the worker; null when it holds no interval electricity. */
export async function compareRatesInWorker(
  source: string,
  plans: CompareRatesOptions,
  options: ParseInWorkerOptions = {},
): Promise<PlanComparison | null> {
  const { baseUrl, zone } = options;
  const answer = await runInWorker(
    {
      type: 'compare-rates',
      source,
      ...plans,
      ...(baseUrl ? { baseUrl } : {}),
      ...(zone ? { zone } : {}),
    },
    options,
  );
  if (answer.type !== 'compared') throw new Error('The file reader answered another request.');
  return answer.comparison;
}
