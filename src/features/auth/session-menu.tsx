import { useState } from 'react';
import { useSession } from './session-context.tsx';

/** The header's session control: who is signed in and sign-out, or sign-in. */
export function SessionMenu() {
  const { status, displayName, signIn, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  if (status === 'loading') return null;
  if (status === 'signed-out') {
    return (
      <button type="button" className="button button--small" onClick={() => void signIn()}>
        Sign in
      </button>
    );
  }
  return (
    <div className="site-header__session">
      {displayName && <span className="muted">{displayName}</span>}
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void signOut().finally(() => setBusy(false));
        }}
      >
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
    </div>
  );
}
