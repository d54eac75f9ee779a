import { useEffect, useRef, type ReactNode } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button.tsx';
import { describeError } from '../../../lib/api-error.ts';
import { ActionFailure, type ConfirmedOutcome } from '../api/confirmed-action.ts';

/** What to say at each step of one action (revoke, narrow, renew), already naming the app. */
export interface OutcomeWords {
  pending: ReactNode;
  taken: (outcome: ConfirmedOutcome) => ReactNode;
  /** The request failed but the custodian's fresh read shows the action taken. */
  takenAfterDrop: string;
  notTaken: ReactNode;
  unknown: ReactNode;
}

/**
 * What happened to the last action on an authorization: being confirmed, taken, not taken (with a
 * retry), or unknown because the utility could not be reached (with a retry that is safe: revoking
 * twice is harmless, a change is resent under the same Idempotency-Key). It takes focus when an action
 * starts, so keyboard and screen-reader users land on the result (the control they used may be gone).
 */
export function ActionOutcome<Variables>({
  mutation,
  words,
  className,
}: {
  mutation: UseMutationResult<ConfirmedOutcome, unknown, Variables>;
  words: (variables: Variables) => OutcomeWords;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mutation.isPending) ref.current?.focus();
  }, [mutation.isPending, mutation.submittedAt]);
  const variables = mutation.variables;
  let content: ReactNode = null;
  if (variables !== undefined) {
    const said = words(variables);
    if (mutation.isPending) {
      content = (
        <div className="alert" role="status">
          <p>{said.pending}</p>
        </div>
      );
    } else if (mutation.isSuccess) {
      content = (
        <div className="alert alert--success" role="status">
          <p>{said.taken(mutation.data)}</p>
          {mutation.data.afterFailure !== undefined && <p>{said.takenAfterDrop}</p>}
          <button type="button" className="link-button" onClick={() => mutation.reset()}>
            Dismiss
          </button>
        </div>
      );
    } else if (mutation.isError) {
      const error = mutation.error;
      const unknown = error instanceof ActionFailure && error.truth === 'unknown';
      content = (
        <div className="alert alert--error" role="alert">
          <p>{unknown ? said.unknown : said.notTaken}</p>
          <p>{describeError(error instanceof ActionFailure ? error.failure : error)}</p>
          <div className="actions">
            <Button onClick={() => mutation.mutate(variables)}>Try again</Button>
            <Button variant="secondary" onClick={() => mutation.reset()}>
              Dismiss
            </Button>
          </div>
        </div>
      );
    }
  }
  return (
    <div ref={ref} tabIndex={-1} className={className}>
      {content}
    </div>
  );
}
