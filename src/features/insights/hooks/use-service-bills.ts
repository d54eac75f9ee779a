/**
 * The home page's bills: the customer's usage points (the portal's shared query), each one's insights over
 * the bill window, their budgets and alerts, and, only when the customer asked to hear of use far above last
 * year, the year window too (13 months of readings: read in the background, after the bills).
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { usagePointsQuery, type UsagePoint } from '../../../lib/usage-points.ts';
import { insightSettingsQuery } from '../api/insight-settings.ts';
import { usagePointInsightsQuery, type InsightsResult } from '../api/usage-point-insights.ts';
import { noticesFor } from '../model/attention.ts';
import { serviceBills } from '../model/service-bill.ts';

/** Past this many meters a home page of bills would read every meter's feed: the Bills page sums them instead. */
export const MAX_HOME_METERS = 6;

const NO_METERS: readonly UsagePoint[] = [];

/** The queries, and their data as one array that stays the same object until a query answers. */
function withData<T extends { data: InsightsResult | undefined }>(queries: T[]) {
  return { queries, data: queries.map((q) => q.data) };
}

export function useServiceBills() {
  const api = useApiClient();
  const config = useConfig();
  // The page's now: data counts as late against the time the page opened.
  const [now] = useState(() => Date.now() / 1000);
  const usagePoints = useQuery(usagePointsQuery(api, config.customerApiBaseUrl));
  const settings = useQuery(insightSettingsQuery(api, config.customerApiBaseUrl));
  const meters: readonly UsagePoint[] =
    usagePoints.data && usagePoints.data.length <= MAX_HOME_METERS ? usagePoints.data : NO_METERS;
  const bills = useQueries({
    queries: meters.map((up) => usagePointInsightsQuery(api, up, 'bill')),
    combine: withData,
  });
  const wantsYear = settings.data?.alerts.aboveLastYear === true && bills.queries.every((q) => q.isSuccess);
  const years = useQueries({
    queries: meters.map((up) => ({ ...usagePointInsightsQuery(api, up, 'year'), enabled: wantsYear })),
    combine: withData,
  });
  const billData = bills.data;
  const yearData = years.data;
  const view = useMemo(() => {
    const budgets = new Map((settings.data?.budgets ?? []).map((b) => [b.service, b.monthly]));
    const withInsights = meters.map((up, i) => {
      const result: InsightsResult | undefined = billData[i];
      return {
        usagePointId: up.id,
        title: up.title ?? up.id,
        serviceKind: up.serviceKind,
        ...(up.timeZone ? { timeZone: up.timeZone } : {}),
        ...(result?.insights ? { insights: result.insights } : {}),
      };
    });
    const services = serviceBills(withInsights, budgets);
    const year = new Map(meters.map((up, i) => [up.id, yearData[i]?.insights]));
    const notices = settings.data ? noticesFor(services, year, settings.data.alerts, now) : [];
    return { services, notices };
  }, [meters, settings.data, billData, yearData, now]);
  return {
    usagePoints,
    settings,
    bills: bills.queries,
    tooManyMeters: (usagePoints.data?.length ?? 0) > MAX_HOME_METERS,
    checkingLastYear: wantsYear && years.queries.some((q) => q.isPending),
    partial: billData.some((d) => d?.partial),
    ...view,
  };
}
