/**
 * The mock data custodian as MSW handlers: one factory, used by the three hosts (browser service
 * worker, msw/node in tests, the sandbox HTTP server). URL space (relative to the base URL `B`):
 * discovery, `B/oauth/...`, `B/espi/1_1/resource/...`, `B/api/customer/v1/...`, `B/__demo/...`.
 */
import { http, type RequestHandler } from 'msw';
import { authorizePage } from './authorize-page.ts';
import { END_SESSION_PATH, endSessionEndpoint } from './end-session.ts';
import type { ExternalIssuer } from './external-issuer.ts';
import { logoEndpoint } from './logos.ts';
import { createContext, type CustodianContext } from './context.ts';
import { customerApi } from './customer-api.ts';
import { espiApi } from './espi-api.ts';
import { applyFaults, demoEndpoint, resetSandbox, setFaults, setSyntheticAuthorizations } from './faults.ts';
import { corsHeaders, json, notFound, oauthError } from './http-util.ts';
import { validateEndpoint } from './oauth/authorize.ts';
import { decisionEndpoint } from './oauth/decision.ts';
import { previewEndpoint } from './oauth/consent-preview.ts';
import { discovery } from './oauth/discovery.ts';
import { jwksEndpoint } from './oauth/jwks.ts';
import { revokeEndpoint } from './oauth/revoke.ts';
import { signInEndpoint } from './oauth/sign-in.ts';
import { tokenEndpoint } from './oauth/token.ts';
import { userinfoEndpoint } from './oauth/userinfo.ts';
import { initialState } from './seed.ts';
import { bulkNotificationLog } from './bulk-notifications.ts';
import { keepSigningKey } from './tokens.ts';
import { createStore, memoryStorage, type CustodianStorage, type CustodianStore } from './state.ts';

export interface CustodianOptions {
  /** `B`: where the custodian lives, e.g. `http://localhost:8080` or `${location.origin}/custodian`. */
  baseUrl: string;
  /** Where state persists; memory when absent. */
  storage?: CustodianStorage;
  /** Redirect URIs registered for the portal's own client (`green-button-portal`). */
  portalRedirectUris: string[];
  /** Redirect URIs every registered third party also accepts: the browser demo's own callback page. */
  thirdPartyRedirectUris?: string[];
  /** Every third party's scope-selection screen, `{clientId}` standing for its id (the browser demo's page). */
  thirdPartyScopeSelectionUri?: string;
  /** Clock, milliseconds since the epoch (tests move it). */
  now?: () => number;
  /**
   * Serve `GET B/oauth/authorize` as an HTML sign-in and consent page (server mode). The browser demo
   * sets false: there the page is an app route, and the worker must let that navigation through.
   */
  serveAuthorizePage?: boolean;
  /** Origins whose pages may call the custodian (CORS); default: the origins of the redirect URIs and of B. */
  allowedOrigins?: string[];
  /** The secret `B/__demo` controls ask for (server host); absent: same-origin pages only (worker host). */
  demoToken?: string;
  /** Another authorization server whose JWT access tokens the APIs accept too (external-issuer.ts). */
  externalIssuer?: ExternalIssuer;
  /** Where bulk notifications are POSTed instead of the registered notify URIs (bulk-notifications.ts). */
  notifyUri?: string;
}

export interface Custodian {
  handlers: RequestHandler[];
  /** The same logic as the handlers, as a plain function: a Response, or undefined when not the custodian's. */
  handle(request: Request): Promise<Response | undefined>;
  store: CustodianStore;
  context: CustodianContext;
  setFaults: (patch: Parameters<typeof setFaults>[1]) => ReturnType<typeof setFaults>;
  setSyntheticAuthorizations: (customer: string, count: number) => void;
  reset: () => void;
}

