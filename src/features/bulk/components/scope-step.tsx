import { durationInWords, FUNCTION_BLOCKS, serviceLabel } from '../../../espi/index.ts';
import { localIsoDate, type GrantTerm } from '../model/grant.ts';
import { SERVICE_BLOCKS, type ScopeChoice, type ScopeOffer } from '../model/grant-scope.ts';

/** Step 3: which data (services), how detailed, how much history, and for how long. */
export function ScopeStep(props: {
  aggregatorName: string;
  offer: ScopeOffer;
  choice: ScopeChoice;
  onChoice: (choice: ScopeChoice) => void;
  term: GrantTerm;
  onTerm: (term: GrantTerm) => void;
  problems: string[];
}) {
  const { offer, choice, term } = props;
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  return (
    <>
      {props.problems.length > 0 && (
        <div className="alert alert--error" role="alert">
          <ul>
            {props.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset>
        <legend>Which data may {props.aggregatorName} read?</legend>
        {SERVICE_BLOCKS.filter((s) => offer.serviceKinds.includes(s.serviceKind)).map((s) => (
          // eslint-disable-next-line jsx-a11y/label-has-associated-control -- its text comes from expressions the rule cannot read
          <label key={s.fb} className="choice">
            <input
              type="checkbox"
              checked={choice.serviceKinds.includes(s.serviceKind)}
              onChange={(e) =>
                props.onChoice({
                  ...choice,
                  serviceKinds: e.target.checked
                    ? [...choice.serviceKinds, s.serviceKind]
                    : choice.serviceKinds.filter((k) => k !== s.serviceKind),
                })
              }
            />
            <span>
              <strong>{serviceLabel(s.serviceKind)}</strong>
              <br />
              <span className="muted">{FUNCTION_BLOCKS[s.fb]?.plain}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>How detailed?</legend>
        {offer.intervalSeconds.map((seconds) => (
          <label key={seconds} className="choice">
            <input
              type="radio"
              name="interval"
              checked={choice.intervalSeconds === seconds}
              onChange={() => props.onChoice({ ...choice, intervalSeconds: seconds })}
            />
            <span>One reading every {durationInWords(seconds)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="history">How far back?</label>
        <select
          id="history"
          value={choice.historySeconds}
          onChange={(e) => props.onChoice({ ...choice, historySeconds: Number(e.target.value) })}
        >
          {offer.historyOptions.map((o) => (
            <option key={o.seconds} value={o.seconds}>
              {o.label}
            </option>
          ))}
        </select>
        <span className="field__hint">History before today that the aggregator may read.</span>
      </div>
      <fieldset>
        <legend>For how long?</legend>
        <label className="choice">
          <input
            type="radio"
            name="term"
            checked={term.kind === 'until-revoked'}
            onChange={() => props.onTerm({ kind: 'until-revoked' })}
          />
          <span>Until I revoke it</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="term"
            checked={term.kind === 'end-date'}
            onChange={() =>
              props.onTerm({ kind: 'end-date', date: term.kind === 'end-date' ? term.date : '' })
            }
          />
          <span>Until a date I choose</span>
        </label>
        {term.kind === 'end-date' && (
          <div className="field">
            <label htmlFor="term-end">Last day of access</label>
            <input
              id="term-end"
              type="date"
              min={localIsoDate(tomorrow)}
              value={term.date}
              onChange={(e) => props.onTerm({ kind: 'end-date', date: e.target.value })}
            />
          </div>
        )}
      </fieldset>
    </>
  );
}
