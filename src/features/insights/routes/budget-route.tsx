/** Budgets and alerts: a monthly budget per service the customer has, and which alerts to show. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { serviceKindName, serviceLabel } from '../../../espi/index.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { usagePointsQuery } from '../../../lib/usage-points.ts';
import { insightSettingsQuery } from '../api/insight-settings.ts';
import { BudgetForm } from '../components/budget-form.tsx';
import '../components/insights.css';

export function Component() {
  const api = useApiClient();
  const config = useConfig();
  const settings = useQuery(insightSettingsQuery(api, config.customerApiBaseUrl));
  const usagePoints = useQuery(usagePointsQuery(api, config.customerApiBaseUrl));
  return (
    <>
      <PageTitle>Budgets and alerts</PageTitle>
      <p>
        <Link to="/">Home</Link>
      </p>
      <h1>Budgets and alerts</h1>
      <p>
        Set what you mean to spend each month on each service. The home page sets your projected bill against
        it and tells you what you choose below. Your utility keeps these settings, so they follow you to every
        device.
      </p>
      <QueryView
        query={usagePoints}
        loading="Loading your services…"
        errorTitle="Your services could not be loaded"
      >
        {(points) => (
          <QueryView
            query={settings}
            loading="Loading your budgets…"
            errorTitle="Your budgets could not be loaded"
          >
            {(data) => {
              const kinds = [...new Set(points.map((p) => p.serviceKind))];
              return (
                <BudgetForm
                  settings={data}
                  services={kinds.map((k) => ({ name: serviceKindName(k), label: serviceLabel(k) }))}
                />
              );
            }}
          </QueryView>
        )}
      </QueryView>
    </>
  );
}
