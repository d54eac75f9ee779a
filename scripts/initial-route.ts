/**
 * Builds the portal into a temporary folder and reports what the first page loads: the entry
 * script and every chunk it preloads (Vite writes them as modulepreload links), gzipped.
 * Shared by the production-build test and the bundle-size bench case.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The first page's JavaScript budget, gzipped (issue 12): entry and modulepreloads together. */
export const INITIAL_ROUTE_BUDGET_KB = 100;

export interface BuiltBundle {
  outDir: string;
  /** Every file of the build, relative to outDir. */
  files: string[];
  /** JavaScript files the first page loads, with their gzipped sizes in bytes. */
  initialScripts: { file: string; gzipBytes: number; source: string }[];
  dispose(): Promise<void>;
}

/** What the first page's scripts weigh, gzipped, in KB. */
export function initialRouteKb(bundle: BuiltBundle): number {
  return bundle.initialScripts.reduce((sum, script) => sum + script.gzipBytes, 0) / 1024;
}

export async function buildBundle(mode: 'production' | 'demo'): Promise<BuiltBundle> {
  const outDir = await mkdtemp(path.join(tmpdir(), `portal-${mode}-`));
  // Vite bundles React's development build when NODE_ENV says so, and Vitest sets it to `test`:
  // build what a deployment ships, whoever calls.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const files = (await readdir(outDir, { recursive: true })).map(String);
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(
      /<(?:script type="module"[^>]*\ssrc|link rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g,
    ),
  ].map((match) => match[1] as string);
  const initialScripts = await Promise.all(
    initial.map(async (file) => {
      const source = await readFile(path.join(outDir, file), 'utf8');
      return { file, source, gzipBytes: gzipSync(source, { level: 9 }).length };
    }),
  );
  return { outDir, files, initialScripts, dispose: () => rm(outDir, { recursive: true, force: true }) };
}
