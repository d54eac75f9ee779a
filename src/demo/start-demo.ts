/**
 * Starts the mock custodian in this page (demo builds only; see app/router.tsx and main.tsx), before the
 * portal renders, so the portal's first request (OIDC discovery) already reaches it. The worker script
 * is served by the msw Vite plugin under `npm start` and emitted next to the bundle by `vite build
 * --mode demo`, at the base path the portal is served from.
 */
// First: before the mock's modules build their schemas.
import './zod-jitless.ts';
import './platform-fallbacks.ts';
import { startBrowserCustodian } from '../custodian/browser.ts';
import { THIRD_PARTY_CALLBACK_PATH, THIRD_PARTY_SCOPE_SELECTION_PATH } from './demo-paths.ts';

export async function startDemo(): Promise<void> {
  // msw asks the browser to re-check its worker script on every start without waiting for the answer;
  // when that check fails the worker already running stays in place and keeps answering, so the
  // failure is not the page's error (it would otherwise surface as an uncaught rejection).
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.message.startsWith('Failed to update a ServiceWorker')) {
      event.preventDefault();
    }
  });
  try {
    await startBrowserCustodian({
      serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
      thirdPartyRedirectPaths: [THIRD_PARTY_CALLBACK_PATH],
      thirdPartyScopeSelectionPath: THIRD_PARTY_SCOPE_SELECTION_PATH,
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
