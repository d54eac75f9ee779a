import type { ExportRequest, ExportResponse } from './export-worker.ts';

/** Runs one export in a fresh worker and ends it: exports are rare, a resident worker would idle. */
export function exportInWorker(request: ExportRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ExportResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.text);
      else reject(new Error(`The file could not be written: ${event.data.message}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(
        new Error(`The file could not be written: ${event.message || 'the export stopped unexpectedly'}.`),
      );
    };
    worker.postMessage(request);
  });
}
