import { afterEach, expect, test, vi } from 'vitest';
import { EspiReadError, type ParseRequest } from '../espi/index.ts';
import { handleParse } from '../espi/hosts/parse-worker.ts';
import { parseEspiInWorker } from './espi-worker-client.ts';

/** Stands in for the browser's Worker: runs the real worker handler in-process, asynchronously. */
class InProcessWorker extends EventTarget {
  static instances: InProcessWorker[] = [];
  terminated = false;
  readonly url: URL;
  readonly options: WorkerOptions;
  constructor(url: URL, options: WorkerOptions) {
    super();
    this.url = url;
    this.options = options;
    InProcessWorker.instances.push(this);
  }
  postMessage(request: ParseRequest): void {
    setTimeout(() => {
      void handleParse(request, (message) => {
        if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: message }));
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  InProcessWorker.instances = [];
});

const feed = `<entry xmlns="http://www.w3.org/2005/Atom"><content><UsagePoint xmlns="http://naesb.org/espi"/></content></entry>`;

test('resolves with the document, reports progress, and terminates its module worker', async () => {
  vi.stubGlobal('Worker', InProcessWorker);
  const progress: number[] = [];
  const doc = await parseEspiInWorker(feed, { onProgress: (f) => progress.push(f) });
  expect(doc.usagePoints).toHaveLength(1);
  expect(progress.at(-1)).toBe(1);
  const worker = InProcessWorker.instances[0];
  expect(worker?.options.type).toBe('module');
  expect(worker?.url.pathname).toMatch(/espi\/hosts\/parse-worker\.ts$/);
  expect(worker?.terminated).toBe(true);
});

test('rejects with an EspiReadError carrying code and where', async () => {
  vi.stubGlobal('Worker', InProcessWorker);
  const error = await parseEspiInWorker('<feed xmlns="http://www.w3.org/2005/Atom">').catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EspiReadError);
  expect(error).toMatchObject({ code: 'truncated', where: { line: 1 } });
  expect((error as Error).message.match(/\(line 1\)/g)).toHaveLength(1);
});

test('an abort terminates the worker and rejects', async () => {
  vi.stubGlobal('Worker', InProcessWorker);
  const controller = new AbortController();
  const pending = parseEspiInWorker(feed, { signal: controller.signal });
  controller.abort();
  await expect(pending).rejects.toThrow();
  expect(InProcessWorker.instances[0]?.terminated).toBe(true);
});
