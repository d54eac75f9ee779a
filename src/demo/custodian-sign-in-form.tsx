import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  signIn,
  type AuthorizeParams,
  type ClientInfo,
  type ConsentRequest,
  type InteractionFailure,
} from './custodian-interaction.ts';
import { Button } from '../components/ui/button.tsx';

/** The utility account's sign-in form. A wrong password stays on the form, its message tied to both fields. */
export function CustodianSignInForm(props: {
  request: AuthorizeParams;
  client: ClientInfo;
  onRedirect(url: string): void;
  onConsent(consent: ConsentRequest): void;
  onFailure(failure: InteractionFailure): void;
}) {
  const ids = useId();
  const errorId = `${ids}-error`;
  const heading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await signIn(props.request, username, password);
    setBusy(false);
    if (outcome.ok) {
      setPassword('');
      if (outcome.value.next === 'redirect') props.onRedirect(outcome.value.redirectUrl);
      else props.onConsent(outcome.value.consent);
      return;
    }
    const { failure } = outcome;
    if (failure.kind === 'wrong-credentials' || failure.kind === 'unavailable') {
      setPassword('');
      setError(
        failure.kind === 'wrong-credentials'
          ? `${failure.message} Check both and try again.`
          : failure.message,
      );
    } else {
      props.onFailure(failure);
    }
  }

  const invalid = error !== null;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Sign in to your utility account
      </h1>
      <p>
        {props.client.firstParty ? (
          <>
            <strong>{props.client.name}</strong> sends you here to sign in.
          </>
        ) : (
          <>
            <strong>{props.client.name}</strong> asks to read your energy data. Sign in first; you will then
            choose what to share.
          </>
        )}
      </p>
      <form className="custodian__form" noValidate onSubmit={(event) => void submit(event)}>
        {error && (
          <p ref={errorRef} id={errorId} className="custodian__error" role="alert" tabIndex={-1}>
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${ids}-username`}>Username</label>
          <input
            id={`${ids}-username`}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>Password</label>
          <input
            id={`${ids}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <Button type="submit" disabled={busy}>
          Sign in
        </Button>
      </form>
      <p className="custodian__hint">
        Demo accounts: <code>household</code>, <code>business</code> and <code>commercial</code>, each with
        the password <code>demo</code>.
      </p>
    </>
  );
}
