import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { describeError } from '../../../lib/api-error.ts';
import { ChangeFailure, type useChangeAuthorization } from '../api/change-authorization.ts';
import { formatDate, periodEnd } from '../model/authorization-dates.ts';

type ChangeMutation = ReturnType<typeof useChangeAuthorization>;

/**
 * What happened to the last change or renewal, in the revoke outcome's words: being saved, done, not
 * done (with a retry), or unknown because the utility could not be reached (a retry sends the same
 * Idempotency-Key, so it is safe). It takes focus when a change starts, so keyboard and screen-reader
 * users land on the result.
 */
export function ChangeOutcome({ mutation }: { mutation: ChangeMutation }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mutation.isPending) ref.current?.focus();
  }, [mutation.isPending, mutation.submittedAt]);
  const variables = mutation.variables;
  const name = variables?.authorization.thirdParty.name ?? '';
  const renewing = variables?.kind === 'renew';
  const retry = () => variables && mutation.mutate(variables);
  let content: ReactNode = null;
  if (mutation.isPending) {
    content = (
      <div className="alert" role="status">
        <p>
          {renewing ? `Renewing access for ${name}…` : `Saving your changes for ${name}…`} Nothing is shown as
          changed until your utility confirms.
        </p>
      </div>
    );
  } else if (mutation.isSuccess) {
    const end = periodEnd(mutation.data.authorization.authorizedPeriod);
    content = (
      <div className="alert alert--success" role="status">
        <p>
          {renewing ? (
            <>
              <strong>Access renewed{end === undefined ? '' : ` until ${formatDate(end)}`}.</strong> {name}{' '}
              keeps reading the same data.
            </>
          ) : (
            <>
              <strong>Changes saved.</strong> From now on {name} can read only what you kept.
            </>
          )}{' '}
          Your utility has told {name} of the change.
        </p>
        {mutation.data.afterFailure !== undefined && (
          <p>The connection dropped while saving, but your utility confirms the change.</p>
        )}
        <button type="button" className="link-button" onClick={() => mutation.reset()}>
          Dismiss
        </button>
      </div>
    );
  } else if (mutation.isError) {
    const error = mutation.error;
    const unknown = error instanceof ChangeFailure && error.truth === 'unknown';
    const cause = error instanceof ChangeFailure ? error.failure : error;
    content = (
      <div className="alert alert--error" role="alert">
        {unknown ? (
          <p>
            <strong>
              We could not confirm whether{' '}
              {renewing ? `access for ${name} was renewed` : 'your changes were saved'}.
            </strong>{' '}
            The utility could not be reached to check. Try again: the same change is never made twice.
          </p>
        ) : (
          <p>
            <strong>
              {renewing ? 'Access was not renewed' : 'Nothing changed'}: {name} can read what it could before
              {renewing ? ', until the same end date' : ''}.
            </strong>{' '}
            Your utility did not accept the request.
          </p>
        )}
        <p>{describeError(cause)}</p>
        <div className="actions">
          <Button onClick={retry}>Try again</Button>
          <Button variant="secondary" onClick={() => mutation.reset()}>
            Dismiss
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div ref={ref} tabIndex={-1}>
      {content}
    </div>
  );
}
