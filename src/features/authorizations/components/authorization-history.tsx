import { useAuthorizationMeterName } from '../api/authorization-queries.ts';
import type { AuthorizationChange } from '../api/authorization-schema.ts';
import { formatDateTime, isoDate } from '../model/authorization-dates.ts';
import { describeChange } from '../model/change-terms.ts';

const ACTIONS: Record<AuthorizationChange['action'], string> = {
  narrowed: 'You shared less',
  renewed: 'You renewed it',
};

/** Every change the customer made to an authorization, newest first, each in plain words. */
export function AuthorizationHistory({ history }: { history: readonly AuthorizationChange[] }) {
  const meterName = useAuthorizationMeterName();
  if (history.length === 0) return <p>No change since you allowed it.</p>;
  return (
    <ol className="stack">
      {[...history].reverse().map((change) => (
        <li key={`${change.at}-${change.action}`}>
          <strong>{ACTIONS[change.action]}</strong>,{' '}
          <time dateTime={isoDate(change.at)}>{formatDateTime(change.at)}</time>
          <ul>
            {describeChange(change.before, change.after, meterName).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
