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

export interface BuiltBundle {
  outDir: string;
  /** Every file of the build, relative to outDir. */
  files: string[];
  /** JavaScript files the first page loads, with their gzipped sizes in bytes. */
  initialScripts: { file: string; gzipBytes: number; source: string }[];
  dispose(): Promise<void>;
}

export async function buildBundle(mode: 'production' | 'demo'): Promise<BuiltBundle> {
  const outDir = await mkdtemp(path.join(tmpdir(), `portal-${mode}-`));
  await build({ mode, logLevel: 'error', build: { outDir, emptyOutDir: true } });
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
