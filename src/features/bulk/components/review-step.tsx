import { formatCount, scopeInWords, termText } from '../model/format.ts';
import { termEndOf, type Aggregator, type GrantTerm } from '../model/grant.ts';
import { serviceLabel } from '../../../espi/index.ts';
import type { Meter } from '../model/meter.ts';

/** Step 4: everything the grant will say, in plain words, each part with a way back to change it. */
export function ReviewStep(props: {
  aggregator: Aggregator;
  meters: readonly Meter[];
  scope: string;
  term: GrantTerm;
  onEdit: (step: number) => void;
}) {
  const byService = new Map<number, number>();
  for (const m of props.meters) byService.set(m.serviceKind, (byService.get(m.serviceKind) ?? 0) + 1);
  const sites = new Set(props.meters.map((m) => m.site)).size;
  const edit = (step: number, what: string) => (
    <button type="button" className="link-button" onClick={() => props.onEdit(step)}>
      Change {what}
    </button>
  );
  return (
    <dl className="details card">
      <dt>Aggregator</dt>
      <dd>
        {props.aggregator.name}
        <br />
        {edit(1, 'aggregator')}
      </dd>
      <dt>Meters</dt>
      <dd>
        {formatCount(props.meters.length, 'meter')} at {formatCount(sites, 'site')} (
        {[...byService].map(([kind, n]) => `${serviceLabel(kind).toLowerCase()} ${n}`).join(', ')})
        <br />
        {edit(2, 'meters')}
      </dd>
      <dt>Data</dt>
      <dd>
        {scopeInWords(props.scope)}
        <br />
        {edit(3, 'data')}
      </dd>
      <dt>Term</dt>
      <dd>
        {termText(termEndOf(props.term))}
        <br />
        {edit(3, 'term')}
      </dd>
      <dt>What happens</dt>
      <dd>
        {props.aggregator.name} can fetch the data of exactly these meters, with its own credentials, until
        the term ends or you revoke it. You can add or remove meters later.
      </dd>
    </dl>
  );
}
