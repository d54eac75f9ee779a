import { useEffect, useRef } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import type { OwnApiClientWithSecret } from '../api/api-access-client.ts';
import { CopyableText } from './copyable-text.tsx';

/** The secret, shown this once: the utility keeps only a fingerprint of it and cannot show it again. */
export function ApiAccessSecret(props: { issued: OwnApiClientWithSecret; rotated: boolean; onDone(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card stack" aria-labelledby="api-secret-heading">
      <h2 id="api-secret-heading" ref={heading} tabIndex={-1}>
        {props.rotated ? 'Your new client secret' : 'Your API client is ready'}
      </h2>
      <div className="alert alert--warning">
        <p>
          Copy the client secret now: it is shown only this once. The utility keeps only a fingerprint of it,
          so nobody can show it to you again; if you lose it, rotate it.
          {props.rotated && ' The old secret no longer works.'}
        </p>
      </div>
      <dl className="details">
        <dt>Client id</dt>
        <dd>
          <code>{props.issued.clientId}</code>
        </dd>
      </dl>
      <CopyableText label="Client secret" text={props.issued.clientSecret} />
      <p className="actions">
        <Button onClick={props.onDone}>I have copied the secret</Button>
      </p>
    </section>
  );
}
