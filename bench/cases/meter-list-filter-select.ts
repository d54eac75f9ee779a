/**
 * Filtering and selecting across 5,000 meters in the bulk meter selector (issue 8): the virtualized
 * list the portal ships against the same component rendering every row, measured in the same run in
 * Chromium. Each step is timed in the page from the input event until the selector shows the new
 * count and the browser has laid the page out (the count and the list render in one commit).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import playwrightConfig from '../../playwright.config.ts';
import { result, type BenchCase } from '../harness.ts';

const ROUNDS = 3;
const root = fileURLToPath(new URL('../bulk-meter-list', import.meta.url));

type Step =
  | { do: 'search'; value: string; until: string }
  | { do: 'service'; value: string; until: string }
  | { do: 'select-all' | 'toggle-first'; until: string };

/** Every step names the count text it waits for; 5,000 generated meters, 250 sites (bench page). */
const FILTER_STEPS: Step[] = [
  { do: 'search', value: 'store', until: '1,000 of 5,000 shown' },
  { do: 'search', value: 'store #00', until: '40 of 5,000 shown' },
  { do: 'search', value: '', until: '5,000 in all' },
  { do: 'service', value: '1', until: '1,000 of 5,000 shown' },
  { do: 'service', value: '', until: '5,000 in all' },
];
const SELECT_STEPS: Step[] = [
  { do: 'select-all', until: '5,000 meters selected' },
  { do: 'toggle-first', until: '4,999 meters selected' },
  { do: 'select-all', until: '5,000 meters selected' },
  { do: 'select-all', until: '0 meters selected' },
];

/** Runs one step in the page; returns milliseconds until the count shows `until` and layout is done. */
function runStep(page: Page, step: Step): Promise<number> {
  return page.evaluate(async (s) => {
    const count = () => document.querySelector('.meter-selector__count')?.textContent ?? '';
    const t0 = performance.now();
    if (s.do === 'search' || s.do === 'service') {
      const element = document.querySelector<HTMLInputElement | HTMLSelectElement>(
        s.do === 'search' ? 'input[type=search]' : 'select',
      );
      if (!element) throw new Error(`no ${s.do} field`);
      const proto = s.do === 'search' ? HTMLInputElement.prototype : HTMLSelectElement.prototype;
      // React tracks the value property: set it natively so the event carries the change.
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(element, s.value);
      element.dispatchEvent(new Event(s.do === 'search' ? 'input' : 'change', { bubbles: true }));
    } else {
      const selector =
        s.do === 'select-all' ? '.meter-selector__all input' : '.meter-list li input[type=checkbox]';
      document.querySelector<HTMLInputElement>(selector)?.click();
    }
    while (!count().includes(s.until)) await new Promise((resolve) => setTimeout(resolve, 0));
    void document.body.offsetHeight;
    return performance.now() - t0;
  }, step);
}

async function measure(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() =>
    document.querySelector('.meter-selector__count')?.textContent?.includes('5,000 in all'),
  );
  const firstRender = await page.evaluate(() => performance.now());
  let filter = 0;
  for (const step of FILTER_STEPS) filter += await runStep(page, step);
  let select = 0;
  for (const step of SELECT_STEPS) select += await runStep(page, step);
  const rows = await page.locator('.meter-list li').count();
  return { firstRender, filter, select, rows };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const meterListBench: BenchCase = {
  name: 'meter list: filter and select across 5,000 meters',
  async run() {
    const outDir = await mkdtemp(path.join(tmpdir(), 'bulk-meter-list-'));
    await build({
      configFile: false,
      root,
      logLevel: 'error',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'error',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1' },
    });
    const base = server.resolvedUrls?.local[0];
    const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
    try {
      if (!base) throw new Error('the preview server has no address');
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      type Run = Awaited<ReturnType<typeof measure>>;
      const runs: Record<'virtual' | 'plain', Run[]> = { virtual: [], plain: [] };
      // Alternate the two lists so machine noise falls on both alike.
      for (let round = 0; round < ROUNDS; round++) {
        runs.virtual.push(await measure(page, `${base}?list=virtual`));
        runs.plain.push(await measure(page, `${base}?list=plain`));
      }
      const pick = (list: 'virtual' | 'plain', key: 'firstRender' | 'filter' | 'select') =>
        median(runs[list].map((r) => r[key]));
      const rowsInDom = median(runs.virtual.map((r) => r.rows));
      const plainRows = median(runs.plain.map((r) => r.rows));
      const compare = (name: string, key: 'firstRender' | 'filter' | 'select') =>
        result(
          name,
          { value: pick('virtual', key), unit: 'ms', baseline: pick('plain', key) },
          { ratio: 0.5, higherIsBetter: false },
        );
      return [
        compare('meter list: first render of 5,000 meters, virtualized vs plain list', 'firstRender'),
        compare('meter list: 5 filter steps over 5,000 meters, virtualized vs plain list', 'filter'),
        compare('meter list: 4 select steps over 5,000 meters, virtualized vs plain list', 'select'),
        result(
          'meter list: rows in the DOM after the steps, virtualized vs plain list',
          { value: rowsInDom, unit: 'rows', baseline: plainRows },
          { ratio: 0.05, higherIsBetter: false },
        ),
      ];
    } finally {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    }
  },
};

export default meterListBench;
