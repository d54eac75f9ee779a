import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { readEspi } from '../read/read-espi.ts';
import { summarize } from '../summarize.ts';
import { REAL_FIXTURES_DIR } from '../../testing/test-data.ts';

const run = promisify(execFile);
const REAL = `${REAL_FIXTURES_DIR}/`;
const cwd = new URL('../../..', import.meta.url).pathname;

async function espi(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'espi', '--', ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('npm run espi -- summarize prints the summary as JSON', async () => {
  const file = `${REAL}vladistan-ngma_natural_gas_billing_billing_data_Service_1_1_2021-05-26_to_2024-04-25.xml`;
  const result = await espi('summarize', file);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual(summarize(readEspi(new Uint8Array(readFileSync(file)))));
  expect(Object.keys(JSON.parse(result.stdout))).toEqual([
    'usagePoints',
    'readings',
    'summaries',
    'start',
    'end',
    'totals',
  ]);
}, 30_000);

test('npm run espi -- csv writes one row per reading', async () => {
  const result = await espi('csv', `${REAL}vladistan-gas_direct.xml`);
  expect(result.code).toBe(0);
  expect(result.stdout.trim().split('\n')).toHaveLength(1 + 5);
}, 30_000);

test('bad input exits 1 with a clear message; bad usage exits 2', async () => {
  const bad = await espi('summarize', `${REAL}MANIFEST.md`);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/MANIFEST\.md: .*not an XML document.*\[not-xml\]/);
  const usage = await espi('frobnicate', 'x.xml');
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/unknown command "frobnicate"/);
}, 30_000);
