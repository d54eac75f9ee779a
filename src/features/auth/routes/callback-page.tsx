import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { hasAuthParams } from 'react-oidc-context';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { useSession } from '../hooks/session-context.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';

/**
 * The OAuth redirect target. The provider exchanges the code (once, even under StrictMode) and then
 * navigates to where the person was going; this page only shows progress or a failure. A failed or
 * replayed callback (reload, back button) still strips `code`, `state` and `error` from the address bar.
 */
export function CallbackPage() {
  const { status, error, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const holdsResponse = location.search !== '';
  useEffect(() => {
    if (error && holdsResponse) void navigate(location.pathname, { replace: true });
  }, [error, holdsResponse, location.pathname, navigate]);

  if (error) {
    return (
      <>
        <PageTitle>Sign-in failed</PageTitle>
        <h1>Sign-in did not complete</h1>
        <div className="alert alert--error" role="alert">
          <p>{signInFailureMessage(error)}</p>
          <p className="muted">The utility&apos;s answer: {error.message}</p>
        </div>
        <p className="actions">
          <Button onClick={() => void signIn('/')}>Sign in again</Button>
          <ButtonLink variant="secondary" to="/">
            Go to the home page
          </ButtonLink>
        </p>
      </>
    );
  }
  if (status === 'signed-in') return <LoadingState label="Signed in. Taking you back" />;
  if (status === 'signed-out' && !hasAuthParams(window.location)) {
    return (
      <>
        <PageTitle>Sign in</PageTitle>
        <h1>No sign-in in progress</h1>
        <p>This address completes a sign-in at your utility, and there is none to complete here.</p>
        <p className="actions">
          <Button onClick={() => void signIn('/')}>Sign in</Button>
          <ButtonLink variant="secondary" to="/">
            Go to the home page
          </ButtonLink>
        </p>
      </>
    );
  }
  return <LoadingState label="Signing you in" />;
}

function signInFailureMessage(error: Error): string {
  if (/no matching state|state/i.test(error.message)) {
    return 'This sign-in link has already been used or has expired. Sign in again.';
  }
  if (/access_denied|declined/i.test(error.message)) return 'Sign-in was cancelled at the utility.';
  if (/fetch|network/i.test(error.message))
    return 'The utility could not be reached. Check your connection and try again.';
  return 'The utility did not accept the sign-in. Try again; if it keeps failing, contact your utility.';
}
