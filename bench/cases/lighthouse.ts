/**
 * Issue 12, first load: Lighthouse (mobile preset, its default: a mid-range phone on a slow 4G link,
 * simulated) on the demo build's home and open-file pages, against gbmeter (jekrch/energy-meter, a
 * Green Button viewer of one page) in the same run. The median of three runs of each page; Performance
 * against gbmeter's, Accessibility, Best Practices and SEO against 100, and FCP and LCP against gbmeter's.
 *
 * gbmeter is built from its own repository, outside this one (never vendored):
 *   git clone https://github.com/jekrch/energy-meter /tmp/gbmeter && cd /tmp/gbmeter && npm install && npx vite build
 * GBMETER_DIR names another checkout. Without a build there, the case compares against the figures of
 * the last run that had one (issue 12: Performance 95, FCP 2.16 s, LCP 2.46 s) and says so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { preview, type PreviewServer } from 'vite';
import { median, result, type BenchCase, type BenchResult } from '../harness.ts';
import { chromiumLaunchOptions } from '../../e2e/chromium.ts';
import { buildBundle } from '../../scripts/initial-route.ts';

const RUNS = 3;
const GBMETER_DIR = process.env.GBMETER_DIR ?? '/tmp/gbmeter';
/** gbmeter's figures from issue 12's run, for a machine where it cannot be built. */
const GBMETER_LAST = { performance: 95, fcpMs: 2160, lcpMs: 2460 };

interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
}

async function audit(url: string): Promise<Scores> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumLaunchOptions.executablePath,
    chromeFlags: ['--headless=new', ...chromiumLaunchOptions.args],
  });
  try {
    const run = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = run.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcpMs: audits['first-contentful-paint']?.numericValue ?? Number.NaN,
      lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    };
  } finally {
    chrome.kill();
  }
}

/** The median of each figure over `RUNS` audits of a page. */
async function medianScores(url: string): Promise<Scores> {
  const runs: Scores[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(url));
  const of = (key: keyof Scores) => median(runs.map((r) => r[key]));
  const scores: Scores = {
    performance: of('performance'),
    accessibility: of('accessibility'),
    bestPractices: of('bestPractices'),
    seo: of('seo'),
    fcpMs: of('fcpMs'),
    lcpMs: of('lcpMs'),
  };
  process.stderr.write(`  ${url}: ${JSON.stringify(scores)} (runs: ${JSON.stringify(runs)})\n`);
  return scores;
}

function origin(server: PreviewServer): string {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not say where it listens');
  return url.replace(/\/$/, '');
}

async function gbmeterScores(): Promise<{
  scores: Pick<Scores, 'performance' | 'fcpMs' | 'lcpMs'>;
  label: string;
}> {
  const dist = path.join(GBMETER_DIR, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    process.stderr.write(`  no gbmeter build in ${dist}: comparing against issue 12's figures\n`);
    return { scores: GBMETER_LAST, label: "gbmeter (issue 12's figures)" };
  }
  const server = await preview({
    configFile: false,
    root: GBMETER_DIR,
    logLevel: 'error',
    build: { outDir: dist },
    preview: { port: 0, host: '127.0.0.1' },
  });
  try {
    return { scores: await medianScores(`${origin(server)}/`), label: 'gbmeter' };
  } finally {
    await server.close();
  }
}

const lighthouseCase: BenchCase = {
  name: 'lighthouse (mobile)',
  async run() {
    const gbmeter = await gbmeterScores();
    const bundle = await buildBundle('demo');
    const server = await preview({
      mode: 'demo',
      logLevel: 'error',
      build: { outDir: bundle.outDir },
      preview: { port: 0, host: '127.0.0.1' },
    });
    const results: BenchResult[] = [];
    try {
      for (const [page, route] of [
        ['home', '/'],
        ['open-file', '/open-file'],
      ] as const) {
        const portal = await medianScores(`${origin(server)}${route}`);
        const name = (what: string, against: string) =>
          `Lighthouse ${what}, ${page} page (demo build) vs ${against}`;
        results.push(
          result(
            name('Performance', gbmeter.label),
            { value: portal.performance, unit: 'score', baseline: gbmeter.scores.performance },
            { ratio: 1, higherIsBetter: true },
          ),
          result(
            name('FCP', gbmeter.label),
            { value: portal.fcpMs, unit: 'ms', baseline: gbmeter.scores.fcpMs },
            { ratio: 1, higherIsBetter: false },
          ),
          result(
            name('LCP', gbmeter.label),
            { value: portal.lcpMs, unit: 'ms', baseline: gbmeter.scores.lcpMs },
            { ratio: 1, higherIsBetter: false },
          ),
          ...(
            [
              ['Accessibility', portal.accessibility],
              ['Best Practices', portal.bestPractices],
              ['SEO', portal.seo],
            ] as const
          ).map(([category, score]) =>
            result(
              name(category, '100'),
              { value: score, unit: 'score', baseline: 100 },
              { ratio: 1, higherIsBetter: true },
            ),
          ),
        );
      }
    } finally {
      await server.close();
      await bundle.dispose();
    }
    return results;
  },
};

export default lighthouseCase;
