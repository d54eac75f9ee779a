import { useSession } from '../hooks/session-context.tsx';
import { Button } from '../../../components/ui/button.tsx';

const TEXT = {
  'session-ending':
    'Your session ends soon: the utility did not renew it. Sign in again to keep working; you will come back to this page.',
  'session-lost': 'Your session has ended. Sign in again to continue; you will come back to this page.',
  'signed-out-elsewhere': 'You signed out in another tab, so this tab is signed out too.',
  'signed-out': 'You have signed out. Your access tokens were revoked at the utility.',
} as const;

/** Session news that is not tied to one page, announced to screen readers. */
export function SessionNoticeBanner() {
  const { notice, dismissNotice, signIn, signInProblem } = useSession();
  if (signInProblem) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{signInProblem}</p>
        <p className="actions">
          <Button small onClick={() => void signIn()}>
            Try to sign in again
          </Button>
        </p>
      </div>
    );
  }
  if (!notice) return null;
  const needsSignIn = notice === 'session-ending' || notice === 'session-lost';
  return (
    <div className={`alert ${needsSignIn ? 'alert--warning' : 'alert--success'}`} role="alert">
      <p>{TEXT[notice]}</p>
      <p className="actions">
        {needsSignIn && (
          <Button small onClick={() => void signIn()}>
            Sign in again
          </Button>
        )}
        <Button variant="secondary" small onClick={dismissNotice}>
          Dismiss
        </Button>
      </p>
    </div>
  );
}
