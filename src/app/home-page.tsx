import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../components/ui/page-title.tsx';
import { useSession } from '../features/auth/hooks/session-context.tsx';
import { Button } from '../components/ui/button.tsx';

// Loaded once signed in, with the authorization list's schema: the first page stays free of zod.
const EndingSoonNotice = lazy(async () => ({
  default: (await import('../features/authorizations/components/ends-soon.tsx')).EndingSoonNotice,
}));

/** Signed out: what the portal does, sign-in, and opening a file without an account. Signed in: where to go. */
export function HomePage() {
  const { status, displayName, signIn } = useSession();
  if (status === 'signed-in') {
    return (
      <>
        <PageTitle>Home</PageTitle>
        <h1>{displayName ? `Welcome, ${displayName}` : 'Welcome'}</h1>
        <Suspense fallback={null}>
          <EndingSoonNotice />
        </Suspense>
        <div className="grid">
          <section className="card" aria-labelledby="home-usage">
            <h2 id="home-usage">My energy</h2>
            <p>Your meters, usage and costs, hour by hour, and Download My Data.</p>
            <Link to="/usage">See my energy use</Link>
          </section>
          <section className="card" aria-labelledby="home-bills">
            <h2 id="home-bills">Bills</h2>
            <p>Your accounts, service addresses and the bills your utility issued.</p>
            <Link to="/account">See my bills</Link>
          </section>
          <section className="card" aria-labelledby="home-apps">
            <h2 id="home-apps">Connected apps</h2>
            <p>Every app you allowed to read your data: what it can see, until when. Stop any of them.</p>
            <Link to="/authorizations">Review connected apps</Link>
          </section>
          <section className="card" aria-labelledby="home-bulk">
            <h2 id="home-bulk">Bulk access</h2>
            <p>Let an energy service company or aggregator read many of your meters under one grant.</p>
            <Link to="/bulk">Manage bulk access</Link>
          </section>
        </div>
      </>
    );
  }
  return (
    <>
      <PageTitle>Green Button Portal</PageTitle>
      <h1>Your energy data, and who can see it</h1>
      <p>
        See your electricity, gas and water use from your utility's meters, download it in the Green Button
        format, and decide which apps and energy services may read it.
      </p>
      <div className="grid">
        <section className="card" aria-labelledby="landing-sign-in">
          <h2 id="landing-sign-in">Sign in with your utility account</h2>
          <p>You sign in on your utility's own page. The portal never sees your password.</p>
          <Button disabled={status === 'loading'} onClick={() => void signIn('/')}>
            Sign in
          </Button>
        </section>
        <section className="card" aria-labelledby="landing-file">
          <h2 id="landing-file">Open a Green Button file</h2>
          <p>Already downloaded your data? Open the file to see it charted. It stays on your device.</p>
          <Link to="/open-file">Open a file</Link>
        </section>
      </div>
    </>
  );
}
