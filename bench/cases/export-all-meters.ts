/**
 * Download My Data for every meter of the commercial account (1,280) over the last whole month as CSV
 * (about 3.5 million readings, issue 16): written as it goes, against building the whole file in memory
 * first (the single-meter download's way), in one run. Reported: peak resident memory and wall time of
 * each, as ratios streamed / in memory.
 *
 * Where: Node, through the same code path as the page (export-meters.ts fetching from the sandbox server
 * over HTTP, the export worker's formatter in process), each export in a process of its own and the
 * custodian in another. Why not Chromium: the demo's custodian generates every feed inside the page
 * (its service worker hands the requests to the page), so the page's memory and time would be mostly
 * the mock's, and a browser's memory is split over processes a test cannot add up reliably.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { result, type BenchCase, type BenchResult } from '../harness.ts';
import { startSandboxProcess } from '../sandbox-process.ts';
import { commercialPortalToken, SANDBOX_PORTAL_REDIRECT_URI } from '../../src/testing/own-api-client.ts';
import { lastWholeMonth } from '../../src/features/usage/model/export-selection.ts';
import { todayIn } from '../../src/features/usage/model/range.ts';

/** In this engineer's bench port range; loopback only. */
const PORT = 4602;
const BASE = `http://localhost:${PORT}`;

interface ExportFigures {
  ms: number;
  peakRssMb: number;
  meters: number;
  skipped: number;
  complete: boolean;
  readings: number;
}

async function exportOnce(mode: 'streamed' | 'in-memory', token: string, from: string, to: string) {
  const output = join(tmpdir(), `export-bench-${mode}-${process.pid}.csv`);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [fileURLToPath(new URL('../export-client.ts', import.meta.url)), BASE, mode, from, to, output],
      { maxBuffer: 1 << 20, env: { ...process.env, EXPORT_TOKEN: token } },
    );
    const figures = JSON.parse(stdout) as ExportFigures;
    if (!figures.complete || figures.skipped > 0)
      throw new Error(`the ${mode} export was incomplete: ${stdout}`);
    return figures;
  } finally {
    await rm(output, { force: true });
  }
}

const benchCase: BenchCase = {
  name: 'export all 1,280 meters x 1 month as CSV',
  async run(): Promise<BenchResult[]> {
    const server = await startSandboxProcess(PORT);
    try {
      const token = await commercialPortalToken(BASE, SANDBOX_PORTAL_REDIRECT_URI);
      const { from, to } = lastWholeMonth(todayIn('America/New_York'));
      const streamed = await exportOnce('streamed', token, from, to);
      const inMemory = await exportOnce('in-memory', token, from, to);
      if (streamed.readings !== inMemory.readings)
        throw new Error('the two exports wrote different readings');
      process.stderr.write(
        `  ${streamed.meters} meters, ${streamed.readings} readings, ${from} to ${to}: streamed ${Math.round(streamed.ms)} ms, ${Math.round(streamed.peakRssMb)} MB; in memory ${Math.round(inMemory.ms)} ms, ${Math.round(inMemory.peakRssMb)} MB\n`,
      );
      return [
        result(
          'export all meters x 1 month, streamed: peak memory vs in memory first',
          { value: streamed.peakRssMb, unit: 'MB', baseline: inMemory.peakRssMb },
          { ratio: 0.25, higherIsBetter: false },
        ),
        result(
          'export all meters x 1 month, streamed: time vs in memory first',
          { value: streamed.ms, unit: 'ms', baseline: inMemory.ms },
          { ratio: 1.1, higherIsBetter: false },
        ),
      ];
    } finally {
      server.kill();
    }
  },
};

export default benchCase;
