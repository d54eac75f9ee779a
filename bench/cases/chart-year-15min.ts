/**
 * Issue 6: a year of 15-minute data for one meter (35,040 readings), from the model in memory to the chart
 * drawn in Chromium. The portal's chart (series built, downsampled to about two points per pixel) against
 * recharts handed every point, in the same page and run; the goal is at least 5x faster, and under 300 ms.
 */
import { median, result, type BenchCase } from '../harness.ts';
import { openBenchPage } from '../usage-bench-browser.ts';

const RUNS = 5;
const BUDGET_MS = 300;

const chartYear: BenchCase = {
  name: 'chart-year-15min',
  async run() {
    const bench = await openBenchPage();
    try {
      const draw = (mode: 'portal' | 'all-points') =>
        bench.page.evaluate((m) => window.usageBench.drawChart(m), mode);
      await draw('portal');
      await draw('all-points');
      const portal: number[] = [];
      const all: number[] = [];
      let drawnPoints = 0;
      for (let i = 0; i < RUNS; i++) {
        const p = await draw('portal');
        portal.push(p.ms);
        drawnPoints = p.points;
        all.push((await draw('all-points')).ms);
      }
      const portalMs = median(portal);
      const allMs = median(all);
      process.stderr.write(
        `  chart: portal ${portalMs.toFixed(0)} ms (${drawnPoints} points drawn), all points ${allMs.toFixed(0)} ms\n`,
      );
      return [
        result(
          'year of 15-min data to chart drawn: all points / portal (speed-up)',
          { value: allMs, unit: 'ms', baseline: portalMs },
          { ratio: 5, higherIsBetter: true },
        ),
        result(
          'year of 15-min data to chart drawn vs 300 ms budget',
          { value: portalMs, unit: 'ms', baseline: BUDGET_MS },
          { ratio: 1, higherIsBetter: false },
        ),
      ];
    } finally {
      await bench.close();
    }
  },
};

export default chartYear;
