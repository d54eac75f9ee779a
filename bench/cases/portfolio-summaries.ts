/**
 * The portfolio's usage summaries (issue 16): every one of the commercial account's 1,280 meters for the
 * latest whole month and the same month a year before, read page by page (200 meters a page, as the
 * portal reads them) through msw/node. Cold: the first read, which generates every meter-month's readings;
 * warm: the median of five reads after it, answered from the figures kept for closed months. Reported:
 * warm against cold, goal a tenth or less (the cache must make a second visit cheap).
 */
import { median, result, type BenchCase } from '../harness.ts';
import { NODE_BASE_URL, NODE_PORTAL_REDIRECT_URI, startNodeCustodian } from '../../src/custodian/node.ts';
import { bearer, codeFlow } from '../../src/testing/custodian-client.ts';

async function readAll(token: string): Promise<number> {
  let meters = 0;
  for (let url: string | null = `${NODE_BASE_URL}/api/customer/v1/usage-summaries?limit=200`; url;) {
    const page = (await (await fetch(url, { headers: bearer(token) })).json()) as {
      next: string | null;
      summaries: unknown[];
    };
    meters += page.summaries.length;
    url = page.next;
  }
  return meters;
}

const benchCase: BenchCase = {
  name: 'portfolio-summaries',
  async run() {
    const custodian = startNodeCustodian();
    try {
      const { access_token } = await codeFlow(NODE_BASE_URL, {
        clientId: 'green-button-portal',
        redirectUri: NODE_PORTAL_REDIRECT_URI,
        scope: 'openid customer_api',
        username: 'commercial',
      });
      const t0 = performance.now();
      const meters = await readAll(access_token);
      const cold = performance.now() - t0;
      if (meters !== 1280) throw new Error(`read ${meters} meters, not 1,280`);
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await readAll(access_token);
        warm.push(performance.now() - t);
      }
      process.stderr.write(
        `  cold ${cold.toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms (1,280 meters)\n`,
      );
      return [
        result(
          'portfolio-summaries: 1,280 meters warm vs cold (ms)',
          { value: median(warm), unit: 'ms', baseline: cold },
          { ratio: 0.1, higherIsBetter: false },
        ),
      ];
    } finally {
      custodian.close();
    }
  },
};

export default benchCase;
