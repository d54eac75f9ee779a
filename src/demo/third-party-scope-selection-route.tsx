/**
 * A third party's scope-selection screen (ApplicationInformation thirdPartyScopeSelectionScreenURI), as
 * the demo plays it: the custodian-initiated flow of docs/espi.md 4.1. The portal's app directory sends
 * the customer here with the scopes the custodian offers this app (`scope`, repeated) and its
 * `DataCustodianID`; the customer picks one, and the app starts the usual authorization request for it
 * at that custodian (third-party-launcher.tsx), which brings the customer back to its callback page.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../components/ui/page-title.tsx';
import { Button } from '../components/ui/button.tsx';
import { useConfig } from '../lib/api-context.tsx';
import { describeScope } from '../espi/index.ts';
import './third-party-pages.css';
import { startAuthorization, thirdPartyById } from './third-party-launcher.tsx';

export function Component() {
  const { clientId = '' } = useParams();
  const issuer = useConfig().oidc.issuer;
  const [query] = useState(() => new URLSearchParams(window.location.search));
  const app = thirdPartyById(clientId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // The app knows one custodian here: the one this demo runs. Another would need its own registration.
  const custodianId = query.get('DataCustodianID');
  const knownCustodian = custodianId === new URL(issuer).host;
  // Only scopes the app is registered for: the link could have been edited on the way.
  const offered = query.getAll('scope').filter((scope) => app?.scopes.includes(scope));

  let body;
  if (!app) body = <Problem>No app of this demo is registered as “{clientId}”.</Problem>;
  else if (!knownCustodian) {
    body = (
      <Problem>
        {app.name} does not work with the utility “{custodianId ?? 'none given'}”: only with{' '}
        {new URL(issuer).host}.
      </Problem>
    );
  } else if (offered.length === 0) {
    body = <Problem>The utility offered none of the data sets {app.name} is registered for.</Problem>;
  } else {
    body = (
      <ScopeChoice
        appName={app.name}
        scopes={offered}
        onChoose={(scope) => startAuthorization(`${issuer}/oauth/authorize`, app, scope)}
      />
    );
  }

  return (
    <>
      <PageTitle>Choose what to share (demo third-party app)</PageTitle>
      <h1 ref={heading} tabIndex={-1}>
        {app ? `${app.name} (demo third-party app)` : 'Demo third-party app'}
      </h1>
      <p className="muted">
        This page plays the app’s own website, where your utility sent you to choose what to share.
      </p>
      {body}
      <p>
        <Link to="/apps">Back to your utility’s app directory</Link>
      </p>
    </>
  );
}

function Problem(props: { children: ReactNode }) {
  return (
    <div className="alert alert--error" role="alert">
      <p>{props.children}</p>
    </div>
  );
}

function ScopeChoice(props: { appName: string; scopes: string[]; onChoose(scope: string): Promise<void> }) {
  const [scope, setScope] = useState(props.scopes[0] ?? '');
  const [starting, setStarting] = useState(false);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStarting(true);
    void props.onChoose(scope);
  }
  return (
    <form onSubmit={submit} className="stack">
      <fieldset>
        <legend>What should {props.appName} read?</legend>
        {props.scopes.map((s) => (
          <label key={s} className="scope-option">
            <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
            <span>{describeScope(s).summary}</span>
          </label>
        ))}
      </fieldset>
      <p>Next, your utility asks you to sign in and to allow it.</p>
      <p>
        <Button type="submit" disabled={starting}>
          Continue to your utility
        </Button>
      </p>
    </form>
  );
}
