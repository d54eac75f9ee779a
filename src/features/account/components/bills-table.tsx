import { TableRegion } from '../../../components/ui/table-region.tsx';
import type { BillView } from '../model/account-view.ts';
import { billTotal } from '../model/account-view.ts';
import { dateText, moneyText, periodText } from './bill-format.ts';

/**
 * Bills, newest first, with their total. `zoneOf` gives the zone of a bill's service address: a billing
 * period starts at local midnight there, and shown in another zone it would start a day early.
 */
export function BillsTable(props: {
  bills: readonly BillView[];
  showAccount: boolean;
  zoneOf: (bill: BillView) => string | undefined;
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
          {props.bills.map((bill) => {
            const zone = props.zoneOf(bill);
            return (
              <tr key={bill.href}>
                <th scope="row">{bill.period ? periodText(bill.period, zone) : (bill.name ?? 'Bill')}</th>
                {props.showAccount && (
                  <td>
                    {bill.account?.site ?? bill.account?.accountNumber ?? (
                      <span className="muted">Not linked to an account</span>
                    )}
                  </td>
                )}
                <td>{dateText(bill.issued, zone)}</td>
                <td className="number">{moneyText(bill.amount)}</td>
              </tr>
            );
          })}
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