export function createCustodian(options: CustodianOptions): Custodian {
  const now = options.now ?? (() => Date.now());
  const storage = options.storage ?? memoryStorage();
  const store = createStore(storage, () => initialState(now()), now);
  const ctx = createContext({
    baseUrl: options.baseUrl,
    store,
    portalRedirectUris: options.portalRedirectUris,
    thirdPartyRedirectUris: options.thirdPartyRedirectUris ?? [],
    ...(options.thirdPartyScopeSelectionUri
      ? { thirdPartyScopeSelectionUri: options.thirdPartyScopeSelectionUri }
      : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.demoToken ? { demoToken: options.demoToken } : {}),
    now,
    ...(options.externalIssuer ? { externalIssuer: options.externalIssuer } : {}),
    ...(options.notifyUri ? { notifyUri: options.notifyUri } : {}),
  });
  keepSigningKey(ctx.baseUrl, storage.signingKey);
  const serveAuthorizePage = options.serveAuthorizePage ?? true;

  async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const base = new URL(ctx.baseUrl);
    if (url.origin !== base.origin) return undefined;
    const basePath = base.pathname.replace(/\/+$/, '');
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
    const path = url.pathname.slice(basePath.length) || '/';
    const isPage = path === '/oauth/authorize' && request.method !== 'OPTIONS';
    if (isPage && !serveAuthorizePage) return undefined;
    // Navigations under B that are not the custodian's own page belong to the app (browser demo).
    if (request.mode === 'navigate' && !isPage && !serveAuthorizePage) return undefined;

    const cors = corsHeaders(request.headers.get('Origin'), ctx.allowedOrigins);
    const withCors = (response: Response) => withHeaders(response, cors);
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    if (!isWellEncoded(path)) {
      return withCors(oauthError('invalid_request', 'The path has malformed percent-encoding.'));
    }
    if (path.startsWith('/__demo/')) return withCors(await demoControls(ctx, request, path));
    const fault = await applyFaults(ctx, path);
    if (fault) return fault.type === 'error' ? fault : withCors(fault);
    try {
      return withCors(await route(ctx, request, path));
    } catch (error) {
      return withCors(
        json(
          {
            error: 'server_error',
            error_description: `The mock custodian failed: ${(error as Error).message}`,
          },
          500,
        ),
      );
    }
  }

  const handlers: RequestHandler[] = [
    http.all(`${ctx.baseUrl}/*`, ({ request }) => handle(request)),
    http.all(ctx.baseUrl, ({ request }) => handle(request)),
  ];
  return {
    handlers,
    handle,
    store,
    context: ctx,
    setFaults: (patch) => setFaults(ctx, patch),
    setSyntheticAuthorizations: (customer, count) => setSyntheticAuthorizations(ctx, customer, count),
    reset: () => resetSandbox(ctx),
  };
}

export function createCustodianHandlers(options: CustodianOptions): RequestHandler[] {
  return createCustodian(options).handlers;
}

/**
 * `B/__demo/...`: the server host names a token every control must show (`X-Demo-Token`); the browser
 * host names none, as its worker only ever sees its own pages' requests, and a request that says it
 * comes from another origin is refused there all the same.
 */
async function demoControls(ctx: CustodianContext, request: Request, path: string): Promise<Response> {
  const origin = request.headers.get('Origin');
  const allowed =
    ctx.demoToken === undefined
      ? origin === null || origin === new URL(ctx.baseUrl).origin
      : request.headers.get('X-Demo-Token') === ctx.demoToken;
  if (!allowed) {
    return json(
      {
        error: 'forbidden',
        error_description:
          'The demo controls need the token the sandbox printed when it started (header X-Demo-Token).',
      },
      403,
    );
  }
  return demoEndpoint(ctx, request, path);
}

/** Every `%` starts a valid UTF-8 escape, so the routes can decode path segments safely. */
function isWellEncoded(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function withHeaders(response: Response, extra: Record<string, string>): Response {
  const headers = new Headers(response.headers);
  for (const [k, v] of Object.entries(extra)) headers.set(k, v);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function route(ctx: CustodianContext, request: Request, path: string): Promise<Response> {
  const { method } = request;
  if (path === '/.well-known/openid-configuration' && method === 'GET') return json(discovery(ctx));
  if (path.startsWith('/logos/') && method === 'GET') return logoEndpoint(ctx, path);
  if (path.startsWith('/espi/1_1/resource/'))
    return espiApi(ctx, request, path.slice('/espi/1_1/resource'.length));
  if (path.startsWith('/api/customer/v1/'))
    return customerApi(ctx, request, path.slice('/api/customer/v1'.length));
  if ((path === '/sandbox/v1/notifications' || path === '/sandbox/v1/bulk-notifications') && method === 'GET')
    return bulkNotificationLog(ctx, request);
  const post = method === 'POST';
  switch (path) {
    case '/oauth/authorize':
      return authorizePage(ctx, request);
    case '/oauth/interaction/validate':
      if (post) return validateEndpoint(ctx, request);
      break;
    case '/oauth/interaction/sign-in':
      if (post) return signInEndpoint(ctx, request);
      break;
    case '/oauth/interaction/decision':
      if (post) return decisionEndpoint(ctx, request);
      break;
    case '/oauth/interaction/preview':
      if (post) return previewEndpoint(ctx, request);
      break;
    case '/oauth/token':
      if (post) return tokenEndpoint(ctx, request);
      break;
    case '/oauth/revoke':
      if (post) return revokeEndpoint(ctx, request);
      break;
    case '/oauth/userinfo':
      if (method === 'GET' || post) return userinfoEndpoint(ctx, request);
      break;
    case '/oauth/jwks':
      if (method === 'GET') return jwksEndpoint(ctx);
      break;
    case END_SESSION_PATH:
      if (method === 'GET' || post) return endSessionEndpoint(ctx, request);
      break;
  }
  return notFound(`Nothing at ${method} ${path} on this custodian.`);
}
