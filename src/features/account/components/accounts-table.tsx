import { TableRegion } from '../../../components/ui/table-region.tsx';
import { Link } from 'react-router';
import { countOf } from '../../../espi/index.ts';
import type { AccountView } from '../model/account-view.ts';
import { moneyText } from '../model/bill-format.ts';

/** Every account: its number and site, the service address, the meters there and the latest bill. */
export function AccountsTable(props: { accounts: readonly AccountView[] }) {
  return (
    <TableRegion label="Your accounts">
      <table>
        <caption className="visually-hidden">
          Your accounts: number, site, service address, meters and latest bill
        </caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Service address</th>
            <th scope="col" className="number">
              Latest bill
            </th>
          </tr>
        </thead>
        <tbody>
          {props.accounts.map((account) => (
            <tr key={account.href}>
              <th scope="row">
                {account.accountNumber}
                {account.site && <div>{account.site}</div>}
                {account.usagePointIds.length > 0 && (
                  <div className="muted">
                    <Link to={meterListLink(account)}>{countOf(account.usagePointIds.length, 'meter')}</Link>
                  </div>
                )}
              </th>
              <td>{account.address ?? <span className="muted">Not published</span>}</td>
              <td className="number">{moneyText(account.lastBill)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/**
 * The meter list searched for the account's site and address together (the usage page keeps its search in
 * `?meters=`): the search matches words anywhere, so the address alone can catch another site's meter
 * whose id holds its house number ("100" in "up-3001-1009").
 */
function meterListLink(account: AccountView): string {
  const search = [account.site, account.address].filter(Boolean).join(' ');
  return search ? `/usage?${new URLSearchParams({ meters: search })}` : '/usage';
}
