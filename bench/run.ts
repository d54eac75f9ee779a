/**
 * `npm run bench`: runs every case in bench/cases (or those whose file name contains an argument),
 * prints a table and writes bench/results.json.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchResult } from './harness.ts';

const casesDir = fileURLToPath(new URL('./cases', import.meta.url));
const filters = process.argv.slice(2);
const files = (await readdir(casesDir))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const benchCase = (await import(new URL(`./cases/${file}`, import.meta.url).href)).default as BenchCase;
  process.stderr.write(`running ${benchCase.name} ...\n`);
  results.push(...(await benchCase.run()));
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3));
console.table(
  results.map((r) => ({
    case: r.name,
    value: `${fmt(r.value)} ${r.unit}`,
    baseline: `${fmt(r.baseline)} ${r.unit}`,
    ratio: fmt(r.ratio),
    goal: fmt(r.goal),
    met: r.met ? 'yes' : 'NO',
  })),
);
// A run of some cases keeps the other cases' last results: the file holds the latest of each.
const resultsUrl = new URL('./results.json', import.meta.url);
const previous: BenchResult[] =
  filters.length === 0 ? [] : await readFile(resultsUrl, 'utf8').then(JSON.parse, () => []);
const fresh = new Set(results.map((r) => r.name));
const kept = previous.filter((r) => !fresh.has(r.name));
await writeFile(resultsUrl, JSON.stringify([...kept, ...results], null, 2) + '\n');
console.log(`wrote bench/results.json (${results.length} results)`);
