/** What needs attention, under the bills: the notices the customer chose (their alerts), in words. */
import { Link } from 'react-router';
import type { Notice } from '../model/attention.ts';
import { day, money, percent } from './format.ts';

function text(notice: Notice): string {
  switch (notice.kind) {
    case 'budget':
      return notice.check.state === 'passed'
        ? `${notice.label}: your ${money(notice.check.budget, notice.currency)} budget is passed, by ${money(notice.check.difference, notice.currency)} so far.`
        : `${notice.label}: the projected bill is ${money(notice.check.difference, notice.currency)} over your ${money(notice.check.budget, notice.currency)} budget.`;
    case 'dataLate':
      return `${notice.title}: no readings since ${day(notice.through - 1, undefined)}. Your utility may be late sending them; figures stop there.`;
    case 'aboveLastYear':
      return `${notice.title}: the last ${notice.days} days used ${percent(notice.change)} more than the same days last year.`;
  }
}

export function AttentionList(props: { notices: readonly Notice[]; checkingLastYear: boolean }) {
  const { notices } = props;
  return (
    <section className="card attention" aria-labelledby="attention-title">
      <h2 id="attention-title">Needs attention</h2>
      {notices.length === 0 ? (
        <p className="muted">Nothing from the alerts you chose.</p>
      ) : (
        <ul>
          {notices.map((n) => (
            <li key={`${n.kind}-${'service' in n ? n.service : n.usagePointId}`}>{text(n)}</li>
          ))}
        </ul>
      )}
      {props.checkingLastYear && (
        <p className="muted" role="status">
          Checking this week against the same week last year…
        </p>
      )}
      <p>
        <Link to="/insights/budget">Budgets and alerts</Link>
      </p>
    </section>
  );
}
