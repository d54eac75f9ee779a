/**
 * Module Web Worker entry: parses an ESPI document off the page's thread, aggregates it at every calendar
 * resolution (precompute.ts), and posts progress and then the model, its typed arrays transferred rather
 * than copied.
 */
import { EspiReadError } from '../errors.ts';
import type { EspiDocument } from '../model.ts';
import { precomputeAggregates, precomputedBuffers } from '../precompute.ts';
import { readEspi } from '../read/read-espi.ts';
import type { ParseRequest, ParseResponse } from './worker-protocol.ts';

type Post = (message: ParseResponse, transfer?: Transferable[]) => void;

/** The typed arrays' buffers of every MeterReading, to transfer with the document. */
export function transferables(doc: EspiDocument): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const m of [...doc.usagePoints.flatMap((p) => p.meterReadings), ...doc.orphanMeterReadings]) {
    const r = m.readings;
    const p = m.registerReads;
    for (const a of [r.start, r.duration, r.value, r.quality, r.cost, p?.time, p?.value, p?.quality])
      if (a) buffers.add(a.buffer as ArrayBuffer);
    for (const buffer of precomputedBuffers(m)) buffers.add(buffer);
  }
  return [...buffers];
}

/** Handles one request; exported so it can be exercised without a worker. */
export async function handleParse(request: ParseRequest, post: Post): Promise<void> {
  try {
    const { source } = request;
    const input =
      typeof source === 'string'
        ? source
        : new Uint8Array(source instanceof ArrayBuffer ? source : await source.arrayBuffer());
    const document = readEspi(input, {
      ...(request.baseUrl ? { baseUrl: request.baseUrl } : {}),
      onProgress: (fraction) => post({ type: 'progress', fraction }),
    });
    precomputeAggregates(document, request.zone);
    post({ type: 'done', document }, transferables(document));
  } catch (error) {
    if (error instanceof EspiReadError)
      post({
        type: 'error',
        code: error.code,
        message: error.message,
        ...(error.where ? { where: error.where } : {}),
      });
    else
      post({
        type: 'error',
        code: 'internal',
        message: `The file could not be read: ${(error as Error).message}`,
      });
  }
}

/** The part of the worker global this module uses. */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: ParseRequest }) => void): void;
  postMessage(message: ParseResponse, transfer?: Transferable[]): void;
}

// Only inside a worker: the module is also imported by tests in Node, where there is no worker scope.
const scope = globalThis as unknown as Partial<WorkerScope> & { document?: unknown; process?: unknown };
if (typeof scope.postMessage === 'function' && scope.document === undefined && scope.process === undefined) {
  const worker = scope as WorkerScope;
  worker.addEventListener('message', (event) => {
    if (event.data?.type === 'parse')
      void handleParse(event.data, (message, transfer) => worker.postMessage(message, transfer ?? []));
  });
}
