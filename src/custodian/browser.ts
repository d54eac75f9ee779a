/**
 * The mock custodian in the browser demo: MSW's service worker answers requests under
 * `location.origin + '/custodian'`, and state persists in localStorage (grants, revocations,
 * consents, jti sets; never a token) until the demo's reset control.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createCustodian, type Custodian } from './handlers.ts';
import { webStorage } from './state.ts';

export interface BrowserCustodianOptions {
  /** Portal redirect URIs; default `${origin}/auth/callback`. Paths are resolved on the page's origin. */
  portalRedirectPaths?: string[];
  /** Pages of this site where the demo plays a third party's callback; every third party accepts them. */
  thirdPartyRedirectPaths?: string[];
  /** The page of this site that plays each third party's scope-selection screen, `{clientId}` in its path. */
  thirdPartyScopeSelectionPath?: string;
  /** Where the portal's build serves the worker script; default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  quiet?: boolean;
}

export interface BrowserCustodian extends Custodian {
  worker: SetupWorker;
  baseUrl: string;
}

export async function startBrowserCustodian(
  options: BrowserCustodianOptions = {},
): Promise<BrowserCustodian> {
  const origin = location.origin;
  const baseUrl = `${origin}/custodian`;
  const custodian = createCustodian({
    baseUrl,
    storage: webStorage(localStorage),
    portalRedirectUris: (options.portalRedirectPaths ?? ['/auth/callback']).map((p) =>
      new URL(p, origin).toString(),
    ),
    thirdPartyRedirectUris: (options.thirdPartyRedirectPaths ?? []).map((p) => new URL(p, origin).toString()),
    ...(options.thirdPartyScopeSelectionPath
      ? { thirdPartyScopeSelectionUri: `${origin}${options.thirdPartyScopeSelectionPath}` }
      : {}),
    // The custodian's sign-in page is an app route at /custodian/oauth/authorize in the demo.
    serveAuthorizePage: false,
  });
  const worker = setupWorker(...custodian.handlers);
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledFrame: 'bypass',
    quiet: options.quiet ?? false,
  });
  return { ...custodian, worker, baseUrl };
}
