/**
 * The routes' queries against the mock custodian: a signed-in page's queries start while its code
 * loads, through the same queryOptions as its hooks; without a usable session nothing is sent.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NODE_BASE_URL, NODE_PORTAL_REDIRECT_URI, startNodeCustodian } from '../custodian/node.ts';
import { authorizationKeys } from '../lib/authorizations.ts';
import { bulkKeys } from '../features/bulk/api/bulk-queries.ts';
import { createApiClient } from '../lib/api-client.ts';
import { parseConfig } from '../lib/config.ts';
import { lazyQueryClient } from '../lib/lazy-query-client.ts';
import { usagePointKeys } from '../lib/usage-points.ts';
import { codeFlow } from '../testing/custodian-client.ts';
import { startRouteQueries } from './route-loaders.ts';
import { appRoutes } from './router.tsx';

const custodian = startNodeCustodian();
afterAll(() => custodian.close());

const sent: string[] = [];
custodian.server.events.on('request:start', ({ request }) => {
  sent.push(`${request.method} ${new URL(request.url).pathname}`);
});
beforeEach(() => {
  sent.length = 0;
});

const config = parseConfig(
  {
    VITE_DEMO: 'false',
    VITE_OIDC_ISSUER: NODE_BASE_URL,
    VITE_OIDC_CLIENT_ID: 'green-button-portal',
    VITE_OIDC_SCOPE: 'openid customer_api',
    VITE_ESPI_BASE_URL: `${NODE_BASE_URL}/espi/1_1/resource`,
    VITE_CUSTOMER_API_BASE_URL: `${NODE_BASE_URL}/api/customer/v1`,
  },
  'https://portal.test',
);

interface StoredUser {
  access_token: string;
  expired: boolean;
}

/** The portal's services around one stored user (what oidc-client-ts would find in sessionStorage). */
function services(user: StoredUser | null) {
  const queryClient = lazyQueryClient();
  const apiClient = createApiClient({
    getAccessToken: async () => user?.access_token ?? null,
    renew: async () => null,
    onSessionLost: () => {},
  });
  const session = { hasUsableSession: () => user !== null && !user.expired };
  return { config, apiClient, queryClient, session };
}

async function signedInUser() {
  const { access_token } = await codeFlow(NODE_BASE_URL, {
    clientId: 'green-button-portal',
    redirectUri: NODE_PORTAL_REDIRECT_URI,
    scope: 'openid customer_api',
    username: 'commercial',
  });
  return { access_token, expired: false };
}

async function visit(path: string, user: StoredUser | null) {
  const portal = services(user);
  await startRouteQueries(appRoutes(portal), path);
  return (await portal.queryClient.load()).client;
}

describe('route queries', () => {
  it('start the connected apps page’s list and the meters it names, with the page’s own query keys', async () => {
    const user = await signedInUser();
    sent.length = 0;
    const queryClient = await visit('/authorizations', user);
    await expect.poll(() => queryClient.getQueryState(authorizationKeys.list())?.status).toBe('success');
    await expect.poll(() => queryClient.getQueryState(usagePointKeys.all)?.status).toBe('success');
    expect(sent).toEqual(
      expect.arrayContaining(['GET /api/customer/v1/authorizations', 'GET /api/customer/v1/usage-points']),
    );
  });

  it('start a bulk grant’s detail with the meters to choose from', async () => {
    const user = await signedInUser();
    const queryClient = await visit('/bulk/bg-unknown', user);
    // An unknown grant is the page's to explain (a 404 in the cache), not the route error page's.
    await expect.poll(() => queryClient.getQueryState(bulkKeys.grant('bg-unknown'))?.status).toBe('error');
    await expect.poll(() => queryClient.getQueryState(usagePointKeys.all)?.status).toBe('success');
  });

  it.each([
    ['nobody is signed in', null],
    ['the stored access token has expired', { access_token: 'stale', expired: true }],
  ])('send nothing when %s', async (_, user) => {
    const queryClient = await visit('/authorizations', user);
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    expect(sent).toEqual([]);
  });
});
