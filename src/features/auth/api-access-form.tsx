import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  requestOwnDataToken,
  type ClientCredentials,
  type FailureField,
  type IssuedToken,
} from './api-access-client.ts';
import { dataChoices, historyChoices, narrowScope } from './api-access-scope.ts';
import { useSession } from './session-context.tsx';
import { Button } from '../../components/ui/button.tsx';

type Problem = { field: FailureField; message: string };

/**
 * The API access form. Fields are controlled only so they can be emptied after every attempt; nothing
 * goes to storage, the URL or a log. `autocomplete="off"` keeps the browser's form history out, and
 * `spellcheck={false}` keeps a cloud spell checker from seeing a secret.
 */
export function ApiAccessForm(props: {
  /** The account's own ESPI scope, when the custodian gave one with the session. */
  ceiling: string | undefined;
  onIssued(token: IssuedToken, client: ClientCredentials): void;
}) {
  const { endpoints } = useSession();
  const ids = useId();
  const errorId = `${ids}-error`;
  const errorRef = useRef<HTMLDivElement>(null);
  const choices = useMemo(() => (props.ceiling ? dataChoices(props.ceiling) : []), [props.ceiling]);
  const histories = useMemo(() => (props.ceiling ? historyChoices(props.ceiling) : []), [props.ceiling]);

  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [chosen, setChosen] = useState(() => new Set(choices.map((c) => c.fb)));
  const [history, setHistory] = useState(() => histories.at(-1)?.seconds ?? 0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (problem) errorRef.current?.focus();
  }, [problem]);

  function clearSecrets() {
    setClientSecret('');
    setPassword('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!clientId.trim() || !clientSecret) {
      setProblem({
        field: 'client',
        message: 'Enter the client id and client secret of your API credentials.',
      });
      return;
    }
    if (!username.trim() || !password) {
      setProblem({ field: 'account', message: 'Enter the username and password of your utility account.' });
      return;
    }
    let scope: string | undefined;
    if (props.ceiling) {
      const narrowed = narrowScope(props.ceiling, [...chosen], history);
      if (!narrowed.ok) {
        setProblem({ field: 'scope', message: narrowed.problem });
        return;
      }
      scope = narrowed.scope;
    }
    setBusy(true);
    setProblem(null);
    const client = { clientId: clientId.trim(), clientSecret };
    const result = await endpoints().then(
      (found) => requestOwnDataToken(found.token, { ...client, username: username.trim(), password, scope }),
      () => ({
        ok: false as const,
        failure: {
          field: 'service' as const,
          message: "The utility's OAuth service could not be found (its discovery document did not load).",
        },
      }),
    );
    setBusy(false);
    clearSecrets();
    if (result.ok) {
      setClientId('');
      setUsername('');
      props.onIssued(result.token, client);
    } else {
      setProblem(result.failure);
    }
  }

  const describedBy = (field: FailureField) => (problem?.field === field ? errorId : undefined);
  const invalid = (field: FailureField) => (problem?.field === field ? true : undefined);

  return (
    <form className="card stack" method="post" noValidate onSubmit={(event) => void submit(event)}>
      <h2>Get an access token</h2>
      {problem && (
        <div ref={errorRef} id={errorId} className="alert alert--error" role="alert" tabIndex={-1}>
          <p>{problem.message}</p>
        </div>
      )}
      <fieldset aria-describedby={describedBy('client')}>
        <legend>Your API credentials</legend>
        <p className="field__hint">Issued by your utility when API access was enabled for your account.</p>
        <div className="field">
          <label htmlFor={`${ids}-client-id`}>Client id</label>
          <input
            id={`${ids}-client-id`}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={clientId}
            aria-invalid={invalid('client')}
            aria-describedby={describedBy('client')}
            onChange={(event) => setClientId(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-client-secret`}>Client secret</label>
          <input
            id={`${ids}-client-secret`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={clientSecret}
            aria-invalid={invalid('client')}
            aria-describedby={describedBy('client')}
            onChange={(event) => setClientSecret(event.target.value)}
          />
        </div>
      </fieldset>
      <fieldset aria-describedby={describedBy('account')}>
        <legend>Your utility account</legend>
        <div className="field">
          <label htmlFor={`${ids}-username`}>Account username</label>
          <input
            id={`${ids}-username`}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            aria-invalid={invalid('account')}
            aria-describedby={describedBy('account')}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>Account password</label>
          <input
            id={`${ids}-password`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={password}
            aria-invalid={invalid('account')}
            aria-describedby={describedBy('account')}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
      </fieldset>
      {props.ceiling ? (
        <fieldset aria-describedby={describedBy('scope')}>
          <legend>What the token may read</legend>
          <p className="field__hint">
            Choose only what your software needs. The token covers every meter of your account: this utility
            does not issue tokens for some meters only.
          </p>
          <ul className="api-access__choices">
            {choices.map((choice) => (
              <li key={choice.fb}>
                <label className="api-access__check">
                  <input
                    type="checkbox"
                    checked={chosen.has(choice.fb)}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.target.checked) next.add(choice.fb);
                      else next.delete(choice.fb);
                      setChosen(next);
                    }}
                  />
                  {choice.label}
                </label>
              </li>
            ))}
          </ul>
          <div className="field">
            <label htmlFor={`${ids}-history`}>History</label>
            <select
              id={`${ids}-history`}
              value={history}
              onChange={(event) => setHistory(Number(event.target.value))}
            >
              {histories.map((choice) => (
                <option key={choice.seconds} value={choice.seconds}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      ) : (
        <p className="field__hint">
          Your utility did not say what your account&apos;s own access covers, so the token will cover all of
          it.
        </p>
      )}
      <p className="actions">
        <Button type="submit" disabled={busy}>
          {busy ? 'Getting a token…' : 'Get token'}
        </Button>
      </p>
    </form>
  );
}
