import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { useAccounts, useBills, useUsagePointZones } from '../api/use-account.ts';
import { AccountsTable } from '../components/accounts-table.tsx';
import { BillsTable } from '../components/bills-table.tsx';
import {
  BILL_WINDOWS,
  billViews,
  defaultBillWindow,
  isBillWindow,
  MANY_ACCOUNTS,
  type BillView,
  type BillWindow,
} from '../model/account-view.ts';

/** The customer's accounts, service addresses and bills, as the custodian publishes them (customer.xsd). */
export function Component() {
  const accounts = useAccounts();
  const zones = useUsagePointZones();
  const [params, setParams] = useSearchParams();
  const asked = params.get('bills');
  const window: BillWindow | undefined = isBillWindow(asked)
    ? asked
    : accounts.data
      ? defaultBillWindow(accounts.data.length)
      : undefined;
  const bills = useBills(window);
  const billRows = useMemo(
    () => (bills.data && accounts.data ? billViews(bills.data, accounts.data) : []),
    [bills.data, accounts.data],
  );
  const zoneOf = (bill: BillView) => {
    const id = bill.account?.usagePointIds[0];
    return id === undefined ? undefined : zones.data?.get(id);
  };

  return (
    <>
      <PageTitle>Accounts and bills</PageTitle>
      <h1>Accounts and bills</h1>
      <section>
        <h2>Your accounts</h2>
        {accounts.isPending ? (
          <LoadingState label="Loading your accounts" />
        ) : accounts.isError ? (
          <ErrorState
            title="Your accounts could not be loaded"
            error={accounts.error}
            onRetry={() => void accounts.refetch()}
          />
        ) : accounts.data.length === 0 ? (
          <EmptyState title="No accounts published" headingLevel={3}>
            <p>Your utility does not publish account details to this portal.</p>
          </EmptyState>
        ) : (
          <AccountsTable accounts={accounts.data} />
        )}
      </section>
      {window !== undefined && (
        <section>
          <h2>Bills</h2>
          <div className="field">
            <label htmlFor="bill-window">Show</label>
            <select
              id="bill-window"
              value={window}
              onChange={(event) =>
                setParams(
                  (current) => {
                    const next = new URLSearchParams(current);
                    next.set('bills', event.target.value);
                    return next;
                  },
                  { replace: true },
                )
              }
            >
              {Object.entries(BILL_WINDOWS).map(([value, { label }]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {bills.isPending ? (
            <LoadingState label="Loading your bills" />
          ) : bills.isError ? (
            <ErrorState
              title="Your bills could not be loaded"
              error={bills.error}
              onRetry={() => void bills.refetch()}
            />
          ) : billRows.length === 0 ? (
            <EmptyState title="No bills in this period" headingLevel={3}>
              <p>Your utility has published no bill in this period. Choose a longer one above.</p>
            </EmptyState>
          ) : (
            <BillsTable bills={billRows} showAccount={(accounts.data?.length ?? 0) > 1} zoneOf={zoneOf} />
          )}
          {(accounts.data?.length ?? 0) > MANY_ACCOUNTS && (
            <p className="muted">
              With {accounts.data?.length} accounts, a year of bills takes the utility a while to gather.
            </p>
          )}
        </section>
      )}
    </>
  );
}
