/**
 * Demo controls (demo builds only): faults of the simulated utility on demand (its `B/__demo/faults`
 * control), synthetic authorizations, a reset of all demo data, and the launcher that plays a third
 * party starting the consent flow. The controls never fail themselves (the mock exempts `__demo`),
 * so an "offline" utility can always be switched back on from here.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorState } from '../components/ui/error-state.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';
import { useConfig } from '../lib/api-context.tsx';
import type { Faults } from '../custodian/state.ts';
import { ThirdPartyLauncher } from './third-party-launcher.tsx';
import { Button } from '../components/ui/button.tsx';

const DEMO_ACCOUNTS = ['household', 'business', 'commercial'] as const;
const faultsKey = ['demo', 'faults'] as const;

/** Calls a demo control; a refusal becomes an Error with the mock's own explanation. */
async function demoControl<T>(
  url: string,
  init: { method: 'GET' | 'PUT' | 'POST'; body?: unknown },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (cause) {
    throw new Error('The simulated utility did not answer: reload the page to restart it.', { cause });
  }
  const body = (await response.json().catch(() => ({}))) as { error_description?: unknown };
  if (!response.ok) {
    const detail =
      typeof body.error_description === 'string' ? body.error_description : `status ${response.status}`;
    throw new Error(`The demo control refused the change: ${detail}`);
  }
  return body as T;
}

function useDemoBase(): string {
  return `${useConfig().oidc.issuer}/__demo`;
}

export function Component() {
  const issuer = useConfig().oidc.issuer;
  return (
    <>
      <PageTitle>Demo controls</PageTitle>
      <h1>Demo controls</h1>
      <p>
        The portal runs against a simulated utility in this browser. Here you can make it slow or failing,
        fill an account with many connected apps, start the consent flow as a third-party app, and reset
        everything.
      </p>
      <div className="stack">
        <section className="card" aria-labelledby="demo-consent">
          <h2 id="demo-consent">Try the consent flow as a third-party app</h2>
          <p>
            Each button plays that app’s website: it sends you to the utility’s sign-in and consent page with
            a real authorization request (one ESPI scope, state and a PKCE challenge). Sign in with a demo
            account (household, business or commercial; password demo), then approve or decline.
          </p>
          <ThirdPartyLauncher authorizeEndpoint={`${issuer}/oauth/authorize`} />
        </section>
        <FaultsSection />
        <SyntheticAuthorizationsSection />
        <ResetSection />
      </div>
    </>
  );
}

function FaultsSection() {
  const base = useDemoBase();
  const faults = useQuery({
    queryKey: faultsKey,
    queryFn: () => demoControl<Faults>(`${base}/faults`, { method: 'GET' }),
    staleTime: 0,
  });
  return (
    <section className="card" aria-labelledby="demo-faults">
      <h2 id="demo-faults">Faults</h2>
      {faults.data ? (
        <FaultsForm current={faults.data} />
      ) : faults.isError ? (
        <ErrorState
          title="The faults could not be read"
          error={faults.error}
          onRetry={() => void faults.refetch()}
        />
      ) : (
        <LoadingState label="Reading the current faults" />
      )}
    </section>
  );
}

