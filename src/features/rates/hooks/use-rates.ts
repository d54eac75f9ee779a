/** The rates feature's hooks: its queries bound to the portal's API client, configuration and clock. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { useLoadProgress } from '../../../lib/load-progress.ts';
import { usagePointsQuery, type UsagePoint } from '../../../lib/usage-points.ts';
import { rateComparisonQuery, comparisonWindow } from '../api/rate-comparison.ts';
import { ratePlansQuery, type RatePlans, type ServicePointPlans } from '../api/rate-plans.ts';

export function useRatePlans() {
  const api = useApiClient();
  const config = useConfig();
  return useQuery(ratePlansQuery(api, config.customerApiBaseUrl));
}

/** The customer's electricity meters (as the usage points list names them). */
export function useUsagePointListing() {
  const api = useApiClient();
  const config = useConfig();
  return useQuery(usagePointsQuery(api, config.customerApiBaseUrl));
}

export interface MeterChoice {
  servicePoint: ServicePointPlans;
  usagePoint: UsagePoint;
}

/** The priced comparison of one meter under the plans it may take (its current plan among them). */
export function useRateComparison(meter: MeterChoice | undefined, ratePlans: RatePlans | undefined) {
  const api = useApiClient();
  // The window is fixed when the page opens: a re-render must not start another year's download.
  const [window] = useState(() => comparisonWindow(Date.now()));
  const eligible = new Set(meter?.servicePoint.plans.filter((p) => p.eligible).map((p) => p.planId));
  const currentPlanId = meter?.servicePoint.currentPlanId ?? '';
  if (currentPlanId) eligible.add(currentPlanId);
  const plans = ratePlans?.ratePlans.filter((plan) => eligible.has(plan.id)) ?? [];
  const options = rateComparisonQuery(
    api,
    { usagePointId: meter?.usagePoint.id ?? '', batchHref: meter?.usagePoint.hrefs.batch ?? '' },
    plans,
    currentPlanId,
    window,
  );
  const query = useQuery({ ...options, enabled: meter !== undefined && currentPlanId !== '' });
  const progress = useLoadProgress(options.queryKey);
  return { query, progress, plans };
}
