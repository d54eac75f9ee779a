/** The first page's JavaScript, gzipped, against a budget of 100 KB (issues 2 and 12). */
import { result, type BenchCase } from '../harness.ts';
import { buildBundle, initialRouteKb, INITIAL_ROUTE_BUDGET_KB } from '../../scripts/initial-route.ts';

const initialRouteBundle: BenchCase = {
  name: 'initial route JS (gzip)',
  async run() {
    const bundle = await buildBundle('production');
    try {
      const kb = initialRouteKb(bundle);
      return [
        result(
          'initial route JS, gzipped, vs 100 KB budget',
          { value: kb, unit: 'KB', baseline: INITIAL_ROUTE_BUDGET_KB },
          { ratio: 1, higherIsBetter: false },
        ),
      ];
    } finally {
      await bundle.dispose();
    }
  },
};

export default initialRouteBundle;