function FaultsForm({ current }: { current: Faults }) {
  const base = useDemoBase();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(current);
  const id = useId();
  const save = useMutation({
    mutationFn: (next: Faults) => demoControl<Faults>(`${base}/faults`, { method: 'PUT', body: next }),
    onSuccess: (saved) => {
      queryClient.setQueryData(faultsKey, saved);
      setDraft(saved);
    },
  });
  const set = <K extends keyof Faults>(key: K, value: Faults[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const number = (
    key: keyof Faults,
    label: string,
    hint: string,
    attrs: { min: number; max?: number; step?: number },
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        inputMode="numeric"
        aria-describedby={`${id}-${key}-hint`}
        value={Number(draft[key])}
        onChange={(event) => set(key, Number(event.target.value) as never)}
        {...attrs}
      />
      <span id={`${id}-${key}-hint`} className="field__hint">
        {hint}
      </span>
    </div>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ ...draft, failingPath: draft.failingPath?.trim() || null });
  };
  const healthy = {
    ...draft,
    latencyMs: 0,
    errorRate: 0,
    failingPath: null,
    expireTokens: false,
    offline: false,
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="grid">
        {number('latencyMs', 'Latency (milliseconds)', 'Added to every answer of the utility.', {
          min: 0,
          max: 60000,
          step: 100,
        })}
        <div className="field">
          <label htmlFor={`${id}-errorRate`}>Error rate (%)</label>
          <input
            id={`${id}-errorRate`}
            type="number"
            aria-describedby={`${id}-errorRate-hint`}
            min={0}
            max={100}
            value={Math.round(draft.errorRate * 100)}
            onChange={(event) =>
              set('errorRate', Math.min(100, Math.max(0, Number(event.target.value))) / 100)
            }
          />
          <span id={`${id}-errorRate-hint`} className="field__hint">
            Share of requests answered with 503 (the same ones on every run).
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-failingPath`}>Failing endpoint</label>
          <input
            id={`${id}-failingPath`}
            type="text"
            aria-describedby={`${id}-failingPath-hint`}
            value={draft.failingPath ?? ''}
            placeholder="/revoke"
            onChange={(event) => set('failingPath', event.target.value)}
          />
          <span id={`${id}-failingPath-hint`} className="field__hint">
            Requests whose path contains this text fail. Empty: none.
          </span>
        </div>
        {number('failingStatus', 'Failing endpoint status', 'HTTP status of those failures (400–599).', {
          min: 400,
          max: 599,
        })}
        {number('accessTokenLifetime', 'Access token lifetime (seconds)', 'For tokens issued from now on.', {
          min: 1,
        })}
        {number(
          'refreshTokenLifetime',
          'Refresh token lifetime (seconds)',
          'For tokens issued from now on.',
          { min: 1 },
        )}
        {number(
          'codeLifetime',
          'Authorization code lifetime (seconds)',
          'How long a code can be exchanged.',
          { min: 1 },
        )}
      </div>
      <fieldset>
        <legend>Switches</legend>
        <label>
          <input
            type="checkbox"
            checked={draft.expireTokens}
            onChange={(event) => set('expireTokens', event.target.checked)}
          />{' '}
          Expired tokens: every access and refresh token is treated as expired
        </label>
        <br />
        <label>
          <input
            type="checkbox"
            checked={draft.offline}
            onChange={(event) => set('offline', event.target.checked)}
          />{' '}
          Offline: every request to the utility fails as a network error
        </label>
      </fieldset>
      <div className="actions">
        <Button type="submit" disabled={save.isPending}>
          Apply faults
        </Button>
        <Button variant="secondary" disabled={save.isPending} onClick={() => save.mutate(healthy)}>
          Clear all faults
        </Button>
      </div>
      <div role="status">{save.isSuccess && <p>Faults applied.</p>}</div>
      {save.isError && <ErrorState title="The faults were not changed" error={save.error} />}
    </form>
  );
}

function SyntheticAuthorizationsSection() {
  const base = useDemoBase();
  const queryClient = useQueryClient();
  const [account, setAccount] = useState<(typeof DEMO_ACCOUNTS)[number]>('household');
  const [count, setCount] = useState(500);
  const id = useId();
  const apply = useMutation({
    mutationFn: () =>
      demoControl<{ customer: string; count: number }>(`${base}/customers/${account}/authorizations`, {
        method: 'PUT',
        body: { count },
      }),
    // Every cached answer may now be out of date.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <section className="card" aria-labelledby="demo-synthetic">
      <h2 id="demo-synthetic">Synthetic connected apps</h2>
      <p>
        Replaces an account’s third-party authorizations with generated ones in every state (0 shows the empty
        list).
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply.mutate();
        }}
      >
        <div className="grid">
          <div className="field">
            <label htmlFor={`${id}-account`}>Account</label>
            <select
              id={`${id}-account`}
              value={account}
              onChange={(event) => setAccount(event.target.value as typeof account)}
            >
              {DEMO_ACCOUNTS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-count`}>Number of authorizations</label>
            <input
              id={`${id}-count`}
              type="number"
              min={0}
              max={5000}
              value={count}
              onChange={(event) =>
                setCount(Math.max(0, Math.min(5000, Math.trunc(Number(event.target.value)))))
              }
            />
          </div>
        </div>
        <Button type="submit" disabled={apply.isPending}>
          Generate authorizations
        </Button>
      </form>
      <div role="status">
        {apply.isSuccess && (
          <p>
            {apply.data.customer} now has {apply.data.count} third-party authorizations.
          </p>
        )}
      </div>
      {apply.isError && <ErrorState title="Nothing was generated" error={apply.error} />}
    </section>
  );
}

function ResetSection() {
  const base = useDemoBase();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [asking, setAsking] = useState(false);
  const reset = useMutation({
    mutationFn: () => demoControl<{ reset: boolean }>(`${base}/reset`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  useEffect(() => {
    const element = dialog.current;
    if (asking && element && !element.open) element.showModal();
    if (!asking && element?.open) element.close();
  }, [asking]);
  return (
    <section className="card" aria-labelledby="demo-reset">
      <h2 id="demo-reset">Reset</h2>
      <p>Puts the simulated utility back as it started: seeded authorizations and bulk grants, no faults.</p>
      <Button variant="danger" onClick={() => setAsking(true)}>
        Reset all demo data
      </Button>
      <div role="status">{reset.isSuccess && <p>All demo data was reset.</p>}</div>
      {reset.isError && <ErrorState title="Nothing was reset" error={reset.error} />}
      <dialog ref={dialog} aria-labelledby="demo-reset-title" onClose={() => setAsking(false)}>
        <h2 id="demo-reset-title">Reset all demo data?</h2>
        <p>
          Every consent, revocation, bulk grant and fault made in this browser is lost, and the seeded data
          comes back. You stay signed in.
        </p>
        <div className="actions">
          <Button variant="secondary" onClick={() => setAsking(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              setAsking(false);
              reset.mutate();
            }}
          >
            Reset everything
          </Button>
        </div>
      </dialog>
    </section>
  );
}
