/**
 * One usage point's insights: its ESPI feed over a window, downloaded as Atom XML and read in the Web Worker,
 * which also works the insights out there (espi/insights/), so the page receives a few hundred numbers, not
 * the readings. Two windows: `bill` (the period under way and the last one: the home page) and `year` (13
 * months and a week: a period a year back and the same week last year, for Why this bill and that alert).
 */
import { queryOptions } from '@tanstack/react-query';
import type { UsagePointInsights } from '../../../espi/index.ts';
import { rulesForZone } from '../../../espi/index.ts';
import type { ApiClient } from '../../../lib/api-client.ts';
import { parseEspiInWorker } from '../../../lib/espi-worker-client.ts';
import type { UsagePoint } from '../../../lib/usage-points.ts';
import { insightKeys, type InsightWindow } from './insight-keys.ts';

const DAY_MS = 86_400_000;
/** Back from today: two calendar months and two days (any zone, any period start), or 13 months and 9 days. */
const WINDOW_DAYS: Readonly<Record<InsightWindow, number>> = { bill: 64, year: 406 };

export interface InsightsResult {
  insights?: UsagePointInsights;
  /** Part of the feed could not be read: figures may be incomplete. */
  partial: boolean;
}

/** `published-min/max` of a window ending after today (the RI keeps blocks wholly inside: docs/espi.md 1.4). */
export function insightWindow(window: InsightWindow, nowMs: number): { min: string; max: string } {
  const day = Math.floor(nowMs / DAY_MS);
  // Daily meters come a month to a block: start at the first of the month the window starts in.
  const start = new Date((day - WINDOW_DAYS[window]) * DAY_MS);
  const min = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1) - DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return { min: iso(min), max: iso((day + 2) * DAY_MS) };
}

export function usagePointInsightsQuery(api: ApiClient, usagePoint: UsagePoint, window: InsightWindow) {
  return queryOptions({
    queryKey: insightKeys.usagePoint(usagePoint.id, window),
    queryFn: async ({ signal }): Promise<InsightsResult> => {
      const nowMs = Date.now();
      const { min, max } = insightWindow(window, nowMs);
      const url = new URL(usagePoint.hrefs.batch, globalThis.location?.href);
      url.searchParams.set('published-min', min);
      url.searchParams.set('published-max', max);
      const xml = await api.getText(url.href, { signal, headers: { Accept: 'application/atom+xml' } });
      const zone = rulesForZone(usagePoint.timeZone);
      const doc = await parseEspiInWorker(xml, {
        baseUrl: url.href,
        ...(zone ? { zone } : {}),
        signal,
        now: nowMs / 1000,
      });
      const suffix = `/UsagePoint/${usagePoint.id}`;
      const index = doc.usagePoints.findIndex((up) => up.meta.selfHref?.endsWith(suffix));
      const insights = doc.insights?.[index < 0 ? 0 : index];
      return { ...(insights ? { insights } : {}), partial: doc.partial };
    },
    staleTime: 5 * 60_000,
    gcTime: 15 * 60_000,
  });
}
