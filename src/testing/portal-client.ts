/**
 * The portal's own API client, signed in at the msw/node custodian as a demo customer through the real
 * authorization-code flow: what the portal's queries and mutations run on in tests.
 */
import type { QueryObserverResult } from '@tanstack/react-query';
import { NODE_BASE_URL, NODE_PORTAL_REDIRECT_URI } from '../custodian/node.ts';
import { createApiClient, type ApiClient } from '../lib/api-client.ts';
import { codeFlow } from './custodian-client.ts';

export const NODE_CUSTOMER_API = `${NODE_BASE_URL}/api/customer/v1`;

/** `fetchImpl` replaces the network under the client (a test that drops the connection). */
export async function signedInPortalClient(
  username: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ApiClient> {
  const { access_token } = await codeFlow(NODE_BASE_URL, {
    clientId: 'green-button-portal',
    redirectUri: NODE_PORTAL_REDIRECT_URI,
    scope: 'openid customer_api',
    username,
  });
  return createApiClient(
    { getAccessToken: async () => access_token, renew: async () => null, onSessionLost: () => {} },
    fetchImpl,
  );
}

/** What the tests need of a QueryObserver, whatever its view's shape. */
export interface View<T> {
  subscribe(listener: (result: QueryObserverResult<T, Error>) => void): () => void;
  getCurrentResult(): QueryObserverResult<T, Error>;
}

/** Resolves with a view's next data after `since` (a dataUpdatedAt), failing on an error. */
export function nextData<T>(observer: View<T>, since = 0): Promise<T> {
  return new Promise((resolve, reject) => {
    const unsubscribe = observer.subscribe((result) => {
      if (result.error) reject(result.error);
      else if (result.data !== undefined && result.dataUpdatedAt > since && !result.isFetching) {
        unsubscribe();
        resolve(result.data);
      }
    });
  });
}
