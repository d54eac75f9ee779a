/**
 * Issue 12: a year of 15-minute data on screen, switched month -> day -> hour -> month in Chromium
 * (production build). The longest main-thread task over the switches, with the parse worker's hourly,
 * daily and monthly aggregates against aggregating the readings on the page at every switch (the path
 * before), in the same page and run; the goal is no task over 100 ms.
 */
import { median, result, type BenchCase } from '../harness.ts';
import { openBenchPage } from '../usage-bench-browser.ts';

const RUNS = 3;
const BUDGET_MS = 100;

const resolutionSwitch: BenchCase = {
  name: 'resolution-switch',
  async run() {
    const bench = await openBenchPage();
    try {
      const run = (mode: 'precomputed' | 'readings') =>
        bench.page.evaluate((m) => window.usageBench.switchResolutions(m), mode);
      await run('precomputed');
      await run('readings');
      const precomputed: number[] = [];
      const readings: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        precomputed.push((await run('precomputed')).longestTaskMs);
        readings.push((await run('readings')).longestTaskMs);
      }
      const newMs = median(precomputed);
      const oldMs = median(readings);
      process.stderr.write(
        `  resolution switch, longest task: worker aggregates ${newMs.toFixed(0)} ms, page aggregates ${oldMs.toFixed(0)} ms\n`,
      );
      return [
        result(
          'resolution switch longest task: page aggregates / worker aggregates (speed-up)',
          { value: oldMs, unit: 'ms', baseline: Math.max(newMs, 1) },
          { ratio: 1, higherIsBetter: true },
        ),
        result(
          'resolution switch longest main-thread task vs 100 ms budget',
          { value: newMs, unit: 'ms', baseline: BUDGET_MS },
          { ratio: 1, higherIsBetter: false },
        ),
      ];
    } finally {
      await bench.close();
    }
  },
};

export default resolutionSwitch;
