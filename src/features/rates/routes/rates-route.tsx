/**
 * Rate plans: which of the plans a meter may take would have cost least over its last year, by how much,
 * month by month, and the current plan's time-of-use split. The year is read and priced in the worker.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { DOWNLOAD_SHARE } from '../api/rate-comparison.ts';
import type { RatePlans } from '../api/rate-plans.ts';
import { MethodAndLimits } from '../components/method-and-limits.tsx';
import { PlanComparison } from '../components/plan-comparison.tsx';
import { TimeOfUseSplit } from '../components/time-of-use-split.tsx';
import {
  useRateComparison,
  useRatePlans,
  useUsagePointListing,
  type MeterChoice,
} from '../hooks/use-rates.ts';
import { comparisonView } from '../model/comparison-view.ts';
import type { UsagePoint } from '../../../lib/usage-points.ts';
import '../components/rates.css';

function meterChoices(ratePlans: RatePlans, usagePoints: UsagePoint[]): MeterChoice[] {
  const byId = new Map(usagePoints.map((up) => [up.id, up]));
  return ratePlans.servicePoints.flatMap((servicePoint) => {
    const usagePoint = byId.get(servicePoint.usagePointId);
    return usagePoint && servicePoint.currentPlanId ? [{ servicePoint, usagePoint }] : [];
  });
}

const meterName = (up: UsagePoint) => [up.title ?? up.id, up.meterId].filter(Boolean).join(' · ');

export function Component() {
  const ratePlans = useRatePlans();
  const usagePoints = useUsagePointListing();
  return (
    <>
      <PageTitle>Rate plans</PageTitle>
      <h1>Rate plans</h1>
      <p>
        Would another plan have cost you less? Your last year of electricity, priced under each plan you can
        choose.
      </p>
      <QueryView
        query={ratePlans}
        loading="Loading your rate plans"
        errorTitle="Your rate plans could not be loaded"
      >
        {(plans) => (
          <QueryView
            query={usagePoints}
            loading="Loading your meters"
            errorTitle="Your meters could not be loaded"
            empty={(points) =>
              meterChoices(plans, points).length === 0
                ? {
                    title: 'No electricity meter to compare',
                    body: 'Plans are compared on electricity readings taken every hour or more often; none of your meters has them.',
                  }
                : undefined
            }
          >
            {(points) => <MeterPicker ratePlans={plans} choices={meterChoices(plans, points)} />}
          </QueryView>
        )}
      </QueryView>
    </>
  );
}

/** The meter compared (`?meter=`, else the first), and its comparison. */
function MeterPicker(props: { ratePlans: RatePlans; choices: MeterChoice[] }) {
  const { choices } = props;
  const [params, setParams] = useSearchParams();
  const meter = choices.find((c) => c.usagePoint.id === params.get('meter')) ?? choices[0];
  if (!meter) return null;
  return (
    <div className="stack">
      {choices.length > 1 && (
        <div className="field">
          <label htmlFor="rates-meter">Meter</label>
          <select
            id="rates-meter"
            value={meter.usagePoint.id}
            onChange={(event) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  next.set('meter', event.target.value);
                  return next;
                },
                { replace: true },
              )
            }
          >
            {choices.map((c) => (
              <option key={c.usagePoint.id} value={c.usagePoint.id}>
                {meterName(c.usagePoint)}
              </option>
            ))}
          </select>
        </div>
      )}
      <MeterComparison key={meter.usagePoint.id} meter={meter} ratePlans={props.ratePlans} />
    </div>
  );
}

function MeterComparison(props: { meter: MeterChoice; ratePlans: RatePlans }) {
  const { query, progress, plans } = useRateComparison(props.meter, props.ratePlans);
  const view = useMemo(
    () => (query.data ? comparisonView(query.data, plans) : undefined),
    [query.data, plans],
  );
  const refused = props.meter.servicePoint.plans.filter((p) => !p.eligible);
  if (query.isPending)
    return (
      <LoadingState
        label={
          progress !== undefined && progress >= DOWNLOAD_SHARE
            ? 'Pricing your last 12 months under each plan'
            : 'Downloading your last 12 months of readings'
        }
        {...(progress === undefined ? {} : { progress })}
      />
    );
  if (query.isError)
    return (
      <ErrorState
        title="Your plans could not be compared"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  if (!view)
    return (
      <EmptyState title="No year of interval electricity to price" headingLevel={2}>
        <p>
          This meter’s feed holds no whole month of electricity readings taken every hour or more often, so
          there is nothing to price yet.
        </p>
      </EmptyState>
    );
  return (
    <>
      <section aria-labelledby="rates-comparison">
        <h2 id="rates-comparison">Which plan would have cost least</h2>
        <PlanComparison view={view} />
      </section>
      <section aria-labelledby="rates-tou">
        <h2 id="rates-tou">When you use electricity</h2>
        <TimeOfUseSplit split={query.data?.currentSplit ?? []} planName={view.current.plan.tariff.name} />
      </section>
      {refused.length > 0 && (
        <section aria-labelledby="rates-other">
          <h2 id="rates-other">Plans this meter cannot take</h2>
          <ul>
            {refused.map((p) => (
              <li key={p.planId}>
                {props.ratePlans.ratePlans.find((plan) => plan.id === p.planId)?.tariff.name ?? p.planId}:{' '}
                {p.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <MethodAndLimits plans={plans} />
      </section>
    </>
  );
}
