/** The last bill against an earlier one, split into more days, more use and higher prices, with the method. */
import type { BillChange } from '../../../espi/index.ts';
import type { PeriodFigures } from '../../../espi/index.ts';
import { TableRegion } from '../../../components/ui/table-region.tsx';
import { money, periodText, signedMoney } from './format.ts';

export function ChangeSplit(props: {
  id: string;
  title: string;
  earlier?: PeriodFigures;
  later: PeriodFigures;
  change?: BillChange;
  currency?: number;
  timeZone?: string;
}) {
  const { earlier, later, change, currency, timeZone } = props;
  return (
    <section aria-labelledby={props.id} className="card">
      <h3 id={props.id}>{props.title}</h3>
      {!earlier || !change ? (
        <p className="muted">
          {earlier
            ? 'One of the two periods is not fully in your data, or has no cost: no split.'
            : 'Your data does not reach that period.'}
        </p>
      ) : (
        <>
          <p>
            {periodText(later.start, later.end, timeZone)}: {money(later.cost ?? NaN, currency)}, against{' '}
            {money(earlier.cost ?? NaN, currency)} for {periodText(earlier.start, earlier.end, timeZone)} (
            {signedMoney(change.total, currency)}).
          </p>
          <TableRegion label={props.title}>
            <table className="change-split">
              <caption>Where the difference comes from</caption>
              <tbody>
                <tr>
                  <th scope="row">
                    More days ({later.periodDays} against {earlier.periodDays})
                  </th>
                  <td>{signedMoney(change.days, currency)}</td>
                </tr>
                <tr>
                  <th scope="row">More use per day</th>
                  <td>{signedMoney(change.use, currency)}</td>
                </tr>
                <tr>
                  <th scope="row">Higher prices</th>
                  <td>{signedMoney(change.price, currency)}</td>
                </tr>
                <tr>
                  <th scope="row">Total</th>
                  <td>{signedMoney(change.total, currency)}</td>
                </tr>
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </section>
  );
}
