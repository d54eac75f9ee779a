import { useState } from 'react';
import { useSession } from '../hooks/session-context.tsx';
import { Button } from '../../../components/ui/button.tsx';

/** The header's session control: who is signed in and sign-out, or sign-in. */
export function SessionMenu() {
  const { status, displayName, signIn, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  if (status === 'loading') return null;
  if (status === 'signed-out') {
    return (
      <Button small onClick={() => void signIn()}>
        Sign in
      </Button>
    );
  }
  return (
    <div className="site-header__session">
      {displayName && <span className="muted">{displayName}</span>}
      <Button
        variant="secondary"
        small
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void signOut().finally(() => setBusy(false));
        }}
      >
        {busy ? 'Signing out…' : 'Sign out'}
      </Button>
    </div>
  );
}
