/**
 * The portfolio of a large account: one month's totals and rankings by site, service or meter, the change
 * on the same month a year before, the meters that stand out, and meters picked to compare. Every figure
 * comes from the customer API's usage summaries, never from the meters' readings.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { countOf } from '../../../espi/index.ts';
import { formatMoney } from '../../../espi/index.ts';
import { CompareBar } from '../components/compare-bar.tsx';
import { OutlierList } from '../components/outlier-list.tsx';
import { PortfolioControls } from '../components/portfolio-controls.tsx';
import { RankingTable, SORT_LABELS } from '../components/ranking-table.tsx';
import { usePortfolio, usePortfolioView } from '../hooks/use-portfolio.ts';
import { formatChange, formatMonthKey } from '../model/format.ts';
import { findOutliers } from '../model/outliers.ts';
import {
  PORTFOLIO_MIN_METERS,
  filterMeters,
  rankedRows,
  sortRows,
  costChange,
  type Grouping,
} from '../model/portfolio.ts';
import '../components/portfolio.css';

const CAPTIONS: Readonly<Record<Grouping, string>> = {
  site: 'Sites',
  service: 'Services',
  meter: 'Meters',
};

export function Component() {
  const [view, setView] = usePortfolioView();
  const { points, offered, summaries, rows, timeZone } = usePortfolio(view.month);
  const month = summaries.data;
  const matching = useMemo(
    () => (rows ? filterMeters(rows, view.service, view.search) : []),
    [rows, view.service, view.search],
  );
  const ranked = useMemo(
    () => sortRows(rankedRows(matching, view.by), view.sort, view.direction),
    [matching, view.by, view.sort, view.direction],
  );
  const outliers = useMemo(
    () => (rows && month ? findOutliers(rows, Date.parse(month.dataEnd) / 1000) : []),
    [rows, month],
  );

  return (
    <>
      <PageTitle>Portfolio</PageTitle>
      <h1>Portfolio</h1>
      {points.isPending && <LoadingState label="Loading your meters" />}
      {points.isError && (
        <ErrorState
          title="Your meters could not be loaded"
          error={points.error}
          onRetry={() => void points.refetch()}
        />
      )}
      {points.data && !offered && (
        <EmptyState title="The portfolio is for accounts with many meters">
          <p>
            It ranks the sites and meters of accounts with {PORTFOLIO_MIN_METERS} meters or more. Your{' '}
            {countOf(points.data.length, 'meter')} {points.data.length === 1 ? 'is' : 'are'} on{' '}
            <Link to="/usage">My energy</Link>, each with its own figures.
          </p>
        </EmptyState>
      )}
      {offered && summaries.isPending && <LoadingState label="Summing every meter’s month" />}
      {offered && summaries.isError && (
        <ErrorState
          title="The month’s figures could not be loaded"
          error={summaries.error}
          onRetry={() => void summaries.refetch()}
        />
      )}
      {offered && month && rows && (
        <div className="portfolio" aria-busy={summaries.isPlaceholderData}>
          <p className="portfolio-summary">
            <strong>{formatMonthKey(month.month)}</strong>
            {month.complete ? '' : ' (so far)'}: {countOf(rows.length, 'meter')} on{' '}
            {countOf(new Set(rows.map((r) => r.site)).size, 'site')},{' '}
            {formatMoney(
              rows.reduce((sum, r) => sum + r.cost, 0),
              rows[0]?.currency,
            )}
            , {formatChange(costChange(rows))} against {formatMonthKey(month.yearAgoMonth)}.
          </p>
          <PortfolioControls
            key={month.month}
            view={view}
            month={month.month}
            months={month.months}
            onChange={setView}
          />
          <OutlierList outliers={outliers} timeZone={timeZone} />
          <section aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">
              {CAPTIONS[view.by]} ranked by {SORT_LABELS[view.sort].toLowerCase()}
            </h2>
            <p className="muted">
              Use and peak add up only within one service; for a site or service, peak demand is the sum of
              its meters’ peaks (the most it can be).
            </p>
            {view.by === 'meter' && (
              <CompareBar
                picked={view.compare}
                month={month.month}
                onClear={() => setView({ compare: [] }, { replace: true })}
              />
            )}
            {ranked.length === 0 ? (
              <EmptyState title="Nothing matches" headingLevel={3}>
                <p>No site or meter matches this service and search.</p>
              </EmptyState>
            ) : (
              <RankingTable
                rows={ranked}
                view={view}
                caption={`${CAPTIONS[view.by]}, ${formatMonthKey(month.month)}`}
                onChange={setView}
              />
            )}
          </section>
        </div>
      )}
    </>
  );
}
