/**
 * Why this bill: the last complete period against the one before and the same period a year earlier, each
 * change split into more days, more use and higher prices (method stated), then when the energy is used:
 * the average day and the hour × weekday heatmap of the last 13 weeks. Everything comes worked out from the
 * worker (espi/insights/); this page only lays it out.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { DayShapeTable, HeatmapTable } from '../../../components/insights/profile-tables.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { serviceLabel } from '../../../espi/index.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { usagePointsQuery, type UsagePoint } from '../../../lib/usage-points.ts';
import { usagePointInsightsQuery } from '../api/usage-point-insights.ts';
import { ChangeSplit } from '../components/change-split.tsx';
import { day } from '../components/format.ts';
import '../components/insights.css';

function WhyThisBill(props: { usagePoint: UsagePoint }) {
  const { usagePoint } = props;
  const api = useApiClient();
  const query = useQuery(usagePointInsightsQuery(api, usagePoint, 'year'));
  if (query.isPending) return <LoadingState label="Reading the last 13 months of your data…" />;
  if (query.isError)
    return (
      <ErrorState
        title="Your readings could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  const insights = query.data.insights;
  const zone = usagePoint.timeZone;
  if (!insights?.last)
    return <p className="muted">There is no complete period in your data yet, so no bill to explain.</p>;
  const { last } = insights;
  const currency = insights.currency;
  return (
    <>
      {query.data.partial && (
        <p className="alert alert--warning">
          Some readings could not be read: the figures may be incomplete.
        </p>
      )}
      <div className="grid">
        <ChangeSplit
          id="vs-before"
          title="Against the period before"
          later={last}
          {...(insights.beforeLast ? { earlier: insights.beforeLast } : {})}
          {...(insights.changeVsBefore ? { change: insights.changeVsBefore } : {})}
          {...(currency === undefined ? {} : { currency })}
          {...(zone ? { timeZone: zone } : {})}
        />
        <ChangeSplit
          id="vs-last-year"
          title="Against the same period last year"
          later={last}
          {...(insights.lastYear ? { earlier: insights.lastYear } : {})}
          {...(insights.changeVsLastYear ? { change: insights.changeVsLastYear } : {})}
          {...(currency === undefined ? {} : { currency })}
          {...(zone ? { timeZone: zone } : {})}
        />
      </div>
      <p className="muted">
        How the split is worked out: more days is the change in the number of days at the earlier period's
        cost per day; more use is the change in use per day over this period's days, at the earlier price per{' '}
        {insights.unit}; higher prices is the change in price per {insights.unit} on this period's use. The
        three add up to the difference.
      </p>
      {insights.profile && (
        <>
          <h2>When you use it</h2>
          <DayShapeTable shape={insights.profile.dayShape} unit={insights.unit} />
          <HeatmapTable
            heatmap={insights.profile.heatmap}
            unit={insights.unit}
            from={day(insights.profile.heatmap.start, zone)}
            to={day(insights.profile.heatmap.end - 1, zone)}
          />
        </>
      )}
    </>
  );
}

export function Component() {
  const { usagePointId = '' } = useParams();
  const api = useApiClient();
  const config = useConfig();
  const usagePoints = useQuery(usagePointsQuery(api, config.customerApiBaseUrl));
  const usagePoint = usagePoints.data?.find((up) => up.id === usagePointId);
  const name = usagePoint
    ? `${serviceLabel(usagePoint.serviceKind)}: ${usagePoint.title ?? usagePoint.id}`
    : '';
  return (
    <>
      <PageTitle>{`Why this bill${name ? ` – ${name}` : ''}`}</PageTitle>
      <p>
        <Link to="/">Home</Link>
      </p>
      <h1>Why this bill{name && <span className="muted">: {name}</span>}</h1>
      <QueryView
        query={usagePoints}
        loading="Loading your meters…"
        errorTitle="Your meters could not be loaded"
        empty={() =>
          usagePoint
            ? undefined
            : { title: 'No such meter', body: 'This meter is not one of yours, or no longer is.' }
        }
      >
        {() => (usagePoint ? <WhyThisBill usagePoint={usagePoint} /> : null)}
      </QueryView>
    </>
  );
}
