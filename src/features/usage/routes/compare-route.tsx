/**
 * Meters compared (`/usage/compare?meters=a,b,c&month=YYYY-MM&res=day`): up to eight meters over the same
 * month at the same resolution, on one chart with a line each and in tables. It lives in the usage feature
 * because it is the usage chart's data (the same feed queries, worker aggregates and chart rows) drawn for
 * several meters; the portfolio links here with the meters picked.
 */
import { lazy, Suspense, useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { countOf } from '../../../espi/index.ts';
import { formatQuantity } from '../../../espi/index.ts';
import { useUsagePoints } from '../hooks/use-usage.ts';
import type { UsagePointListing } from '../api/usage-points.ts';
import { CompareDays, CompareTotals } from '../components/compare-table.tsx';
import { useCompareFeeds } from '../hooks/use-compare-feeds.ts';
import { formatInterval, formatMonth } from '../model/format-time.ts';
import {
  COMPARE_RESOLUTIONS,
  MAX_COMPARED,
  compareRows,
  readCompareState,
  type CompareState,
  type ComparedMeter,
} from '../model/compare.ts';
import { todayIn } from '../model/range.ts';
import type { LocalTime } from '../../../espi/index.ts';
import '../components/usage.css';

const CompareChart = lazy(() => import('../components/compare-chart.tsx'));

const BUCKET: Readonly<Record<CompareState['resolution'], string>> = { day: 'day', hour: 'hour' };

export function Component() {
  const points = useUsagePoints();
  return (
    <>
      <PageTitle>Compare meters</PageTitle>
      <h1>Compare meters</h1>
      {points.isPending && <LoadingState label="Loading your meters" />}
      {points.isError && (
        <ErrorState
          title="Your meters could not be loaded"
          error={points.error}
          onRetry={() => void points.refetch()}
        />
      )}
      {points.data && <Comparison listings={points.data} />}
    </>
  );
}

function Comparison(props: { listings: UsagePointListing[] }) {
  const [params, setParams] = useSearchParams();
  const state = readCompareState(params, todayIn(props.listings[0]?.timeZone));
  const byId = new Map(props.listings.map((l) => [l.id, l]));
  const chosen = state.ids.flatMap((id) => byId.get(id) ?? []);
  const unknown = state.ids.filter((id) => !byId.has(id));
  const feeds = useCompareFeeds(chosen, state);
  const id = useId();

  if (chosen.length < 2) {
    return (
      <EmptyState title="Pick two meters or more">
        <p>
          Compare up to {MAX_COMPARED} meters on one chart: pick them in the{' '}
          <Link to="/portfolio?by=meter">portfolio’s list of meters</Link>.
        </p>
      </EmptyState>
    );
  }
  const loaded = feeds.flatMap((f) => (f.meter && f.data ? [{ meter: f.meter, data: f.data }] : []));
  const clock = feeds.find((f) => f.clock)?.clock;
  const pending = feeds.filter((f) => f.pending).length;
  const failed = feeds.filter((f) => f.error);
  const meters = loaded.map((l) => l.meter);
  const rows = compareRows(
    meters,
    loaded.map((l) => l.data),
  );
  const setResolution = (res: CompareState['resolution']) => {
    const next = new URLSearchParams(params);
    next.set('res', res);
    setParams(next);
  };

  return (
    <>
      <fieldset className="compare-resolution">
        <legend>Resolution</legend>
        <div className="segmented">
          {COMPARE_RESOLUTIONS.map((res) => (
            <label key={res}>
              <input
                type="radio"
                name="compare-resolution"
                value={res}
                checked={state.resolution === res}
                onChange={() => setResolution(res)}
              />
              {res === 'day' ? 'Day' : 'Hour'}
            </label>
          ))}
        </div>
      </fieldset>
      {unknown.length > 0 && (
        <p className="alert alert--warning">
          {countOf(unknown.length, 'meter')} in this link {unknown.length === 1 ? 'is' : 'are'} not on your
          account: {unknown.join(', ')}.
        </p>
      )}
      {failed.map((f) => (
        <ErrorState
          key={f.listing.id}
          title={`The readings of ${f.listing.title ?? f.listing.id} could not be loaded`}
          error={f.error}
          onRetry={f.retry}
        />
      ))}
      {pending > 0 && (
        <LoadingState label={`Loading readings: ${chosen.length - pending} of ${chosen.length} meters`} />
      )}
      {clock && meters.length > 0 && (
        <>
          <figure
            className="usage-figure"
            aria-labelledby={`${id}-caption`}
            aria-describedby={`${id}-summary`}
          >
            <Suspense fallback={<LoadingState label="Drawing the chart" />}>
              <CompareChart meters={meters} rows={rows} clock={clock} />
            </Suspense>
            <figcaption className="muted">
              <span id={`${id}-caption`}>
                Use per {BUCKET[state.resolution]} of {countOf(meters.length, 'meter')},{' '}
                {rows[0] ? formatMonth(clock, rows[0].start) : state.month}
              </span>
              . <span id={`${id}-summary`}>{summary(meters, clock, BUCKET[state.resolution])}</span> Gaps in a
              line are times without readings.
            </figcaption>
          </figure>
          <CompareTotals meters={meters} clock={clock} bucket={BUCKET[state.resolution]} />
          {state.resolution === 'day' && (
            <details className="compare-days">
              <summary>Every day’s figures</summary>
              <CompareDays meters={meters} rows={rows} clock={clock} />
            </details>
          )}
        </>
      )}
    </>
  );
}

/** The figure in words: each meter's total and its highest bucket. */
function summary(meters: readonly ComparedMeter[], clock: LocalTime, bucket: string): string {
  return meters
    .map(
      (m) =>
        `${m.name}: ${formatQuantity(m.total, m.unit)} in all` +
        (m.highest
          ? `, highest ${bucket} ${formatInterval(clock, m.highest.start, m.highest.end)} (${formatQuantity(m.highest.value, m.unit)}).`
          : ', no readings.'),
    )
    .join(' ');
}
