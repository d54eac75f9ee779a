import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import type { EspiDocument } from '../../../espi/model.ts';
import { useConfig } from '../../../lib/api-context.tsx';
import { useUsageFeed, useUsagePoints } from '../api/use-usage.ts';
import type { UsagePointListing } from '../api/usage-points.ts';
import { clockFor, usagePointIn } from '../clock.ts';
import { readViewState, todayIn, writeViewState, yearEarlier, type UsageViewState } from '../range.ts';
import { UsagePointFacts } from '../components/usage-point-card.tsx';
import { UsageView } from '../components/usage-view.tsx';
import { ReadWarnings } from '../components/read-warnings.tsx';
import { DownloadMyData } from '../components/download-my-data.tsx';
import '../usage.css';

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

function UsagePointPage(props: { listing: UsagePointListing }) {
  const { listing } = props;
  const [params, setParams] = useSearchParams();
  const today = todayIn(listing.timeZone);
  const state = readViewState(params, today);
  const setState = (next: UsageViewState) => setParams(writeViewState(params, next), { replace: false });
  const { query: feed, progress } = useUsageFeed(listing, state.range);
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
      {feed.data && (
        <LoadedView
          doc={feed.data}
          earlierDoc={earlierFeed.data}
          earlierStatus={earlierFeed.isError ? 'error' : earlierFeed.isPending ? 'loading' : 'ready'}
          listing={listing}
          state={state}
          setState={setState}
          today={today}
        />
      )}
    </>
  );
}

function LoadedView(props: {
  doc: EspiDocument;
  earlierDoc: EspiDocument | undefined;
  earlierStatus: 'loading' | 'error' | 'ready';
  listing: UsagePointListing;
  state: UsageViewState;
  setState: (next: UsageViewState) => void;
  today: string;
}) {
  const { doc, listing } = props;
  const { espiBaseUrl } = useConfig();
  const wanted = { href: listing.hrefs.usagePoint, id: listing.id };
  const { usagePoint, clock } = useMemo(() => {
    const found = usagePointIn(doc, { href: listing.hrefs.usagePoint, id: listing.id });
    return { usagePoint: found, clock: clockFor(doc, found, listing.timeZone) };
  }, [doc, listing]);
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
        today={props.today}
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
