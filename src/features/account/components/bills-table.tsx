import { TableRegion } from '../../../components/ui/table-region.tsx';
import type { BillView } from '../model/account-view.ts';
import { billTotal } from '../model/account-view.ts';
import { dateText, moneyText, periodText } from '../model/bill-format.ts';

/**
 * Bills, newest first, with their total; dates in `timeZone`, the zone of the account's meters (a billing
 * period starts at local midnight there), the browser's until it is known.
 */
export function BillsTable(props: {
  bills: readonly BillView[];
  showAccount: boolean;
  timeZone: string | undefined;
}) {
  const total = billTotal(props.bills);
  return (
    <TableRegion label="Bills">
      <table>
        <caption className="visually-hidden">
          Bills: billing period, {props.showAccount ? 'account, ' : ''}issue date and amount
        </caption>
        <thead>
          <tr>
            <th scope="col">Billing period</th>
            {props.showAccount && <th scope="col">Account</th>}
            <th scope="col">Issued</th>
            <th scope="col" className="number">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {props.bills.map((bill) => (
            <tr key={bill.href}>
              <th scope="row">
                {bill.period ? periodText(bill.period, props.timeZone) : (bill.name ?? 'Bill')}
              </th>
              {props.showAccount && (
                <td>
                  {bill.account?.site ?? bill.account?.accountNumber ?? (
                    <span className="muted">Not linked to an account</span>
                  )}
                </td>
              )}
              <td>{dateText(bill.issued, props.timeZone)}</td>
              <td className="number">{moneyText(bill.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={props.showAccount ? 3 : 2}>
              Total of {props.bills.length === 1 ? 'this bill' : `these ${props.bills.length} bills`}
              {total.withoutAmount > 0 && ` (${total.withoutAmount} without an amount left out)`}
            </th>
            <td className="number">{moneyText(total.amount)}</td>
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
