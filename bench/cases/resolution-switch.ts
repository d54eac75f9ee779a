/**
 * Issue 12: a year of 15-minute data on screen, switched month -> day -> hour -> month in Chromium
 * (production build). The longest main-thread task over the switches, with the parse worker's hourly,
 * daily and monthly aggregates against aggregating the readings on the page at every switch (the path
 * before), in the same page and run; the goal is no task over 100 ms. The longest task's CPU time (from a
 * trace) is reported beside its wall time: on a shared machine the wall time counts other processes too.
 */
import { median, result, type BenchCase } from '../harness.ts';
import { openBenchPage } from '../usage-bench-browser.ts';
import { SWITCHES_MARK } from '../usage-bench-page/marks.ts';

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
      const precomputedCpu: number[] = [];
      const readings: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const traced = await bench.longestTaskCpuMs(SWITCHES_MARK, () => run('precomputed'));
        precomputed.push(traced.result.longestTaskMs);
        precomputedCpu.push(traced.cpuMs);
        readings.push((await run('readings')).longestTaskMs);
      }
      const newMs = median(precomputed);
      const newCpuMs = median(precomputedCpu);
      const oldMs = median(readings);
      process.stderr.write(
        `  resolution switch, longest task: worker aggregates ${newMs.toFixed(0)} ms (CPU ${newCpuMs.toFixed(0)} ms), page aggregates ${oldMs.toFixed(0)} ms\n`,
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
        result(
          'resolution switch longest main-thread task, CPU time, vs 100 ms budget',
          { value: newCpuMs, unit: 'ms', baseline: BUDGET_MS },
          { ratio: 1, higherIsBetter: false },
        ),
      ];
    } finally {
      await bench.close();
    }
  },
};

export default resolutionSwitch;
