import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type RefObject } from 'react';
import '../components/api-access.css';
import { describeScope, DISPLAY_LOCALE } from '../../../espi/index.ts';
import { describeError } from '../../../lib/api-error.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { usagePointsQuery, type UsagePoint } from '../../../lib/usage-points.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import {
  useDeleteClient,
  useIssueSecret,
  useOwnApiOverview,
  useSetCeiling,
  type OwnApiClient,
  type OwnApiClientWithSecret,
  type OwnApiOverview,
} from '../api/api-access-client.ts';
import { CeilingForm } from '../components/api-access-ceiling-form.tsx';
import { ApiAccessScripts } from '../components/api-access-scripts.tsx';
import { ApiAccessSecret } from '../components/api-access-secret.tsx';
import { ApiAccessTokens } from '../components/api-access-tokens.tsx';

/**
 * API access (issues 5 and 16): large customers read their own data with their own software through an
 * own-data API client they manage here: its ceiling, its secret, its tokens. The password grant is made
 * by the customer's script, never by the portal, so no password is typed here. Shown only when the
 * deployment enables it (VITE_API_ACCESS).
 */
export function Component() {
  const overview = useOwnApiOverview();
  return (
    <>
      <PageTitle>API access</PageTitle>
      <h1>API access to your own data</h1>
      <p>
        If your organisation reads its energy data with its own software, create an API client here. Its
        tokens read your own account&apos;s data only, and only what you allow below. Your password is never
        typed into the portal: your script sends it to the utility itself.
      </p>
      <details className="card">
        <summary>How it works, and why a password grant</summary>
        <p>
          Your script signs in with the OAuth password grant: the client id and secret from this page, with
          your utility username and password. The OAuth security best practice (RFC 9700) advises against that
          grant, because an application that holds your password could misuse it. It is offered here as a
          narrow exception: the script is your own, the token reads no more than your own data (client
          credentials would reach far more), and after the first run the script works with a refresh token, so
          the password need not be stored.
        </p>
      </details>
      {overview.isPending ? (
        <LoadingState label="Loading your API client" />
      ) : overview.isError ? (
        <ErrorState
          title="Your API client could not be loaded"
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      ) : (
        <ApiAccess overview={overview.data} />
      )}
    </>
  );
}

function ApiAccess(props: { overview: OwnApiOverview }) {
  const { overview } = props;
  const config = useConfig();
  // The meters matter only where there can be a client (the ceiling is chosen by site).
  const usagePoints = useQuery({
    ...usagePointsQuery(useApiClient(), config.customerApiBaseUrl),
    enabled: overview.enabled,
  });
  const issue = useIssueSecret();
  const [issued, setIssued] = useState<{ secret: OwnApiClientWithSecret; rotated: boolean } | null>(null);
  const clientHeading = useRef<HTMLHeadingElement>(null);

  if (!overview.enabled) {
    return (
      <p className="card">
        API access is not enabled for your account. If your organisation needs to read its data with its own
        software, ask your utility to enable it.
      </p>
    );
  }
  if (usagePoints.isPending) return <LoadingState label="Loading your meters" />;
  if (usagePoints.isError) {
    return (
      <ErrorState
        title="Your meters could not be loaded"
        error={usagePoints.error}
        onRetry={() => void usagePoints.refetch()}
      />
    );
  }
  if (issued) {
    return (
      <ApiAccessSecret
        issued={issued.secret}
        rotated={issued.rotated}
        onDone={() => {
          setIssued(null);
          // The secret is gone from the page; the client's own heading takes the focus.
          requestAnimationFrame(() => clientHeading.current?.focus());
        }}
      />
    );
  }
  const { apiClient } = overview;
  if (!apiClient) {
    return (
      <section className="card stack" aria-labelledby="api-create-heading">
        <h2 id="api-create-heading">Create your API client</h2>
        <p>Choose the most its tokens may ever read; your script can ask for less.</p>
        {issue.isError && (
          <div className="alert alert--error" role="alert">
            <p>The client was not created: {describeError(issue.error)}</p>
          </div>
        )}
        <CeilingForm
          maximumScope={overview.maximumScope}
          usagePoints={usagePoints.data}
          submitLabel="Create API client"
          busy={issue.isPending}
          onSubmit={(ceiling) =>
            issue.mutate(
              { create: ceiling },
              { onSuccess: (secret) => setIssued({ secret, rotated: false }) },
            )
          }
        />
      </section>
    );
  }
  return (
    <>
      <ClientDetails
        client={apiClient}
        maximumScope={overview.maximumScope}
        usagePoints={usagePoints.data}
        headingRef={clientHeading}
        onRotated={(secret) => setIssued({ secret, rotated: true })}
      />
      <ApiAccessTokens />
      <ApiAccessScripts client={apiClient} username={overview.username} demo={config.demo} />
    </>
  );
}

