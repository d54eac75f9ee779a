/** The usage feature's hooks: the query options above, bound to the portal's API client and configuration. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { rulesForZone } from '../model/clock.ts';
import { fetchWindow, type DayRange } from '../model/range.ts';
import { useLoadProgress } from '../api/load-progress.ts';
import { usageFeedQuery } from '../api/usage-feed.ts';
import { usageKeys } from '../api/usage-keys.ts';
import { usagePointsQuery } from '../../../lib/usage-points.ts';
import type { UsagePointListing } from '../api/usage-points.ts';

export function useUsagePoints() {
  const api = useApiClient();
  const config = useConfig();
  return useQuery(usagePointsQuery(api, config.customerApiBaseUrl));
}

/** The feed covering `range` for a usage point; `enabled` false leaves it unfetched (e.g. no comparison asked). */
export function useUsageFeed(listing: UsagePointListing | undefined, range: DayRange, enabled = true) {
  const api = useApiClient();
  const window = fetchWindow(range, listing?.intervalLength);
  const query = useQuery({
    ...usageFeedQuery(
      api,
      listing?.id ?? '',
      listing?.hrefs.batch ?? '',
      window,
      rulesForZone(listing?.timeZone),
    ),
    enabled: enabled && listing !== undefined,
    // A new range keeps the last one on screen (controls included) until its data arrives.
    placeholderData: keepPreviousData,
  });
  const progress = useLoadProgress(usageKeys.feed(listing?.id ?? '', window));
  return { query, progress };
}
