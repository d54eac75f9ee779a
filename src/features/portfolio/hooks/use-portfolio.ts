/**
 * The portfolio page's data and state: the usage points (the portal's shared query), the month's
 * summaries once the account is large enough to have a portfolio, the meters joined with their listing,
 * and the view as the URL holds it.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { usagePointsQuery } from '../../../lib/usage-points.ts';
import { usageSummariesQuery } from '../api/portfolio-queries.ts';
import { meterRows, offersPortfolio } from '../model/portfolio.ts';
import { readPortfolioView, writePortfolioView, type PortfolioView } from '../model/portfolio-params.ts';

export function usePortfolio(month: string | undefined) {
  const api = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const points = useQuery(usagePointsQuery(api, customerApiBaseUrl));
  const offered = points.data !== undefined && offersPortfolio(points.data.length);
  const summaries = useQuery({
    ...usageSummariesQuery(api, customerApiBaseUrl, month),
    enabled: offered,
    // Another month keeps the last one on screen (dimmed) until its figures arrive.
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(
    () => (summaries.data && points.data ? meterRows(summaries.data.summaries, points.data) : undefined),
    [summaries.data, points.data],
  );
  const timeZone = points.data?.find((p) => p.timeZone)?.timeZone;
  return { points, offered, summaries, rows, timeZone };
}

/** The view in the URL, and a setter that writes a change into it (a new history entry unless `replace`). */
export function usePortfolioView() {
  const [params, setParams] = useSearchParams();
  const view = readPortfolioView(params);
  const update = (change: Partial<PortfolioView>, options: { replace?: boolean } = {}) =>
    setParams(
      (current) => writePortfolioView(current, { ...readPortfolioView(current), ...change }),
      options,
    );
  return [view, update] as const;
}
