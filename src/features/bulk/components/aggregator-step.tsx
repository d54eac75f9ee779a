import type { Aggregator } from '../model/grant.ts';
import { scopeInWords } from '../model/format.ts';

/** A registered website address, shown as a link only when it is plain https. */
function safeHttps(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    return new URL(uri).protocol === 'https:' ? uri : undefined;
  } catch {
    return undefined;
  }
}

/** Step 1: the bulk-capable third parties registered with the utility, who they are and what they ask. */
export function AggregatorStep(props: {
  aggregators: readonly Aggregator[];
  value: string | null;
  onChange: (clientId: string) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={props.error ? 'aggregator-error' : undefined}>
      <legend>Which aggregator may read your meters?</legend>
      {props.error && (
        <p id="aggregator-error" className="alert alert--error">
          {props.error}
        </p>
      )}
      <ul className="choice-list">
        {props.aggregators.map((a) => {
          const site = safeHttps(a.clientUri);
          const policy = safeHttps(a.policyUri);
          return (
            <li key={a.clientId}>
              <label className="choice">
                <input
                  type="radio"
                  name="aggregator"
                  value={a.clientId}
                  checked={props.value === a.clientId}
                  onChange={() => props.onChange(a.clientId)}
                />
                <span>
                  <strong>{a.name}</strong>
                  <br />
                  {a.description}
                  <br />
                  <span className="muted">Asks for: {scopeInWords(a.scope)}.</span>
                </span>
              </label>
              {(site ?? policy) && (
                <p className="muted">
                  {site && <a href={site}>{a.name}: website</a>}
                  {site && policy && ' · '}
                  {policy && <a href={policy}>privacy policy</a>}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
