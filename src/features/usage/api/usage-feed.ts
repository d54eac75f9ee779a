/**
 * One usage point's ESPI feed for a fetch window: downloaded as Atom XML (only the window being viewed,
 * `published-min/max`, docs/espi.md 1.4) and parsed in the Web Worker, so the page never freezes on a big feed.
 */
import { queryOptions } from '@tanstack/react-query';
import type { TimeZoneRules } from '../../../espi/index.ts';
import type { ApiClient } from '../../../lib/api-client.ts';
import { parseEspiInWorker } from '../../../lib/espi-worker-client.ts';
import { reportProgress } from './load-progress.ts';
import { usageKeys, type FeedWindow } from './usage-keys.ts';

export function feedUrl(batchHref: string, window: FeedWindow): string {
  // The customer API gives absolute hrefs; a relative one resolves against the page, as a link would.
  const url = new URL(batchHref, globalThis.location?.href);
  url.searchParams.set('published-min', window.publishedMin);
  url.searchParams.set('published-max', window.publishedMax);
  return url.href;
}

/** `zone`: the custodian's zone for the usage point, which the worker's aggregates follow when the feed names none. */
export function usageFeedQuery(
  api: ApiClient,
  usagePointId: string,
  batchHref: string,
  window: FeedWindow,
  zone?: TimeZoneRules,
) {
  const queryKey = usageKeys.feed(usagePointId, window);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }) => {
      try {
        // Downloading is the first tenth of the bar; the worker reports the parse.
        reportProgress(queryKey, 0);
        const url = feedUrl(batchHref, window);
        const xml = await api.getText(url, {
          signal,
          headers: { Accept: 'application/atom+xml' },
        });
        reportProgress(queryKey, 0.1);
        return await parseEspiInWorker(xml, {
          baseUrl: url,
          ...(zone ? { zone } : {}),
          signal,
          onProgress: (fraction) => reportProgress(queryKey, 0.1 + 0.9 * fraction),
        });
      } finally {
        reportProgress(queryKey, undefined);
      }
    },
    // A window in the past does not change; the last days fill in as the custodian publishes.
    staleTime: 5 * 60_000,
    gcTime: 15 * 60_000,
  });
}
