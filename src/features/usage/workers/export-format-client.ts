/**
 * The export worker as a `PartWriter` (export-meters.ts): one worker for one export, ended by `close`.
 * Requests are answered in order, each matched by its id.
 */
import type { ExportSettings, MeterFeed } from '../model/export-format.ts';
import type { PartWriter } from '../api/export-meters.ts';
import type { FormatRequest, FormatResponse } from './export-format-protocol.ts';

export interface WorkerPartWriter extends PartWriter {
  head: Uint8Array;
  tail(): Promise<Uint8Array>;
  close(): void;
}

/** A request without its id (Omit taken over each member of the union). */
type Request = FormatRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

type Waiting = { resolve(message: FormatResponse): void; reject(error: Error): void };

export async function startFormatWorker(settings: ExportSettings): Promise<WorkerPartWriter> {
  const worker = new Worker(new URL('./export-format-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, Waiting>();
  let lastId = 0;
  const fail = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<FormatResponse>) => {
    const w = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    w?.resolve(event.data);
  };
  worker.onerror = (event) =>
    fail(new Error(`The file could not be written: ${event.message || 'the export stopped unexpectedly'}.`));
  const ask = async (request: Request): Promise<FormatResponse> => {
    const id = ++lastId;
    const answer = await new Promise<FormatResponse>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
    if (answer.type === 'error') throw new Error(answer.message);
    return answer;
  };
  const bytesOf = (answer: FormatResponse) => (answer.type === 'error' ? new Uint8Array() : answer.bytes);

  try {
    const head = bytesOf(await ask({ type: 'start', settings }));
    return {
      head,
      async meter(feed: MeterFeed) {
        const answer = await ask({ type: 'meter', feed });
        if (answer.type !== 'part') throw new Error('The export worker answered out of turn.');
        const { bytes, readings, totals, cost } = answer;
        return { bytes, readings, totals, cost };
      },
      tail: async () => bytesOf(await ask({ type: 'end' })),
      close: () => {
        fail(new Error('The export was closed.'));
        worker.terminate();
      },
    };
  } catch (error) {
    worker.terminate();
    throw error;
  }
}
