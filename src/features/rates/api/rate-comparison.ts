/**
 * A meter's last year priced under its plans: the year's feed is downloaded as Atom XML and handed to
 * the worker, which reads it and prices it (espi/tariff/compare-document.ts); only the comparison comes
 * back, so a meter-year of 15-minute readings never occupies the page's thread.
 */
import { queryOptions } from '@tanstack/react-query';
import type { RatePlan } from '../../../espi/index.ts';
import type { ApiClient } from '../../../lib/api-client.ts';
import { compareRatesInWorker } from '../../../lib/espi-worker-client.ts';
import { reportProgress } from '../../../lib/load-progress.ts';
import { rateKeys } from './rate-plans.ts';

const DAY_MS = 86_400_000;
/** Thirteen months and some: twelve whole local months before the current one, whatever the zone. */
const WINDOW_DAYS = 400;
/** A 15-minute meter's year is some 10 MB of XML: the mock custodian in the page takes its time. */
const FEED_TIMEOUT_MS = 120_000;
/** Downloading is the first part of the bar; the worker's reading and pricing the rest. */
export const DOWNLOAD_SHARE = 0.4;

export interface FeedWindow {
  publishedMin: string;
  publishedMax: string;
}

/** The window to ask for on a day (UTC midnight to midnight, so the query key lasts the day). */
export function comparisonWindow(nowMs: number): FeedWindow {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { publishedMin: iso(today - WINDOW_DAYS * DAY_MS), publishedMax: iso(today + 2 * DAY_MS) };
}

export interface ComparedMeter {
  usagePointId: string;
  /** The usage point's Batch href from the customer API. */
  batchHref: string;
}

export function rateComparisonQuery(
  api: ApiClient,
  meter: ComparedMeter,
  plans: RatePlan[],
  currentPlanId: string,
  window: FeedWindow,
) {
  const queryKey = [...rateKeys.comparison(meter.usagePointId, window.publishedMin), currentPlanId] as const;
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }) => {
      try {
        reportProgress(queryKey, 0);
        const url = new URL(meter.batchHref, globalThis.location?.href);
        url.searchParams.set('published-min', window.publishedMin);
        url.searchParams.set('published-max', window.publishedMax);
        const xml = await api.getText(url.href, {
          signal,
          headers: { Accept: 'application/atom+xml' },
          timeoutMs: FEED_TIMEOUT_MS,
        });
        reportProgress(queryKey, DOWNLOAD_SHARE);
        return await compareRatesInWorker(
          xml,
          { plans, currentPlanId },
          {
            baseUrl: url.href,
            signal,
            onProgress: (fraction) =>
              reportProgress(queryKey, DOWNLOAD_SHARE + (1 - DOWNLOAD_SHARE) * fraction),
          },
        );
      } finally {
        reportProgress(queryKey, undefined);
      }
    },
    // Last year does not change within the day.
    staleTime: 60 * 60_000,
  });
}
