/**
 * Builds bench/usage-bench-page with Vite (production mode, as the portal ships), serves it on a free
 * local port and opens it in Debian's Chromium with the flags of playwright.config.ts. `extraFiles` are
 * served beside the page (a generated Green Button file, say).
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';

const pageDir = fileURLToPath(new URL('./usage-bench-page', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

export interface BenchBrowser {
  page: Page;
  /**
   * Runs `work` under a Chromium trace and returns the CPU time of the page's longest main-thread task
   * after the user-timing mark `from` (set by the page), in ms. The machine the bench runs on is shared:
   * a task's wall time there counts the time other processes held the CPU, its CPU time does not.
   */
  longestTaskCpuMs<T>(from: string, work: () => Promise<T>): Promise<{ cpuMs: number; result: T }>;
  close(): Promise<void>;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The longest CPU time (tdur, µs) of a task on the renderer's main thread after the mark `from`. */
function longestMainThreadTaskCpu(events: TraceEvent[], from: string): number {
  const mark = events.find((e) => e.name === from);
  if (!mark) throw new Error(`the trace has no mark ${from}`);
  const main = events.find(
    (e) =>
      e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark.pid,
  );
  if (!main) throw new Error('the trace has no renderer main thread');
  let longest = 0;
  for (const e of events)
    if (e.name === 'RunTask' && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.ts >= mark.ts)
      longest = Math.max(longest, e.tdur ?? 0);
  return longest / 1000;
}

export async function openBenchPage(
  extraFiles: Record<string, string | Uint8Array> = {},
): Promise<BenchBrowser> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'usage-bench-'));
  await build({
    configFile: false,
    root: pageDir,
    logLevel: 'error',
    plugins: [react()],
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  const server: Server = createServer((request, response) => {
    void (async () => {
      const name =
        decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') ||
        'index.html';
      const extra = extraFiles[name];
      try {
        const body =
          extra ?? (await readFile(path.join(outDir, path.normalize(name).replace(/^(\.\.[/\\])+/, ''))));
        response.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser: Browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'usageBench' in window);
  return {
    page,
    async longestTaskCpuMs(from, work) {
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      });
      const result = await work();
      const trace = await browser.stopTracing();
      const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
      return { cpuMs: longestMainThreadTaskCpu(traceEvents, from), result };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
