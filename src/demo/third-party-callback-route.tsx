/**
 * The demo third party's redirect URI: what the app's own site shows when the customer comes back from
 * the utility. On `code` it exchanges the code at the token endpoint with its PKCE verifier (and its
 * client secret: the sandbox publishes them; a real app does this on its server) and shows what it was
 * granted; on `error=access_denied` it says that the customer declined. The response leaves the
 * address bar at once, and the token stays in memory only.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../components/ui/page-title.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ErrorState } from '../components/ui/error-state.tsx';
import { useConfig } from '../lib/api-context.tsx';
import { describeScope } from '../espi/index.ts';
import {
  forgetPendingRequest,
  readPendingRequest,
  thirdPartyById,
  type PendingRequest,
} from './third-party-launcher.tsx';

interface CallbackResponse {
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
}

interface GrantedAccess {
  scope: string;
  expiresIn: number;
  resourceURI: string;
  authorizationURI: string;
}

function readResponse(search: string): CallbackResponse {
  const params = new URLSearchParams(search);
  const value = (name: string) => params.get(name) ?? undefined;
  return {
    code: value('code'),
    state: value('state'),
    error: value('error'),
    errorDescription: value('error_description'),
  };
}

async function exchangeCode(tokenEndpoint: string, pending: PendingRequest, code: string) {
  const client = thirdPartyById(pending.clientId);
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (client?.clientSecret) {
    headers.Authorization = `Basic ${btoa(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`)}`;
  }
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers,
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.codeVerifier,
      ...(client?.clientSecret ? {} : { client_id: pending.clientId }),
    }),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const description = typeof body.error_description === 'string' ? body.error_description : '';
    throw new Error(`The token endpoint refused the code (${response.status}). ${description}`.trim());
  }
  const text = (key: string) => (typeof body[key] === 'string' ? body[key] : '');
  return {
    scope: text('scope'),
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 0,
    resourceURI: text('resourceURI'),
    authorizationURI: text('authorizationURI'),
  } satisfies GrantedAccess;
}

export function Component() {
  const config = useConfig();
  const navigate = useNavigate();
  // Read once: the address bar is cleaned right after, and a reload must not replay the response.
  const [response] = useState(() => readResponse(window.location.search));
  const [pending] = useState(() => (response.state ? readPendingRequest(response.state) : undefined));
  useEffect(() => {
    if (response.state) forgetPendingRequest(response.state);
    if (window.location.search) void navigate('.', { replace: true });
  }, [navigate, response.state]);

  const app = pending ? thirdPartyById(pending.clientId) : undefined;
  const appName = app?.name ?? 'The app';
  const exchange = useQuery({
    queryKey: ['demo', 'third-party-exchange', response.state],
    queryFn: () =>
      exchangeCode(`${config.oidc.issuer}/oauth/token`, pending as PendingRequest, response.code ?? ''),
    enabled: Boolean(pending && response.code),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

  let body;
  if (!response.code && !response.error) {
    body = (
      <p>
        No answer from the utility is waiting here. Start the consent flow from the{' '}
        <Link to="/demo">demo controls</Link>.
      </p>
    );
  } else if (!pending) {
    body = (
      <div className="alert alert--error" role="alert">
        <p>
          This answer does not belong to a request started in this tab (its <code>state</code> is unknown or
          was already used), so the app ignores it. Start again from the <Link to="/demo">demo controls</Link>
          .
        </p>
      </div>
    );
  } else if (response.error) {
    const denied = response.error === 'access_denied';
    body = (
      <div className={`alert ${denied ? 'alert--warning' : 'alert--error'}`} role="status">
        <h2>{denied ? 'Access was not granted' : 'The utility returned an error'}</h2>
        <p>
          {denied
            ? `You declined: ${appName} cannot read your energy data.`
            : `${appName} received the error "${response.error}".`}
        </p>
        {response.errorDescription && <p>The utility said: {response.errorDescription}</p>}
      </div>
    );
  } else if (exchange.isPending) {
    body = <LoadingState label={`${appName} is exchanging the code for an access token`} />;
  } else if (exchange.isError) {
    body = <ErrorState title="The code could not be exchanged" error={exchange.error} />;
  } else {
    const granted = exchange.data;
    body = (
      <div className="alert alert--success" role="status">
        <h2>Access granted</h2>
        <p>
          {appName} received an authorization code and exchanged it for an access token (valid{' '}
          {Math.round(granted.expiresIn / 60)} minutes, kept in this page’s memory only).
        </p>
        <p>It may read: {describeScope(granted.scope).summary}</p>
        {/* <pre> wraps anywhere: these long values must not widen the page on a phone. */}
        <dl className="details">
          <dt>Scope</dt>
          <dd>
            <pre>{granted.scope}</pre>
          </dd>
          <dt>resourceURI</dt>
          <dd>
            <pre>{granted.resourceURI}</pre>
          </dd>
          <dt>authorizationURI</dt>
          <dd>
            <pre>{granted.authorizationURI}</pre>
          </dd>
        </dl>
      </div>
    );
  }

  return (
    <>
      <PageTitle>Third-party app (demo)</PageTitle>
      <h1>{app ? `${app.name} (demo third-party app)` : 'Demo third-party app'}</h1>
      <p className="muted">
        This page plays the app’s own website, where the utility sends you back after you approve or decline.
      </p>
      {body}
      <p>
        <Link to="/authorizations">See it in Connected apps</Link> ·{' '}
        <Link to="/demo">Back to the demo controls</Link>
      </p>
    </>
  );
}
