import { ACTION_LABELS, formatCount, formatDateTime } from '../model/format.ts';
import type { GrantChange } from '../model/grant.ts';
import type { Meter } from '../model/meter.ts';
import { MeterNames } from './meter-names.tsx';

/** Every change to a grant, newest first, with the meters it touched behind a disclosure. */
export function GrantHistory(props: { history: readonly GrantChange[]; byId: ReadonlyMap<string, Meter> }) {
  const changes = [...props.history].sort((a, b) => b.at - a.at);
  if (changes.length === 0) return <p>No change recorded.</p>;
  return (
    <ol className="stack">
      {changes.map((change, i) => (
        <li key={`${change.at}-${i}`}>
          <strong>{ACTION_LABELS[change.action]}</strong>, {formatDateTime(change.at)}:{' '}
          {formatCount(change.usagePointIds.length, 'meter')}
          {change.usagePointIds.length > 0 && (
            <details>
              <summary>Which meters</summary>
              <MeterNames ids={change.usagePointIds} byId={props.byId} />
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
