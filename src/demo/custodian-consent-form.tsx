import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describeScope, type EpochSeconds, millisOf, serviceLabel } from '../espi/index.ts';
import type { ConsentUsagePoint } from '../custodian/oauth/sign-in.ts';
import {
  decide,
  webAddress,
  type ClientInfo,
  type ConsentRequest,
  type InteractionFailure,
} from './custodian-interaction.ts';
import { Button } from '../components/ui/button.tsx';
import { ConsentPreview } from './consent-preview.tsx';

/**
 * The consent step for a third-party application: who asks (name, logo, website, description, all
 * rendered as text), what it asks for in plain words, which usage points to share and until when. The
 * custodian offers only the usage points the scope can read, all ticked, as most people expect; at least
 * one is needed to allow. Access lasts the usual year unless the customer picks an earlier day. Before
 * the buttons, a preview shows the customer's own data as the scope cuts it (consent-preview.tsx).
 */
export function CustodianConsentForm(props: {
  consent: ConsentRequest;
  onRedirect(url: string): void;
  onFailure(failure: InteractionFailure): void;
}) {
  const { consent } = props;
  const ids = useId();
  const errorId = `${ids}-error`;
  const heading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const [chosen, setChosen] = useState(() => new Set(consent.usagePoints.map((up) => up.id)));
  const lastDay = dayOf(consent.accessEnds);
  // The custodian's today is a year before the usual end: the first day a shorter term may end is tomorrow.
  const firstDay = dayOf(consent.accessEnds - TERM_SECONDS + DAY_SECONDS);
  const [endDay, setEndDay] = useState(lastDay);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const scope = describeScope(consent.espiScope);
  const total = consent.usagePoints.length;

  function toggle(id: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    setError(null);
  }

  async function answer(approve: boolean) {
    if (approve && chosen.size === 0) {
      setError('Choose at least one usage point to share, or choose Deny.');
      return;
    }
    if (approve && !(endDay >= firstDay && endDay <= lastDay)) {
      setError(`Choose a day from ${firstDay} to ${lastDay} for access to end, or choose Deny.`);
      return;
    }
    setBusy(true);
    const accessEnds = endDay === lastDay ? undefined : endOfDay(endDay);
    const outcome = await decide(consent.interaction, approve, approve ? [...chosen] : [], accessEnds);
    setBusy(false);
    if (outcome.ok) props.onRedirect(outcome.value.redirectUrl);
    else if (outcome.failure.kind === 'unavailable') setError(outcome.failure.message);
    else props.onFailure(outcome.failure);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void answer(submitter?.value !== 'deny');
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Share your energy data?
      </h1>
      {consent.customerName && <p className="custodian__muted">Signed in as {consent.customerName}.</p>}
      <p>
        <strong>{consent.client.name}</strong> asks to read energy data from your Example Utility account.
      </p>
      <ClientCard client={consent.client} />

      <section aria-labelledby={`${ids}-what`}>
        <h2 id={`${ids}-what`}>What it asks to read</h2>
        <ul>
          {scope.data.map((line) => (
            <li key={line}>{line}</li>
          ))}
          {scope.personalData && <li>Some of your personal or account details</li>}
        </ul>
        <dl className="custodian__facts">
          {scope.intervalLength && (
            <>
              <dt>Detail</dt>
              <dd>Readings every {scope.intervalLength}</dd>
            </>
          )}
          {scope.history && (
            <>
              <dt>History</dt>
              <dd>Up to {scope.history} back</dd>
            </>
          )}
          <dt>How long</dt>
          <dd>{scope.accessText}</dd>
          {scope.updates && (
            <>
              <dt>Updates</dt>
              <dd>{scope.updates}</dd>
            </>
          )}
        </dl>
        <p className="custodian__muted">
          You can stop sharing at any time from your utility account (in the portal: Connected apps).
        </p>
      </section>

      <form className="custodian__form" noValidate onSubmit={submit}>
        <fieldset aria-describedby={error ? errorId : undefined}>
          <legend>Usage points to share</legend>
          {error && (
            <p ref={errorRef} id={errorId} className="custodian__error" role="alert" tabIndex={-1}>
              {error}
            </p>
          )}
          {total > 1 && (
            <p className="actions">
              <Button
                variant="secondary"
                small
                onClick={() => {
                  setChosen(new Set(consent.usagePoints.map((up) => up.id)));
                  setError(null);
                }}
              >
                Select all
              </Button>
              <Button variant="secondary" small onClick={() => setChosen(new Set())}>
                Select none
              </Button>
              <span className="custodian__muted" aria-live="polite">
                {chosen.size} of {total} selected
              </span>
            </p>
          )}
          <ul className="custodian__meters">
            {consent.usagePoints.map((up) => (
              <li key={up.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(up.id)}
                    onChange={(event) => toggle(up.id, event.target.checked)}
                  />
                  <span>{usagePointText(up)}</span>
                </label>
              </li>
            ))}
          </ul>
          {total === 0 && (
            <p>None of your usage points has the data this application asks for: you can only deny.</p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-ends`}>Access ends on</label>
          <input
            id={`${ids}-ends`}
            type="date"
            value={endDay}
            min={firstDay}
            max={lastDay}
            aria-describedby={`${ids}-ends-hint`}
            onChange={(event) => {
              setEndDay(event.target.value);
              setError(null);
            }}
          />
          <span id={`${ids}-ends-hint`} className="custodian__hint">
            At most a year. Pick an earlier day to share for less time; you can also stop sharing sooner.
          </span>
        </div>
        <ConsentPreview
          appName={consent.client.name}
          interaction={consent.interaction}
          meters={consent.usagePoints.filter((up) => chosen.has(up.id))}
          history={consent.history}
        />
        <p className="actions">
          <Button type="submit" name="decision" value="allow" disabled={busy}>
            Allow
          </Button>
          <Button variant="secondary" type="submit" name="decision" value="deny" disabled={busy}>
            Deny
          </Button>
        </p>
      </form>
      <details className="custodian__technical">
        <summary>Technical details</summary>
        <p>
          ESPI scope: <code>{consent.espiScope}</code>
        </p>
      </details>
    </>
  );
}

const DAY_SECONDS = 86_400;
/** The custodian's usual term (src/custodian/oauth/scopes.ts YEAR). */
const TERM_SECONDS = 365 * DAY_SECONDS;

/** The local calendar day of an instant, as a date field holds it (YYYY-MM-DD). */
function dayOf(epochSeconds: EpochSeconds): string {
  const d = new Date(millisOf(epochSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last second of a local calendar day, in epoch seconds. */
function endOfDay(day: string): number {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return Math.floor(new Date(year, month - 1, date + 1).getTime() / 1000) - 1;
}

function usagePointText(up: ConsentUsagePoint): string {
  return `${up.title}: ${serviceLabel(up.serviceKind)}, meter ${up.meterId}, ${up.address}`;
}

function ClientCard(props: { client: ClientInfo }) {
  const { client } = props;
  const logo = webAddress(client.logoUri);
  const website = webAddress(client.clientUri);
  const [logoFailed, setLogoFailed] = useState(false);
  return (
    <section className="custodian__client" aria-label="The application">
      {logo && !logoFailed ? (
        <img
          className="custodian__logo"
          src={logo}
          alt=""
          width={56}
          height={56}
          referrerPolicy="no-referrer"
          onError={() => setLogoFailed(true)}
        />
      ) : (
        <span className="custodian__logo custodian__logo--placeholder" aria-hidden="true">
          {client.name.trim().charAt(0).toUpperCase() || '?'}
        </span>
      )}
      <div>
        <p className="custodian__client-name">{client.name}</p>
        {website && (
          <p>
            Website:{' '}
            <a href={website} target="_blank" rel="noopener noreferrer">
              {website}
            </a>
          </p>
        )}
        <p>{client.description}</p>
      </div>
    </section>
  );
}
