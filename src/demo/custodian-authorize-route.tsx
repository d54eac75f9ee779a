import { useEffect, useRef, useState, type ReactNode } from 'react';
import './custodian-page.css';
import { CustodianConsentForm } from './custodian-consent-form.tsx';
import {
  validateRequest,
  type AuthorizeParams,
  type ClientInfo,
  type ConsentRequest,
  type InteractionFailure,
} from './custodian-interaction.ts';
import { CustodianSignInForm } from './custodian-sign-in-form.tsx';

/**
 * The simulated utility's own sign-in and consent page at `B/oauth/authorize` (the browser demo's
 * stand-in for the page a real custodian serves; server mode serves src/custodian/authorize-page.ts).
 * It stands outside the portal's layout and says whose page it is. A request naming an unknown client
 * or an unregistered redirect_uri is answered on this page, never by a redirect (RFC 6749 section
 * 4.1.2.1); other request errors go back to the client, which then knows what failed.
 */
type Step =
  | { kind: 'checking' }
  | { kind: 'invalid'; message: string }
  | { kind: 'sign-in'; request: AuthorizeParams; client: ClientInfo }
  | { kind: 'consent'; consent: ConsentRequest }
  | { kind: 'leaving'; to: string };

/** Leaves for the client's redirect URI; `replace`, so Back does not replay a spent sign-in. */
function leaveFor(url: string) {
  window.location.replace(url);
}

export function Component() {
  const [step, setStep] = useState<Step>({ kind: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    const params = Object.fromEntries(new URLSearchParams(window.location.search));
    validateRequest(params, controller.signal)
      .then((outcome) => {
        if (outcome.ok) setStep({ kind: 'sign-in', ...outcome.value });
        else fail(outcome.failure);
      })
      // Only an abort (StrictMode's second effect run, or leaving the page) rejects.
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  function fail(failure: InteractionFailure) {
    if (failure.kind === 'invalid-request' && failure.redirectUrl) {
      setStep({ kind: 'leaving', to: failure.redirectUrl });
      leaveFor(failure.redirectUrl);
    } else {
      setStep({ kind: 'invalid', message: failure.message });
    }
  }

  function redirect(to: string) {
    setStep({ kind: 'leaving', to });
    leaveFor(to);
  }

  return (
    <CustodianFrame>
      {step.kind === 'checking' && <Status>Checking the request…</Status>}
      {step.kind === 'leaving' && <Status>Taking you back to the application…</Status>}
      {step.kind === 'invalid' && <InvalidRequest message={step.message} />}
      {step.kind === 'sign-in' && (
        <CustodianSignInForm
          request={step.request}
          client={step.client}
          onRedirect={redirect}
          onConsent={(consent) => setStep({ kind: 'consent', consent })}
          onFailure={fail}
        />
      )}
      {step.kind === 'consent' && (
        <CustodianConsentForm consent={step.consent} onRedirect={redirect} onFailure={fail} />
      )}
    </CustodianFrame>
  );
}

function CustodianFrame(props: { children: ReactNode }) {
  return (
    <div className="custodian">
      <title>Sign in · Example Utility</title>
      <header className="custodian__header">
        <div className="custodian__header-inner">
          <span className="custodian__brand">
            <span className="custodian__mark" aria-hidden="true" />
            Example Utility
          </span>
          <span className="custodian__tag">Account sign-in</span>
        </div>
      </header>
      <p className="custodian__note">
        Demo: this is the simulated utility&apos;s own sign-in page, not the Green Button Portal. A real
        utility shows its page on its own website.
      </p>
      <main id="main" className="custodian__main">
        {props.children}
      </main>
      <footer className="custodian__footer">
        Example Utility · a simulated data custodian for the Green Button Portal demo
      </footer>
    </div>
  );
}

function Status(props: { children: string }) {
  return (
    <p className="custodian__status" role="status">
      {props.children}
    </p>
  );
}

function InvalidRequest(props: { message: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        This sign-in request cannot be completed
      </h1>
      <div className="alert alert--error" role="alert">
        <p>{props.message}</p>
      </div>
      <p>
        Nothing was sent back to the application that opened this page. Go back to it and start again; if it
        keeps failing, the application is not set up correctly with Example Utility.
      </p>
    </>
  );
}
