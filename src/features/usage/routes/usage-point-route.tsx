import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import type { EspiDocument, LocalTime, UsagePoint } from '../../../espi/index.ts';
import { useConfig } from '../../../lib/api-context.tsx';
import { useUsageFeed, useUsagePoints } from '../hooks/use-usage.ts';
import type { UsagePointListing } from '../api/usage-points.ts';
import { clockFor, usagePointIn } from '../model/clock.ts';
import {
  dateOfDay,
  dayNumber,
  namesRange,
  readViewState,
  todayIn,
  widenedForLag,
  writeViewState,
  yearEarlier,
  type Resolution,
  type UsageViewState,
} from '../model/range.ts';
import { dataThrough } from '../model/readings.ts';
import { hasBillingPeriods, offeredResolutions, readingSeconds } from '../model/resolutions.ts';
import { UsagePointFacts } from '../components/usage-point-card.tsx';
import { UsageView } from '../components/usage-view.tsx';
import { ReadWarnings } from '../components/read-warnings.tsx';
import { DownloadMyData } from '../components/download-my-data.tsx';
import '../components/usage.css';

export function Component() {
  const { usagePointId = '' } = useParams();
  const points = useUsagePoints();
  const listing = points.data?.find((up) => up.id === usagePointId);
  const title = listing?.title ?? 'Usage point';
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <Link to="/usage">All meters</Link>
      </p>
      {points.isPending && <LoadingState label="Loading your meters" />}
      {points.isError && (
        <ErrorState
          title="Your meters could not be loaded"
          error={points.error}
          onRetry={() => void points.refetch()}
        />
      )}
      {points.data && !listing && (
        <EmptyState title="This meter is not on your account">
          <p>
            It may have been moved or closed. <Link to="/usage">See all your meters</Link>.
          </p>
        </EmptyState>
      )}
      {listing && <UsagePointPage listing={listing} />}
    </>
  );
}

/** The usage point in a feed and the clock its times are read on. */
function useFeedUsagePoint(doc: EspiDocument | undefined, listing: UsagePointListing) {
  return useMemo(() => {
    if (!doc) return undefined;
    const usagePoint = usagePointIn(doc, { href: listing.hrefs.usagePoint, id: listing.id });
    return { usagePoint, clock: clockFor(doc, usagePoint, listing.timeZone) };
  }, [doc, listing]);
}

/**
 * A bookmarked range is shown as named. The default range ends where the data ends, which is only known
 * once read: it is fetched widened back by the publication lag, then cut to end on the last day with data.
 */
function UsagePointPage(props: { listing: UsagePointListing }) {
  const { listing } = props;
  const [params, setParams] = useSearchParams();
  const today = todayIn(listing.timeZone);
  const ownRange = namesRange(params);
  // Before the feed says whether billing periods are given, a bookmarked Billing view is fetched as asked.
  const asked = readViewState(params, today, offeredResolutions(listing.intervalLength, true));
  const { query: feed, progress } = useUsageFeed(
    listing,
    ownRange ? asked.range : widenedForLag(asked.range),
  );
  const loaded = useFeedUsagePoint(feed.data, listing);
  const readings = loaded?.usagePoint;
  const offered = offeredResolutions(
    (readings && readingSeconds(readings)) ?? listing.intervalLength,
    readings !== undefined && hasBillingPeriods(readings, 'feed'),
  );
  const through = readings && dataThrough(readings);
  const lastDataDay =
    through === undefined || !loaded ? today : loaded.clock.toIsoLocal(through - 1).slice(0, 10);
  const lastDay = dateOfDay(Math.min(dayNumber(lastDataDay) ?? 0, dayNumber(today) ?? 0));
  const state = readViewState(params, lastDay, offered);
  const setState = (next: UsageViewState) => setParams(writeViewState(params, next), { replace: false });
  const comparing = state.series.includes('compare');
  const { query: earlierFeed } = useUsageFeed(listing, yearEarlier(state.range), comparing);

  return (
    <>
      <h1>{listing.title ?? listing.id}</h1>
      <UsagePointFacts listing={listing} />
      {(feed.isPending || feed.isPlaceholderData) && (
        <LoadingState label="Loading your readings" {...(progress === undefined ? {} : { progress })} />
      )}
      {feed.isError && (
        <ErrorState
          title="Your readings could not be loaded"
          error={feed.error}
          onRetry={() => void feed.refetch()}
        />
      )}
      {feed.data && loaded && (
        <LoadedView
          doc={feed.data}
          loaded={loaded}
          earlierDoc={earlierFeed.data}
          earlierStatus={earlierFeed.isError ? 'error' : earlierFeed.isPending ? 'loading' : 'ready'}
          listing={listing}
          state={state}
          setState={setState}
          offered={offered}
          lastDay={lastDay}
        />
      )}
    </>
  );
}

function LoadedView(props: {
  doc: EspiDocument;
  loaded: { usagePoint: UsagePoint | undefined; clock: LocalTime };
  earlierDoc: EspiDocument | undefined;
  earlierStatus: 'loading' | 'error' | 'ready';
  listing: UsagePointListing;
  state: UsageViewState;
  setState: (next: UsageViewState) => void;
  offered: Resolution[];
  lastDay: string;
}) {
  const { doc, listing } = props;
  const { espiBaseUrl } = useConfig();
  const wanted = { href: listing.hrefs.usagePoint, id: listing.id };
  const { usagePoint, clock } = props.loaded;
  const earlier = props.earlierDoc ? usagePointIn(props.earlierDoc, wanted) : undefined;
  if (!usagePoint) {
    return (
      <EmptyState title="No data for this meter">
        <p>The utility’s feed for these days holds no usage point. Try other days, or come back later.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <ReadWarnings doc={doc} />
      <UsageView
        usagePoint={usagePoint}
        clock={clock}
        title={listing.title ?? listing.id}
        state={props.state}
        onStateChange={props.setState}
        offered={props.offered}
        lastDay={props.lastDay}
        {...(earlier ? { earlier } : {})}
        earlierStatus={props.earlierStatus}
      />
      <DownloadMyData
        doc={doc}
        usagePoint={usagePoint}
        clock={clock}
        range={props.state.range}
        name={listing.title ?? listing.id}
        baseUrl={espiBaseUrl}
      />
    </>
  );
}
