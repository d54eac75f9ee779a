/**
 * Parses an ESPI document in a Web Worker so a 60 MB file never freezes the page. One worker per
 * parse, terminated when it answers or when the caller aborts.
 */
import {
  type EspiDocument,
  EspiReadError,
  type ParseRequest,
  type ParseResponse,
  type TimeZoneRules,
} from '../espi/index.ts';

export interface ParseInWorkerOptions {
  baseUrl?: string;
  /** The custodian's zone, for usage points without LocalTimeParameters: aggregates follow it. */
  zone?: TimeZoneRules;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function parseEspiInWorker(
  source: Blob | ArrayBuffer | string,
  options: ParseInWorkerOptions = {},
): Promise<EspiDocument> {
  const { baseUrl, zone, onProgress, signal } = options;
  return new Promise<EspiDocument>((resolve, reject) => {
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
      else if (message.type === 'done') {
        finish();
        resolve(message.document);
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
    const request: ParseRequest = {
      type: 'parse',
      source,
      ...(baseUrl ? { baseUrl } : {}),
      ...(zone ? { zone } : {}),
    };
    worker.postMessage(request, source instanceof ArrayBuffer ? [source] : []);
  });
}
