import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { useAuthorizationMeterName } from '../api/authorization-queries.ts';
import type { Authorization } from '../api/authorization-schema.ts';
import { termsOf, type useChangeAuthorization } from '../api/change-authorization.ts';
import { formatDate, isoDate } from '../model/authorization-dates.ts';
import { useNowSeconds } from '../hooks/use-now-seconds.ts';
import {
  changeRequest,
  dataBlocksOf,
  describeChange,
  isEmptyRequest,
  keepingDataBlocks,
  type ChangeRequest,
} from '../model/change-terms.ts';

const DAY = 86_400;

/** A `YYYY-MM-DD` day (UTC) as the instant of that day at `timeOfDay` seconds after midnight. */
function dayToInstant(day: string, timeOfDay: number): number | undefined {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(midnight) ? undefined : midnight / 1000 + timeOfDay;
}

/**
 * Changing an authorization without revoking it: choose what stays (meters, data blocks, an earlier
 * end), review what changes in plain words, then confirm. Only narrowing is offered; the custodian
 * refuses anything wider anyway.
 */
export function ChangeAccess(props: {
  authorization: Authorization;
  mutation: ReturnType<typeof useChangeAuthorization>;
}) {
  const { authorization: a, mutation } = props;
  const [step, setStep] = useState<'closed' | 'choose' | 'review'>('closed');
  const [request, setRequest] = useState<ChangeRequest>({});
  const headingId = useId();
  const before = termsOf(a);
  const meterName = useAuthorizationMeterName();

  if (step === 'closed') {
    return (
      <p>
        <Button variant="secondary" disabled={mutation.isPending} onClick={() => setStep('choose')}>
          Change what {a.thirdParty.name} can read
        </Button>
      </p>
    );
  }
  if (step === 'choose') {
    return (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId}>Change what {a.thirdParty.name} can read</h2>
        <ChooseTerms
          authorization={a}
          initial={request}
          onCancel={() => {
            setRequest({});
            setStep('closed');
          }}
          onReview={(next) => {
            setRequest(next);
            setStep('review');
          }}
        />
      </section>
    );
  }
  const after = {
    scope: request.functionBlocks ? keepingDataBlocks(a.scope, request.functionBlocks) : a.scope,
    usagePointIds: request.usagePointIds ?? a.usagePointIds,
    end: request.end === undefined ? before.end : Date.parse(request.end) / 1000,
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <ReviewHeading id={headingId} />
      <p>
        <strong>What changes</strong> for {a.thirdParty.name}, from the moment you confirm:
      </p>
      <ul>
        {describeChange(before, after, meterName).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        Everything else stays as it is. {a.thirdParty.name} is told of the change. Data it already has is not
        deleted. To share more again later, the app has to ask you again.
      </p>
      <div className="actions">
        <Button
          onClick={() => {
            setStep('closed');
            mutation.mutate({
              kind: 'narrow',
              authorization: a,
              request,
              idempotencyKey: crypto.randomUUID(),
            });
          }}
        >
          Confirm changes
        </Button>
        <Button variant="secondary" onClick={() => setStep('choose')}>
          Back to the choices
        </Button>
      </div>
    </section>
  );
}

/** The review step's heading takes focus when it appears, so the step change is announced. */
function ReviewHeading({ id }: { id: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id={id} tabIndex={-1} ref={ref}>
      Review your changes
    </h2>
  );
}

function ChooseTerms(props: {
  authorization: Authorization;
  initial: ChangeRequest;
  onCancel: () => void;
  onReview: (request: ChangeRequest) => void;
}) {
  const { authorization: a, initial } = props;
  const before = termsOf(a);
  const meterName = useAuthorizationMeterName();
  const blocks = dataBlocksOf(a.scope);
  const [meters, setMeters] = useState(new Set(initial.usagePointIds ?? a.usagePointIds));
  const [kept, setKept] = useState(new Set(initial.functionBlocks ?? blocks.map((b) => b.fb)));
  const [endDay, setEndDay] = useState(
    (initial.end ?? (before.end === null ? '' : isoDate(before.end))).slice(0, 10),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const today = useNowSeconds();
  const toggle = <T,>(set: Set<T>, item: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (meters.size === 0) return setProblem('Keep at least one meter, or revoke access instead.');
    const end = endDay === '' ? null : dayToInstant(endDay, (before.end ?? 0) % DAY);
    if (end !== null && (end === undefined || end <= today || (before.end !== null && end > before.end))) {
      return setProblem(
        `Choose a last day after today${before.end === null ? '' : ` and no later than ${formatDate(before.end)}`}. To extend access, renew it instead.`,
      );
    }
    const request = changeRequest(before, {
      usagePointIds: a.usagePointIds.filter((id) => meters.has(id)),
      dataBlocks: blocks.filter((b) => kept.has(b.fb)).map((b) => b.fb),
      end,
    });
    if (isEmptyRequest(request))
      return setProblem('Nothing is changed yet: untick what should stop, or choose an earlier end.');
    setProblem(null);
    props.onReview(request);
  };

  return (
    <form onSubmit={submit} noValidate>
      <p>Untick what {a.thirdParty.name} should no longer read. You can only share less here.</p>
      {problem && (
        <div className="alert alert--error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <fieldset>
        <legend>Meters it may read</legend>
        {a.usagePointIds.map((id) => (
          <label key={id} className="choice">
            <input
              type="checkbox"
              checked={meters.has(id)}
              onChange={(e) => setMeters((s) => toggle(s, id, e.target.checked))}
            />
            <span>{meterName(id)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Data it may read</legend>
        {blocks.map((b) => (
          <label key={b.fb} className="choice">
            <input
              type="checkbox"
              checked={kept.has(b.fb)}
              disabled={b.required}
              onChange={(e) => setKept((s) => toggle(s, b.fb, e.target.checked))}
            />
            <span>
              {b.plain}
              {b.required && (
                <>
                  <br />
                  <span className="muted">
                    Kept: the app needs one kind of reading. To stop it, revoke access.
                  </span>
                </>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`end-${a.id}`}>Last day of access</label>
        <input
          id={`end-${a.id}`}
          type="date"
          value={endDay}
          min={isoDate(today + DAY).slice(0, 10)}
          {...(before.end === null ? {} : { max: isoDate(before.end).slice(0, 10) })}
          onChange={(e) => setEndDay(e.target.value)}
        />
        <span className="field__hint">
          {before.end === null ? 'Now: until you revoke it.' : `Now: ${formatDate(before.end)}.`} Only an
          earlier day can be chosen here.
        </span>
      </div>
      <div className="actions">
        <Button type="submit">Review changes</Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
