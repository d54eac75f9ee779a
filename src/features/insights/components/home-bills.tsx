/**
 * The signed-in home page's first screen: each service's bill (so far, projected, last), the last bill the
 * utility issued, then what needs attention. Loaded lazily with its schemas, so the first page stays small.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatCost } from '../../../espi/index.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { describeError } from '../../../lib/api-error.ts';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { lastBillQuery } from '../api/last-bill.ts';
import { MAX_HOME_METERS, useServiceBills } from '../hooks/use-service-bills.ts';
import { AttentionList } from './attention-list.tsx';
import { BillCard } from './bill-card.tsx';
import { periodText } from './format.ts';
import './insights.css';

function LastBill(props: { timeZone: string | undefined }) {
  const api = useApiClient();
  const config = useConfig();
  const bill = useQuery(lastBillQuery(api, config.espiBaseUrl));
  if (bill.isPending) return null;
  if (bill.isError)
    return <p className="muted">Your last bill could not be loaded ({describeError(bill.error)}).</p>;
  if (!bill.data) return null;
  const { amount, billingPeriod } = bill.data;
  return (
    <p className="last-bill">
      Last bill from your utility:{' '}
      <strong>{amount === undefined ? 'amount not given' : formatCost(amount, 840)}</strong>
      {billingPeriod &&
        ` for ${periodText(billingPeriod.start, billingPeriod.start + billingPeriod.duration, props.timeZone)}`}
      . <Link to="/account">All bills</Link>
    </p>
  );
}

export function HomeBills() {
  const view = useServiceBills();
  if (view.usagePoints.isError)
    return (
      <ErrorState
        title="Your meters could not be loaded"
        error={view.usagePoints.error}
        onRetry={() => void view.usagePoints.refetch()}
      />
    );
  if (view.usagePoints.isPending)
    return (
      <p className="muted" role="status">
        Loading your bills…
      </p>
    );
  if (view.tooManyMeters)
    return (
      <section className="card" aria-labelledby="bills-many">
        <h2 id="bills-many">Your bills</h2>
        <p>
          Your {view.usagePoints.data.length.toLocaleString()} meters are more than the {MAX_HOME_METERS} this
          page works bills out for. <Link to="/account">See your bills</Link>
        </p>
      </section>
    );
  const failedFor = (service: string) => {
    const failed = view.bills.filter(
      (q, i) =>
        q.isError &&
        view.services
          .find((s) => s.service === service)
          ?.meters.some((m) => m.usagePointId === view.usagePoints.data?.[i]?.id),
    );
    return failed.length > 0 ? () => failed.forEach((q) => void q.refetch()) : undefined;
  };
  return (
    <>
      <div className="bills">
        {view.services.map((bill) => {
          const failed = failedFor(bill.service);
          return (
            <BillCard
              key={bill.service}
              bill={bill}
              loading={view.bills.some((q) => q.isPending)}
              {...(failed ? { failed } : {})}
            />
          );
        })}
      </div>
      <LastBill timeZone={view.usagePoints.data[0]?.timeZone} />
      {view.partial && (
        <p className="alert alert--warning">
          Some readings could not be read: the figures may be incomplete.
        </p>
      )}
      {view.settings.isError ? (
        <p className="alert alert--error">
          Your budgets and alerts could not be loaded. {describeError(view.settings.error)}{' '}
          <button type="button" className="link-button" onClick={() => void view.settings.refetch()}>
            Try again
          </button>
        </p>
      ) : (
        <AttentionList notices={view.notices} checkingLastYear={view.checkingLastYear} />
      )}
    </>
  );
}
