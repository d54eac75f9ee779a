import { describeScope, DISPLAY_LOCALE } from '../../../espi/index.ts';
import { describeError } from '../../../lib/api-error.ts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { useOwnApiTokens, useRevokeTokens, type OwnApiToken } from '../api/api-access-client.ts';

function When(props: { at: string | null; never?: string }) {
  if (props.at === null) return <>{props.never ?? 'never'}</>;
  const date = new Date(props.at);
  return (
    <time dateTime={props.at}>
      {date.toLocaleString(DISPLAY_LOCALE, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}

const STATUS_TEXT: Record<OwnApiToken['status'], string> = {
  active: 'Active',
  revoked: 'Revoked',
  expired: 'Expired',
};

/**
 * The client's tokens, one per password grant (with the refreshes after it): when each was issued, last
 * used and refreshed, what it may read, when it ends; revoke one or all. A list of cards rather than a
 * table, so it reads at 360 px and to a screen reader one token at a time.
 */
export function ApiAccessTokens() {
  const tokens = useOwnApiTokens(true);
  const revoke = useRevokeTokens();
  const active = tokens.data?.filter((t) => t.status === 'active') ?? [];
  // Revoking every token stops every script at once: asked first, since it cannot be undone.
  const [confirmingAll, setConfirmingAll] = useState(false);

  return (
    <section className="card stack" aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading">Tokens of this client</h2>
      <p className="field__hint">
        Each time your script signs in with the password it gets a new token; its refreshes keep the same one.
        Revoking a token stops it at once: its access token is refused and its refresh token no longer works.
      </p>
      {tokens.isPending ? (
        <LoadingState label="Loading the tokens" />
      ) : tokens.isError ? (
        <ErrorState
          title="The tokens could not be loaded"
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
        />
      ) : tokens.data.length === 0 ? (
        <p>No tokens yet: run your script to get one.</p>
      ) : (
        <ul className="api-access__tokens">
          {tokens.data.map((token) => (
            <li key={token.id} className="api-access__token">
              <h3>
                Token issued <When at={token.issuedAt} />
              </h3>
              <dl className="details">
                <dt>Status</dt>
                <dd>{STATUS_TEXT[token.status]}</dd>
                <dt>Last used</dt>
                <dd>
                  <When at={token.lastUsedAt} />
                </dd>
                <dt>Last refreshed</dt>
                <dd>
                  <When at={token.refreshedAt} />
                </dd>
                <dt>May read</dt>
                <dd>
                  {describeScope(token.scope).summary}
                  <br />
                  <code className="api-access__scope">{token.scope}</code>
                </dd>
                <dt>{token.status === 'active' ? 'Refresh works until' : 'Ended'}</dt>
                <dd>
                  <When at={token.status === 'revoked' ? token.revokedAt : token.refreshTokenExpiresAt} />
                </dd>
              </dl>
              {token.status === 'active' && (
                <p className="actions">
                  <Button
                    variant="danger"
                    small
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(token.id)}
                  >
                    Revoke this token
                  </Button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && (
        <div className="alert alert--error" role="alert">
          <p>Nothing was revoked: {describeError(revoke.error)}</p>
        </div>
      )}
      <p className="actions">
        <Button variant="secondary" disabled={tokens.isFetching} onClick={() => void tokens.refetch()}>
          Check for new tokens
        </Button>
        {active.length > 0 && (
          <Button variant="danger" disabled={revoke.isPending} onClick={() => setConfirmingAll(true)}>
            Revoke all tokens
          </Button>
        )}
      </p>
      <ConfirmDialog
        open={confirmingAll}
        title={
          active.length === 1 ? 'Revoke the active token?' : `Revoke all ${active.length} active tokens?`
        }
        confirmLabel="Revoke all now"
        danger
        busy={revoke.isPending}
        onConfirm={() => {
          setConfirmingAll(false);
          revoke.mutate(undefined);
        }}
        onCancel={() => setConfirmingAll(false)}
      >
        <p>
          Every script using this client stops at once: its access tokens are refused and its refresh tokens
          no longer work. A script gets a new token by signing in with the password again. This cannot be
          undone.
        </p>
      </ConfirmDialog>
      <p role="status" className="visually-hidden">
        {revoke.isSuccess ? (revoke.variables === undefined ? 'Every token revoked.' : 'Token revoked.') : ''}
      </p>
    </section>
  );
}
