import { TableRegion } from '../../../components/ui/table-region.tsx';
import { verdict, type ComparisonView } from '../model/comparison-view.ts';
import { dollars } from './money.ts';

function difference(amount: number): string {
  if (Math.abs(amount) < 0.005) return '—';
  return amount < 0 ? `${dollars(-amount)} less` : `${dollars(amount)} more`;
}

/** The answer, each plan's year against the current plan's, and the months side by side. */
export function PlanComparison({ view }: { view: ComparisonView }) {
  return (
    <>
      <p className="rates-verdict" data-testid="rates-verdict">
        {verdict(view, dollars)}
      </p>
      {view.partialYear && (
        <p className="alert alert--warning">
          {view.months.length < 12
            ? `The meter's readings cover only ${view.months.length} whole months, so this compares those months, not a year.`
            : 'Readings are missing for part of some months (marked “partial”): those months are priced on what was read, so they cost less than their bills did.'}
        </p>
      )}
      <TableRegion label="Each plan over the period">
        <table>
          <caption>
            What {view.months.length === 12 ? 'the last 12 months' : 'these months'} would have cost
          </caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col" className="number">
                Cost
              </th>
              <th scope="col" className="number">
                Against your plan
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.plan.id} data-plan={row.plan.id}>
                <th scope="row">
                  {row.plan.tariff.name}
                  {row.current && <span className="badge badge--active">Your plan</span>}
                  {row.cheapest && <span className="badge">Cheapest</span>}
                </th>
                <td className="number" data-testid="plan-total">
                  {dollars(row.total)}
                </td>
                <td className="number">{row.current ? '—' : difference(row.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <TableRegion label="Each plan month by month">
        <table>
          <caption>Month by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {view.rows.map((row) => (
                <th scope="col" className="number" key={row.plan.id}>
                  {row.plan.tariff.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.months.map((month, m) => (
              <tr key={month.label}>
                <th scope="row">
                  {month.label}
                  {month.partial && <span className="muted"> (partial)</span>}
                </th>
                {view.rows.map((row) => (
                  <td className="number" key={row.plan.id}>
                    {dollars(row.monthly[m] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
