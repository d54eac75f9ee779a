/**
 * Starts the mock custodian in this page (demo builds only; see app/router.tsx and main.tsx) beside the
 * portal's first render: the shell and the landing page draw at once, while the mock's bundle (msw and
 * the custodian, the larger part of a demo's JavaScript) loads and its service worker starts. Until the
 * mock answers, the page's requests (OIDC discovery, the APIs) wait for it instead of reaching a network
 * that has no custodian; if it cannot start they fail with the reason, which the page shows as it shows
 * any failed request. The worker script is served by the msw Vite plugin under `npm start` and emitted
 * next to the bundle by `vite build --mode demo`, at the base path the portal is served from.
 *
 * This module has no side effects of its own, so a production build, where main.tsx never calls it,
 * carries none of it (scripts/production-build.test.ts).
 */
import { CALLBACK_PATH } from '../features/auth/user-manager.ts';
import { THIRD_PARTY_CALLBACK_PATH } from './demo-paths.ts';

/**
 * Pages that act on arrival render once the mock answers, as before: the OAuth callback redeems its
 * one-time code and state, and the custodian's and the demo's own pages (the third-party callback among them) talk to the mock at once. msw
 * reloads a page its worker does not yet control, and a reload after the callback has used its state
 * would lose the sign-in. Every other page (the landing page, open-file, the signed-in pages, whose
 * requests are held) renders at once.
 */
export function waitsForMock(pathname: string): boolean {
  return (
    pathname === CALLBACK_PATH ||
    pathname.startsWith('/custodian/') ||
    pathname === '/demo' ||
    pathname.startsWith('/demo/')
  );
}

export function startDemo(): Promise<void> {
  // msw asks the browser to re-check its worker script on every start without waiting for the answer;
  // when that check fails the worker already running stays in place and keeps answering, so the
  // failure is not the page's error (it would otherwise surface as an uncaught rejection).
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.message.startsWith('Failed to update a ServiceWorker')) {
      event.preventDefault();
    }
  });
  const started = startCustodian();
  holdRequestsUntil(started);
  return started;
}

async function startCustodian(): Promise<void> {
  try {
    // The polyfills msw needs come first; then msw and the custodian.
    await import('./platform-fallbacks.ts');
    const { startBrowserCustodian } = await import('../custodian/browser.ts');
    await startBrowserCustodian({
      serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
      thirdPartyRedirectPaths: [THIRD_PARTY_CALLBACK_PATH],
      // The request log helps while developing; a demo site's console stays quiet.
      quiet: import.meta.env.PROD,
    });
  } catch (cause) {
    throw new Error(
      'The simulated utility could not start in this browser: the demo needs service workers, which private ' +
        'windows and some browser settings turn off. Try a normal window of a current browser.',
      { cause },
    );
  }
}

/**
 * Every `fetch` waits for `ready` (and fails with its error); once it has settled, `fetch` is the
 * browser's own again. Callers that kept the held function (the API client) pass through at once.
 */
function holdRequestsUntil(ready: Promise<void>): void {
  const browserFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => ready.then(() => browserFetch(input, init));
  const release = () => {
    globalThis.fetch = browserFetch;
  };
  ready.then(release, release);
}
