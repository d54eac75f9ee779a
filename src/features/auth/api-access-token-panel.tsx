import { useEffect, useRef, useState } from 'react';
import { describeScope } from '../../espi/scope.ts';
import {
  curlCommand,
  revokeAccessToken,
  type ClientCredentials,
  type IssuedToken,
} from './api-access-client.ts';
import { useSession } from './session-context.tsx';
import { DISPLAY_LOCALE } from '../../espi/display-locale.ts';
import { Button } from '../../components/ui/button.tsx';

/**
 * The token, shown once: copy it now, it is kept nowhere but this page's memory. The client
 * credentials stay in memory only as long as the token does, because revoking it (RFC 7009) needs
 * the client to authenticate again.
 */
export function ApiAccessTokenPanel(props: {
  token: IssuedToken;
  client: ClientCredentials;
  demo: boolean;
  onDone(): void;
}) {
  const { token } = props;
  const { endpoints } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [expiresAt] = useState(() => new Date(Date.now() + token.expiresIn * 1000));
  const [revocation, setRevocation] = useState<
    { state: 'idle' | 'busy' | 'done' } | { state: 'failed'; message: string }
  >({ state: 'idle' });
  const scope = describeScope(token.scope.split(' ').find((s) => s.startsWith('FB=')) ?? token.scope);

  // Focus follows the news: to the token when it arrives, to the confirmation once it is revoked.
  const revoked = revocation.state === 'done';
  useEffect(() => heading.current?.focus(), [revoked]);

  async function revoke() {
    setRevocation({ state: 'busy' });
    const result = await endpoints().then(
      (found) => revokeAccessToken(found.revocation, props.client, token.accessToken),
      () => ({ ok: false as const, message: "The utility's revocation service could not be found." }),
    );
    setRevocation(result.ok ? { state: 'done' } : { state: 'failed', message: result.message });
  }

  if (revoked) {
    return (
      <section className="card stack" aria-labelledby="api-token-heading">
        <h2 id="api-token-heading" ref={heading} tabIndex={-1}>
          Token revoked
        </h2>
        <p role="status">The utility has revoked the token: any request made with it is now refused.</p>
        <p className="actions">
          <Button onClick={props.onDone}>Get another token</Button>
        </p>
      </section>
    );
  }

  return (
    <section className="card stack" aria-labelledby="api-token-heading">
      <h2 id="api-token-heading" ref={heading} tabIndex={-1}>
        Your access token
      </h2>
      <div className="alert alert--warning">
        <p>
          Copy the token now: it is shown only this once and kept nowhere. When you leave this page it is gone
          from the portal (it keeps working at the utility until it expires or you revoke it).
        </p>
      </div>
      <CopyableText label="Access token" text={token.accessToken} />
      <dl className="details">
        <dt>It may read</dt>
        <dd>
          {scope.summary}
          <br />
          <code className="api-access__scope">{token.scope}</code>
        </dd>
        <dt>It expires</dt>
        <dd>
          <time dateTime={expiresAt.toISOString()}>
            {expiresAt.toLocaleString(DISPLAY_LOCALE, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>{' '}
          (after {Math.round(token.expiresIn / 60)} minutes)
        </dd>
        {token.resourceUri && (
          <>
            <dt>Your data</dt>
            <dd className="api-access__uri">{token.resourceUri}</dd>
          </>
        )}
      </dl>
      {token.resourceUri && (
        <>
          <h3>Try it</h3>
          <CopyableText label="curl command" text={curlCommand(token.resourceUri, token.accessToken)} />
          <p className="field__hint">
            With many meters, ask for the data in pages with the ESPI query parameters, for example{' '}
            <code>?published-min=2025-01-01T00:00:00Z&amp;max-results=50</code>.
          </p>
          {props.demo && (
            <p className="field__hint">
              In this demo the utility is simulated inside your browser, so a terminal cannot reach it. The
              same simulated utility runs as a server with <code>npm run custodian</code>; get a token there
              with the curl session in the project&apos;s README.
            </p>
          )}
        </>
      )}
      {revocation.state === 'failed' && (
        <div className="alert alert--error" role="alert">
          <p>{revocation.message} The token still works.</p>
        </div>
      )}
      <p className="actions">
        <Button variant="danger" disabled={revocation.state === 'busy'} onClick={() => void revoke()}>
          Revoke this token
        </Button>
        <Button variant="secondary" onClick={props.onDone}>
          Done
        </Button>
      </p>
    </section>
  );
}

function CopyableText(props: { label: string; text: string }) {
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setStatus(`${props.label} copied.`);
    } catch {
      setStatus('Copying is not allowed here: select the text and copy it.');
    }
  }
  return (
    <div className="api-access__copyable">
      <p className="api-access__copy-label">{props.label}</p>
      <pre>{props.text}</pre>
      <p className="actions">
        <Button variant="secondary" small onClick={() => void copy()}>
          Copy {props.label.toLowerCase()}
        </Button>
        <span role="status">{status}</span>
      </p>
    </div>
  );
}