function ClientDetails({
  client,
  maximumScope,
  usagePoints,
  headingRef,
  onRotated,
}: {
  client: OwnApiClient;
  maximumScope: string;
  usagePoints: UsagePoint[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onRotated(secret: OwnApiClientWithSecret): void;
}) {
  const issue = useIssueSecret();
  const ceiling = useSetCeiling();
  const remove = useDeleteClient();
  const [mode, setMode] = useState<'view' | 'edit' | 'rotate' | 'delete'>('view');
  const failed = issue.error ?? ceiling.error ?? remove.error;
  const when = (iso: string) => (
    <time dateTime={iso}>
      {new Date(iso).toLocaleString(DISPLAY_LOCALE, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
  const meters = client.ceiling.usagePointIds.length;

  return (
    <section className="card stack" aria-labelledby="api-client-heading">
      <h2 id="api-client-heading" ref={headingRef} tabIndex={-1}>
        Your API client
      </h2>
      <dl className="details">
        <dt>Client id</dt>
        <dd>
          <code>{client.clientId}</code>
        </dd>
        <dt>Created</dt>
        <dd>{when(client.createdAt)}</dd>
        <dt>Secret issued</dt>
        <dd>{when(client.secretIssuedAt)}</dd>
        <dt>Its tokens may read at most</dt>
        <dd>
          {describeScope(client.ceiling.scope).summary}{' '}
          {meters === usagePoints.length
            ? `All ${meters.toLocaleString()} meters.`
            : `${meters.toLocaleString()} of ${usagePoints.length.toLocaleString()} meters.`}
          <br />
          <code className="api-access__scope">{client.ceiling.scope}</code>
        </dd>
      </dl>
      {failed && (
        <div className="alert alert--error" role="alert">
          <p>Nothing was changed: {describeError(failed)}</p>
        </div>
      )}
      {mode === 'edit' ? (
        <CeilingForm
          maximumScope={maximumScope}
          usagePoints={usagePoints}
          current={client.ceiling}
          submitLabel="Save what it may read"
          busy={ceiling.isPending}
          onCancel={() => setMode('view')}
          onSubmit={(next) => ceiling.mutate(next, { onSuccess: () => setMode('view') })}
        />
      ) : mode === 'delete' ? (
        <div className="stack" role="group" aria-labelledby="api-delete-question">
          <p id="api-delete-question">
            Delete this API client? Every token of it stops working at once, and its id and secret mean
            nothing any more. You can create a new client afterwards.
          </p>
          <p className="actions">
            <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
              Delete now
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              Keep the client
            </Button>
          </p>
        </div>
      ) : mode === 'rotate' ? (
        <div className="stack" role="group" aria-labelledby="api-rotate-question">
          <p id="api-rotate-question">
            Rotate the secret? The current secret stops working at once: update your script with the new one.
            Tokens already issued keep working until you revoke them.
          </p>
          <p className="actions">
            <Button
              variant="danger"
              disabled={issue.isPending}
              onClick={() => issue.mutate({ rotate: true }, { onSuccess: onRotated })}
            >
              Rotate now
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              Keep the current secret
            </Button>
          </p>
        </div>
      ) : (
        <p className="actions">
          <Button variant="secondary" onClick={() => setMode('edit')}>
            Change what it may read
          </Button>
          <Button variant="secondary" onClick={() => setMode('rotate')}>
            Rotate secret
          </Button>
          <Button variant="danger" onClick={() => setMode('delete')}>
            Delete API client
          </Button>
        </p>
      )}
    </section>
  );
}
