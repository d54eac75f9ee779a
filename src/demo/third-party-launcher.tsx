/**
 * "Try the consent flow as a third-party app": the demo plays each registered third party and starts
 * a real authorize request (RFC 6749 section 4.1.1 with PKCE S256, RFC 7636) at the simulated utility,
 * exactly as the app's own site would (docs/espi.md 4.1: one ESPI scope per request). The PKCE verifier
 * and the request's state wait in sessionStorage for the callback page; no token is ever stored.
 */
import { useId, useState } from 'react';
import { THIRD_PARTIES, type Client } from '../custodian/directory.ts';
import { describeScope } from '../espi/index.ts';

import { THIRD_PARTY_CALLBACK_PATH } from './demo-paths.ts';
import { Button } from '../components/ui/button.tsx';

const PENDING_PREFIX = 'demo-third-party-request:';

/** What the callback needs to finish the flow the launcher started. */
export interface PendingRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  codeVerifier: string;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function s256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** The demo's callback page for third parties, which the browser custodian registers for each of them. */
function demoRedirectUri(): string {
  return new URL(THIRD_PARTY_CALLBACK_PATH, window.location.origin).href;
}

/** The request the launcher started with this `state`, if it started one in this tab. */
export function readPendingRequest(state: string): PendingRequest | undefined {
  const text = sessionStorage.getItem(`${PENDING_PREFIX}${state}`);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as PendingRequest;
  } catch {
    return undefined;
  }
}

/** A response is used once: after that, the same `state` is unknown (a replayed response is ignored). */
export function forgetPendingRequest(state: string): void {
  sessionStorage.removeItem(`${PENDING_PREFIX}${state}`);
}

export function thirdPartyById(clientId: string): Client | undefined {
  return THIRD_PARTIES.find((client) => client.clientId === clientId);
}

/** Sends the browser to the custodian's authorization endpoint with a fresh state and PKCE pair. */
export async function startAuthorization(authorizeEndpoint: string, client: Client, scope: string) {
  const state = randomToken();
  const codeVerifier = randomToken();
  const redirectUri = demoRedirectUri();
  const pending: PendingRequest = { clientId: client.clientId, redirectUri, scope, codeVerifier };
  sessionStorage.setItem(`${PENDING_PREFIX}${state}`, JSON.stringify(pending));
  const url = new URL(authorizeEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: await s256(codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.href);
}

function ThirdPartyCard(props: { client: Client; authorizeEndpoint: string }) {
  const { client } = props;
  const [scope, setScope] = useState(client.scopes[0] ?? '');
  const [starting, setStarting] = useState(false);
  const selectId = useId();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{client.name}</h3>
      <p>{client.description}</p>
      {client.scopes.length > 1 ? (
        <div className="field">
          <label htmlFor={selectId}>Scope to ask for</label>
          <select id={selectId} value={scope} onChange={(event) => setScope(event.target.value)}>
            {client.scopes.map((s) => (
              <option key={s} value={s}>
                {describeScope(s).summary}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="muted">Asks for: {describeScope(scope).summary}</p>
      )}
      <Button
        disabled={starting}
        onClick={() => {
          setStarting(true);
          void startAuthorization(props.authorizeEndpoint, client, scope);
        }}
      >
        Connect as {client.name}
      </Button>
    </section>
  );
}

/** One card per registered third party, each starting a real authorize request. */
export function ThirdPartyLauncher(props: { authorizeEndpoint: string }) {
  return (
    <>
      <div className="grid">
        {THIRD_PARTIES.map((client) => (
          <ThirdPartyCard key={client.clientId} client={client} authorizeEndpoint={props.authorizeEndpoint} />
        ))}
      </div>
    </>
  );
}
