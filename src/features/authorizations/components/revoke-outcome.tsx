import { useEffect, useRef, type ReactNode } from 'react';
import { describeError } from '../../../lib/api-error.ts';
import { RevokeFailure, type useRevokeAuthorization } from '../api/revoke-authorization.ts';
import { Button } from '../../../components/ui/button.tsx';

type RevokeMutation = ReturnType<typeof useRevokeAuthorization>;

/**
 * What happened to the last revoke, in words: being confirmed, done, not done (with a retry), or
 * unknown because the utility could not be reached (with a retry: revoking twice is harmless).
 * It takes focus after the dialog closes, so keyboard and screen-reader users land on the result.
 */
export function RevokeOutcome({ mutation }: { mutation: RevokeMutation }) {
  const ref = useRef<HTMLDivElement>(null);
  // Each new revoke moves focus here: its row's button is gone (the row now shows revoked).
  useEffect(() => {
    if (mutation.isPending) ref.current?.focus();
  }, [mutation.isPending, mutation.submittedAt]);
  const name = mutation.variables?.authorization.thirdParty.name ?? '';
  const retry = () => mutation.variables && mutation.mutate(mutation.variables);
  let content: ReactNode = null;
  if (mutation.isPending) {
    content = (
      <div className="alert" role="status">
        <p>Revoking access for {name}… It is shown as revoked while your utility confirms.</p>
      </div>
    );
  } else if (mutation.isSuccess) {
    content = (
      <div className="alert alert--success" role="status">
        <p>
          <strong>Access revoked.</strong> {name} can no longer read your data. Data it already has is not
          deleted.
        </p>
        {mutation.data.afterFailure !== undefined && (
          <p>The connection dropped while revoking, but your utility confirms that access is revoked.</p>
        )}
        <button type="button" className="link-button" onClick={() => mutation.reset()}>
          Dismiss
        </button>
      </div>
    );
  } else if (mutation.isError) {
    const error = mutation.error;
    const unknown = error instanceof RevokeFailure && error.truth === 'unknown';
    const cause = error instanceof RevokeFailure ? error.failure : error;
    content = (
      <div className="alert alert--error" role="alert">
        {unknown ? (
          <p>
            <strong>We could not confirm whether access for {name} was revoked.</strong> The utility could not
            be reached to check. Try again: revoking twice is harmless.
          </p>
        ) : (
          <p>
            <strong>Access was not revoked: {name} can still read your data.</strong> Your utility did not
            accept the request, so nothing changed.
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
    <div ref={ref} tabIndex={-1} className="revoke-outcome">
      {content}
    </div>
  );
}
