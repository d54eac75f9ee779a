/** One service's bill on the home page: the cost so far, the projected bill with its range, the last bill, a chart. */
import { Link } from 'react-router';
import type { ServiceBill } from '../model/service-bill.ts';
import { day, money, periodText, signedMoney } from './format.ts';
import { PeriodChart } from './period-chart.tsx';

export function BillCard(props: { bill: ServiceBill; loading: boolean; failed?: () => void }) {
  const { bill } = props;
  const zone = bill.meters[0]?.timeZone;
  const id = `bill-${bill.service}`;
  const { period, projection, currency } = bill;
  return (
    <article className="card bill-card" aria-labelledby={id}>
      <h2 id={id}>{bill.label}</h2>
      {props.loading && !period && (
        <p className="muted" role="status">
          Working out your {bill.label.toLowerCase()} bill…
        </p>
      )}
      {props.failed && (
        <p className="alert alert--error">
          Your {bill.label.toLowerCase()} readings could not be loaded.{' '}
          <button type="button" className="link-button" onClick={props.failed}>
            Try again
          </button>
        </p>
      )}
      {!props.loading && !props.failed && !period && <p className="muted">No readings in this period yet.</p>}
      {period && (
        <>
          <p className="bill-card__period muted">
            {period.kind === 'billing' ? 'Billing period' : 'This month'}{' '}
            {periodText(period.start, period.end, zone)}
          </p>
          {projection ? (
            <p className="bill-card__projected">
              <span className="bill-card__label">Projected bill</span>{' '}
              <strong className="bill-card__amount">{money(projection.projected, currency)}</strong>{' '}
              <span className="bill-card__range">
                likely {money(projection.low, currency)} to {money(projection.high, currency)}
              </span>
            </p>
          ) : (
            <p className="muted">
              {bill.soFar === undefined
                ? 'Your readings carry no cost, so there is no bill to project: see your use on My energy.'
                : 'A projection needs three days of this period.'}
            </p>
          )}
          <dl className="bill-card__facts">
            {bill.soFar !== undefined && (
              <div>
                <dt>So far</dt>
                <dd>
                  {money(bill.soFar, currency)}{' '}
                  <span className="muted">
                    ({period.days} of {period.periodDays} days)
                  </span>
                </dd>
              </div>
            )}
            {bill.last && (
              <div>
                <dt>Last period</dt>
                <dd>
                  {money(bill.last.cost, currency)}{' '}
                  <span className="muted">({periodText(bill.last.start, bill.last.end, zone)})</span>
                </dd>
              </div>
            )}
            {bill.budget && (
              <div>
                <dt>Budget</dt>
                <dd>
                  {money(bill.budget.budget, currency)}{' '}
                  <span className={bill.budget.state === 'within' ? 'muted' : 'bill-card__over'}>
                    {bill.budget.state === 'within'
                      ? `(${signedMoney(-bill.budget.difference, currency)} to spare)`
                      : bill.budget.state === 'passed'
                        ? `(passed by ${money(bill.budget.difference, currency)})`
                        : `(on course to pass by ${money(bill.budget.difference, currency)})`}
                  </span>
                </dd>
              </div>
            )}
          </dl>
          {bill.daily && (
            <PeriodChart
              id={`${id}-chart`}
              measure={bill.daily.measure}
              unit={bill.daily.unit}
              {...(currency === undefined ? {} : { currency })}
              current={bill.daily.current}
              last={bill.daily.last}
            />
          )}
          {projection && (
            <p className="muted bill-card__method">
              How: the cost so far, carried on at its average day to the end of the period; the range carries
              it on at your cheaper and dearer days (the lower and upper quarter of the days so far).
              {bill.through !== undefined && ` Readings through ${day(bill.through - 1, zone)}.`}
            </p>
          )}
          <p className="bill-card__links">
            {bill.meters.map((m) => (
              <Link key={m.usagePointId} to={`/insights/${encodeURIComponent(m.usagePointId)}`}>
                Why this bill{bill.meters.length > 1 ? `: ${m.title}` : ''}
              </Link>
            ))}
          </p>
        </>
      )}
    </article>
  );
}
