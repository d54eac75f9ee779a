import { Link } from 'react-router';
import { DISPLAY_LOCALE } from '../../../espi/index.ts';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { useUsagePoints } from '../hooks/use-usage.ts';
import { UsagePointCard } from '../components/usage-point-card.tsx';
import { MeterList } from '../components/meter-list.tsx';
import '../components/usage.css';

/** Up to this many usage points get a card with recent figures each; more get the searchable list. */
const MAX_CARDS = 12;

export function Component() {
  const points = useUsagePoints();
  return (
    <>
      <PageTitle>My energy</PageTitle>
      <h1>My energy</h1>
      {points.data && points.data.length > 1 && (
        <p>
          <Link to="/usage/export">
            Download my data for all {points.data.length.toLocaleString(DISPLAY_LOCALE)} meters
          </Link>{' '}
          (or those of a site or a service), for the days you choose.
        </p>
      )}
      {points.isPending && <LoadingState label="Loading your meters" />}
      {points.isError && (
        <ErrorState
          title="Your meters could not be loaded"
          error={points.error}
          onRetry={() => void points.refetch()}
        />
      )}
      {points.data?.length === 0 && (
        <EmptyState title="No meters on this account yet">
          <p>
            When your utility connects a meter to your account, its use shows here. You can also{' '}
            <Link to="/open-file">open a Green Button file</Link>.
          </p>
        </EmptyState>
      )}
      {points.data && points.data.length > 0 && points.data.length <= MAX_CARDS && (
        <ul className="usage-cards" aria-label="Your meters">
          {points.data.map((listing) => (
            <li key={listing.id}>
              <UsagePointCard listing={listing} />
            </li>
          ))}
        </ul>
      )}
      {points.data && points.data.length > MAX_CARDS && (
        <>
          {/* The portfolio is offered from the same count (portfolio's PORTFOLIO_MIN_METERS). */}
          <p className="usage-portfolio-link">
            <Link to="/portfolio">Portfolio</Link>: totals and rankings by site and service, meters that stand
            out, and meters compared on one chart.
          </p>
          <MeterList usagePoints={points.data} />
        </>
      )}
    </>
  );
}
