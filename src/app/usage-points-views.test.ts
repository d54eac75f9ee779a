/**
 * Usage, authorizations and bulk each show the customer's usage points their own way; all three read the
 * portal's one usage-points query (src/lib/usage-points.ts) through `select`. These run the three views
 * on one query cache against the mock custodian: one request serves them, and refreshing the list once
 * (what a refused bulk grant does) refreshes every view.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startNodeCustodian } from '../custodian/node.ts';
import { usagePointIndexOptions } from '../features/authorizations/api/authorization-queries.ts';
import { bulkApi } from '../features/bulk/api/bulk-api.ts';
import { bulkQueries } from '../features/bulk/api/bulk-queries.ts';
import { usagePointKeys, usagePointsQuery } from '../lib/usage-points.ts';
import {
  NODE_CUSTOMER_API as CUSTOMER_API,
  nextData,
  signedInPortalClient,
  type View,
} from '../testing/portal-client.ts';

const custodian = startNodeCustodian();
afterAll(() => custodian.close());

let listRequests = 0;
custodian.server.events.on('request:start', ({ request }) => {
  if (new URL(request.url).pathname.endsWith('/usage-points')) listRequests += 1;
});
beforeEach(() => {
  listRequests = 0;
});

describe('the usage points, one query for three features', () => {
  it('serves the usage, authorizations and bulk views from one request, each in its own shape', async () => {
    const client = await signedInPortalClient('business');
    const queryClient = new QueryClient();
    const usage = new QueryObserver(queryClient, usagePointsQuery(client, CUSTOMER_API));
    const names = new QueryObserver(queryClient, usagePointIndexOptions(client, CUSTOMER_API));
    const meters = new QueryObserver(queryClient, bulkQueries.usagePoints(bulkApi(client, CUSTOMER_API)));

    const [listing, index, meterList] = await Promise.all([
      nextData(usage),
      nextData(names),
      nextData(meters),
    ]);

    expect(listRequests).toBe(1);
    expect(listing.length).toBeGreaterThan(0);
    expect(listing[0]?.hrefs.batch).toMatch(/\/Batch\/Subscription\/.+\/UsagePoint\//);
    expect([...index.keys()]).toEqual(listing.map((point) => point.id));
    expect(index.get(listing[0]?.id ?? '')?.title).toBe(listing[0]?.title);
    expect(meterList.map((meter) => meter.id)).toEqual(listing.map((point) => point.id));
    expect(meterList.every((meter) => typeof meter.bulkEligible === 'boolean')).toBe(true);
  });

  it('refreshing the list once refreshes every view', async () => {
    const client = await signedInPortalClient('business');
    const queryClient = new QueryClient();
    const observers: View<unknown>[] = [
      new QueryObserver(queryClient, usagePointsQuery(client, CUSTOMER_API)),
      new QueryObserver(queryClient, usagePointIndexOptions(client, CUSTOMER_API)),
      new QueryObserver(queryClient, bulkQueries.usagePoints(bulkApi(client, CUSTOMER_API))),
    ];
    await Promise.all(observers.map((observer) => nextData(observer)));
    const loadedAt = observers.map((observer) => observer.getCurrentResult().dataUpdatedAt);

    const refreshed = Promise.all(observers.map((observer, i) => nextData(observer, loadedAt[i])));
    await queryClient.invalidateQueries({ queryKey: usagePointKeys.all });
    await refreshed;

    expect(listRequests).toBe(2);
  });
});
