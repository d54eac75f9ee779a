/** The first page's JavaScript, gzipped, against a budget of 100 KB (issue 2). */
import { result, type BenchCase } from '../harness.ts';
import { buildBundle } from '../../scripts/initial-route.ts';

const BUDGET_KB = 100;

const initialRouteBundle: BenchCase = {
  name: 'initial route JS (gzip)',
  async run() {
    const bundle = await buildBundle('production');
    try {
      const kb = bundle.initialScripts.reduce((sum, script) => sum + script.gzipBytes, 0) / 1024;
      return [
        result(
          'initial route JS, gzipped, vs 100 KB budget',
          { value: kb, unit: 'KB', baseline: BUDGET_KB },
          { ratio: 1, higherIsBetter: false },
        ),
      ];
    } finally {
      await bundle.dispose();
    }
  },
};

export default initialRouteBundle;
