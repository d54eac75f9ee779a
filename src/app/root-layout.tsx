import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { useConfig } from '../lib/api-context.tsx';
import { SessionMenu } from '../features/auth/components/session-menu.tsx';
import { SessionNoticeBanner } from '../features/auth/components/session-notice-banner.tsx';
import { useSession } from '../features/auth/hooks/session-context.tsx';
import { Button } from '../components/ui/button.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';

/**
 * The frame of every page: skip link, header with navigation, main landmark, footer. After a
 * client-side navigation focus moves to <main>, so screen-reader and keyboard users start at the new
 * page's content instead of wherever the old page left them.
 */
export function RootLayout() {
  const config = useConfig();
  const { status } = useSession();
  const location = useLocation();
  const navigation = useNavigation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // On a phone the navigation folds under a Menu button (a disclosure), so the page starts on the first screen.
  const [menuOpen, setMenuOpen] = useState(false);
  // Any navigation closes it, a link to the page already shown included (a new location key).
  const [menuFor, setMenuFor] = useState(location.key);
  if (menuFor !== location.key) {
    setMenuFor(location.key);
    setMenuOpen(false);
  }

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const signedIn = status === 'signed-in';
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {config.demo && (
        <p className="demo-banner">
          Demo: this portal runs against a simulated utility. No real account or data is used.
        </p>
      )}
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            Green Button Portal
          </NavLink>
          <nav className="site-nav" aria-label="Main">
            <Button
              className="site-nav__toggle"
              variant="secondary"
              small
              aria-expanded={menuOpen}
              aria-controls="site-nav-links"
              onClick={() => setMenuOpen((open) => !open)}
            >
              Menu
            </Button>
            <ul id="site-nav-links" className={menuOpen ? 'site-nav__links--open' : undefined}>
              {signedIn && (
                <>
                  <li>
                    <NavLink to="/usage">My energy</NavLink>
                  </li>
                  <li>
                    <NavLink to="/account">Bills</NavLink>
                  </li>
                  <li>
                    <NavLink to="/authorizations">Connected apps</NavLink>
                  </li>
                  <li>
                    <NavLink to="/bulk">Bulk access</NavLink>
                  </li>
                  {config.apiAccessEnabled && (
                    <li>
                      <NavLink to="/api-access">API access</NavLink>
                    </li>
                  )}
                </>
              )}
              <li>
                <NavLink to="/open-file">Open a file</NavLink>
              </li>
            </ul>
          </nav>
          <SessionMenu />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <SessionNoticeBanner />
        {navigation.state === 'loading' ? <LoadingState label="Loading page" /> : <Outlet />}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <span>Green Button Connect My Data (NAESB REQ.21 ESPI)</span>
          {config.demo && <NavLink to="/demo">Demo controls</NavLink>}
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
