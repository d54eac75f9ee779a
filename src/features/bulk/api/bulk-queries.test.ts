import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ApiClient, RequestOptions } from '../../../lib/api-client.ts';
import { bulkApi } from './bulk-api.ts';
import { bulkQueries } from './bulk-queries.ts';

/** An API client that never answers, keeping the signal of every read: what leaving a page cancels. */
function pendingClient() {
  const signals = new Map<string, AbortSignal | undefined>();
  const json = (url: string, options?: RequestOptions) => {
    signals.set(new URL(url).pathname, options?.signal);
    return new Promise<never>(() => {});
  };
  const client = { json, getText: json, fetch: json } as ApiClient;
  return { client, signals };
}

describe('bulk queries', () => {
  it('hand the query’s signal to every read, so cancelling a query aborts its request', async () => {
    const { client, signals } = pendingClient();
    const api = bulkApi(client, 'https://dc.example/api');
    const queryClient = new QueryClient();
    for (const options of [
      bulkQueries.usagePoints(api),
      bulkQueries.aggregators(api),
      bulkQueries.grantList(api),
      bulkQueries.grant(api, 'bg-1'),
    ]) {
      void queryClient.prefetchQuery(options as Parameters<QueryClient['prefetchQuery']>[0]);
    }
    await queryClient.cancelQueries();

    expect([...signals.keys()].sort()).toEqual([
      '/api/bulk-grants',
      '/api/bulk-grants/bg-1',
      '/api/third-parties',
      '/api/usage-points',
    ]);
    for (const signal of signals.values()) expect(signal?.aborted).toBe(true);
  });
});
