import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { useAccountZone, useAccounts, useBills } from '../hooks/use-account.ts';
import { AccountsTable } from '../components/accounts-table.tsx';
import { BillsTable } from '../components/bills-table.tsx';
import {
  BILL_WINDOWS,
  billViews,
  defaultBillWindow,
  isBillWindow,
  MANY_ACCOUNTS,
  type BillWindow,
} from '../model/account-view.ts';

/** The customer's accounts, service addresses and bills, as the custodian publishes them (customer.xsd). */
export function Component() {
  const accounts = useAccounts();
  const zone = useAccountZone();
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

  return (
    <>
      <PageTitle>Accounts and bills</PageTitle>
      <h1>Accounts and bills</h1>
      <div className="stack">
        <section>
          <h2>Your accounts</h2>
          <QueryView
            query={accounts}
            loading="Loading your accounts"
            errorTitle="Your accounts could not be loaded"
            empty={(data) =>
              data.length === 0
                ? {
                    title: 'No accounts published',
                    body: 'Your utility does not publish account details to this portal.',
                  }
                : undefined
            }
          >
            {(data) => <AccountsTable accounts={data} />}
          </QueryView>
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
            <QueryView
              query={bills}
              loading="Loading your bills"
              errorTitle="Your bills could not be loaded"
              empty={(data) =>
                data.length === 0
                  ? {
                      title: 'No bills in this period',
                      body: 'Your utility has published no bill in this period. Choose a longer one above.',
                    }
                  : undefined
              }
            >
              {() => (
                <BillsTable
                  bills={billRows}
                  showAccount={(accounts.data?.length ?? 0) > 1}
                  timeZone={zone.data}
                />
              )}
            </QueryView>
            {(accounts.data?.length ?? 0) > MANY_ACCOUNTS && (
              <p className="muted">
                With {accounts.data?.length} accounts, a year of bills takes the utility a while to gather.
              </p>
            )}
          </section>
        )}
      </div>
    </>
  );
}
