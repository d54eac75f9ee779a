import { Outlet, useLocation } from 'react-router';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { useSession } from '../hooks/session-context.tsx';
import { Button } from '../../../components/ui/button.tsx';

/** Layout route for pages that need a signed-in customer: otherwise, says why and offers sign-in. */
export function RequireAuth() {
  const { status, signIn } = useSession();
  const location = useLocation();
  if (status === 'loading') return <LoadingState label="Checking your session" />;
  if (status === 'signed-out') {
    return (
      <>
        <PageTitle>Sign in</PageTitle>
        <h1>Sign in to continue</h1>
        <p>This page shows your own account. Sign in with your utility account to see it.</p>
        <p>
          <Button onClick={() => void signIn(`${location.pathname}${location.search}${location.hash}`)}>
            Sign in
          </Button>
        </p>
      </>
    );
  }
  return <Outlet />;
}
