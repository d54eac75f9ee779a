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

const pageDir = fileURLToPath(new URL('./usage-bench-page/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

export interface BenchBrowser {
  page: Page;
  close(): Promise<void>;
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
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
