/**
 * The feeds of the meters compared, one query each (the same queries and cache as a meter's own page),
 * and each meter's chart data over the month at the resolution asked.
 */
import { useQueries } from '@tanstack/react-query';
import { type LocalTime, rulesForZone } from '../../../espi/index.ts';
import { useApiClient } from '../../../lib/api-context.tsx';
import { usageFeedQuery } from '../api/usage-feed.ts';
import type { UsagePointListing } from '../api/usage-points.ts';
import { clockFor, usagePointIn } from '../model/clock.ts';
import { comparedMeter, monthRange, type CompareState, type ComparedMeter } from '../model/compare.ts';
import { fetchWindow, rangeBounds } from '../model/range.ts';
import { buildChartData, type ChartData } from '../model/series.ts';

export interface ComparedFeed {
  listing: UsagePointListing;
  meter?: ComparedMeter;
  data?: ChartData;
  clock?: LocalTime;
  pending: boolean;
  error: Error | null;
  retry: () => void;
}

export function useCompareFeeds(listings: readonly UsagePointListing[], state: CompareState): ComparedFeed[] {
  const api = useApiClient();
  const range = monthRange(state.month);
  const queries = useQueries({
    queries: listings.map((listing) =>
      usageFeedQuery(
        api,
        listing.id,
        listing.hrefs.batch,
        fetchWindow(range, listing.intervalLength),
        rulesForZone(listing.timeZone),
      ),
    ),
  });
  // Slicing the worker's precomputed aggregates is cheap: done on each render, which a feed's arrival causes.
  return listings.map((listing, i): ComparedFeed => {
    const query = queries[i];
    const base = {
      listing,
      pending: query?.isPending ?? true,
      error: query?.error ?? null,
      retry: () => void query?.refetch(),
    };
    const doc = query?.data;
    const usagePoint = doc && usagePointIn(doc, { href: listing.hrefs.usagePoint, id: listing.id });
    if (!doc || !usagePoint) return base;
    const clock = clockFor(doc, usagePoint, listing.timeZone);
    const data = buildChartData(usagePoint, {
      resolution: state.resolution,
      clock,
      bounds: rangeBounds(range, clock),
    });
    return { ...base, clock, data, meter: comparedMeter(listing.id, listing.title ?? listing.id, data) };
  });
}
