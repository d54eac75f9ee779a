/**
 * Connected apps and the app directory both show the customer's authorizations; both read the portal's
 * one authorizations list (src/lib/authorizations.ts), the directory through `select`. Against the mock
 * custodian: one request serves both, and after a revoke, refreshing the list once (what the revoke
 * mutation does) takes the app off the directory's "connected" too.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeCustodian } from '../custodian/node.ts';
import { connectedAppsOptions } from '../features/app-directory/api/directory-queries.ts';
import { authorizationKeys, authorizationListOptions, authorizationUrl } from '../lib/authorizations.ts';
import { NODE_CUSTOMER_API, nextData, signedInPortalClient } from '../testing/portal-client.ts';

const custodian = startNodeCustodian();
afterAll(() => custodian.close());

let listRequests = 0;
custodian.server.events.on('request:start', ({ request }) => {
  if (new URL(request.url).pathname.endsWith('/authorizations')) listRequests += 1;
});

describe('the authorizations, one query for connected apps and the directory', () => {
  it('serves both views from one request, and a revoke refreshes both', async () => {
    const client = await signedInPortalClient('household');
    // Nothing refetches on its own (a new subscriber to stale data would): only the invalidation does.
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    const list = new QueryObserver(queryClient, authorizationListOptions(client, NODE_CUSTOMER_API));
    const connected = new QueryObserver(queryClient, connectedAppsOptions(client, NODE_CUSTOMER_API));
    const [authorizations, apps] = await Promise.all([nextData(list), nextData(connected)]);
    expect(listRequests).toBe(1);

    const active = authorizations.filter((a) => a.status === 'active');
    expect(active.length).toBeGreaterThan(0);
    expect(new Set(apps.keys())).toEqual(new Set(active.map((a) => a.thirdParty.clientId)));

    const [revoked] = active;
    if (!revoked) throw new Error('the household has an active authorization');
    const loadedAt = connected.getCurrentResult().dataUpdatedAt;
    const refreshed = nextData(connected, loadedAt);
    await client.json(`${authorizationUrl(NODE_CUSTOMER_API, revoked.id)}/revoke`, {
      method: 'POST',
      idempotencyKey: crypto.randomUUID(),
    });
    await queryClient.invalidateQueries({ queryKey: authorizationKeys.all });
    const after = await refreshed;
    expect(listRequests).toBe(2);
    expect(after.get(revoked.thirdParty.clientId)).not.toBe(revoked.id);
  });
});
