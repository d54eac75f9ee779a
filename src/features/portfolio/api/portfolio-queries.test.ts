/**
 * The portfolio's read against the mock custodian: every page of the usage summaries through the portal's
 * API client, joined with the usage points, and the outlier rules run on the real account. The commercial
 * account's 1,276 usual meters must not stand out, and its four troubled ones must, each for its reason.
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { NODE_BASE_URL } from '../../../custodian/node.ts';
import { createApiClient } from '../../../lib/api-client.ts';
import { usagePointsQuery } from '../../../lib/usage-points.ts';
import { codeFlow } from '../../../testing/custodian-client.ts';
import { PORTAL, startClockedCustodian } from '../../../testing/node-custodian.ts';
import { findOutliers } from '../model/outliers.ts';
import { meterRows } from '../model/portfolio.ts';
import { usageSummariesQuery } from './portfolio-queries.ts';

const { custodian } = startClockedCustodian();
const CUSTOMER_API = `${NODE_BASE_URL}/api/customer/v1`;

async function commercialClient() {
  const { access_token } = await codeFlow(NODE_BASE_URL, { ...PORTAL, username: 'commercial' });
  return createApiClient({
    getAccessToken: async () => access_token,
    renew: async () => null,
    onSessionLost: () => {},
  });
}

describe('the portfolio’s summaries', () => {
  it('reads all 1,280 meters in seven requests of 200, and flags exactly the four troubled meters', async () => {
    const summaryRequests: string[] = [];
    const listen = ({ request }: { request: Request }) => {
      if (request.url.includes('/usage-summaries')) summaryRequests.push(request.url);
    };
    custodian.server.events.on('request:start', listen);
    const client = await commercialClient();
    const queryClient = new QueryClient();
    const [month, listings] = await Promise.all([
      queryClient.fetchQuery(usageSummariesQuery(client, CUSTOMER_API, '2025-05')),
      queryClient.fetchQuery(usagePointsQuery(client, CUSTOMER_API)),
    ]);
    custodian.server.events.removeListener('request:start', listen);
    expect(summaryRequests).toHaveLength(7);
    expect(month.summaries).toHaveLength(1280);

    const outliers = findOutliers(meterRows(month.summaries, listings), Date.parse(month.dataEnd) / 1000);
    const reasons = Object.fromEntries(outliers.map((o) => [o.row.id, o.reasons.map((r) => r.kind)]));
    expect(reasons).toEqual({
      'up-3001-0006': ['use'],
      // Its use per reading is as usual: the readings missing are the news, not a drop in use.
      'up-3001-0200': ['stopped'],
      'up-3001-0333': ['estimated'],
      'up-3001-0777': ['use'],
    });
  });
});
