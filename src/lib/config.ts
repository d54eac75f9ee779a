/**
 * The portal's configuration, from Vite env vars (documented in .env.example), validated once at
 * start. A bad or missing value becomes a `ConfigError` naming the variable, which the app shows as a
 * page instead of failing somewhere later with a blank screen.
 *
 * Read by hand rather than with a schema library: this runs before the first page, whose JavaScript
 * has a budget (100 KB gzipped, issue 12), and eleven variables do not need one.
 */

/** One variable read: its value, or what is wrong with it. */
type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const wrong = (message: string): Read<never> => ({ ok: false, message });

/** A variable that must be set: trimmed, then `check`ed (which names the problem, if any). */
function required(value: string | undefined, check: (text: string) => string | undefined): Read<string> {
  if (value === undefined) return wrong('is missing');
  const text = value.trim();
  const problem = check(text);
  return problem === undefined ? ok(text) : wrong(problem);
}

/** An absolute http(s) URL, or a same-origin path such as `/custodian` (resolved against the page). */
const urlOrPath = (value: string | undefined) =>
  required(value, (text) =>
    text === ''
      ? 'is empty'
      : text.startsWith('/') || /^https?:\/\/[^/]/.test(text)
        ? undefined
        : 'must be an http(s) URL or a path starting with /',
  );

/** 'true' or 'false'; unset (or empty) means `fallback`. */
const flag =
  (fallback: boolean) =>
  (value: string | undefined): Read<boolean> =>
    value === 'true'
      ? ok(true)
      : value === 'false'
        ? ok(false)
        : value === undefined || value === ''
          ? ok(fallback)
          : wrong("must be 'true' or 'false'");

/** Parameters the portal (or oidc-client-ts) sets itself, so an extra authorize parameter cannot override them. */
const PROTOCOL_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'resource',
];

/** `prompt=consent&ui_locales=en`: extra authorize request parameters, in query-string form. */
function authorizeParams(value: string | undefined): Read<Record<string, string>> {
  const params = new URLSearchParams((value ?? '').trim().replace(/^\?/, ''));
  const taken = [...params.keys()].filter((name) => PROTOCOL_PARAMS.includes(name));
  if (taken.length)
    return wrong(
      `must not set ${taken.join(', ')}: the portal sends ${taken.length > 1 ? 'those' : 'it'} itself`,
    );
  return ok(Object.fromEntries(params));
}

/** RFC 8707: each resource indicator is an absolute URI without a fragment. */
function resourceIndicators(value: string | undefined): Read<string[]> {
  const uris = (value ?? '').split(/\s+/).filter(Boolean);
  const bad = uris.filter((uri) => !URL.canParse(uri) || uri.includes('#'));
  if (bad.length)
    return wrong(`must be absolute URIs without a fragment, separated by spaces (not: ${bad.join(', ')})`);
  return ok(uris);
}

export type EndSession = { kind: 'discovery' } | { kind: 'none' } | { kind: 'url'; url: string };

/** Where sign-out ends the provider's session: discovery's end_session_endpoint, this URL, or nowhere. */
function endSession(value: string | undefined): Read<EndSession> {
  const text = (value ?? '').trim();
  if (text === '' || text === 'discovery') return ok({ kind: 'discovery' });
  if (text === 'none') return ok({ kind: 'none' });
  if (/^https?:\/\/[^/]/.test(text) && URL.canParse(text)) return ok({ kind: 'url', url: text });
  return wrong("must be 'discovery', 'none' or an http(s) URL");
}

export interface PortalConfig {
  demo: boolean;
  oidc: {
    issuer: string;
    clientId: string;
    scope: string;
    /** Extra authorize request parameters, e.g. `prompt=consent` for a refresh token (OIDC Core 11). */
    authorizeParams: Record<string, string>;
    /** RFC 8707 resource indicators: the audiences of the one access token the portal holds. */
    resource: string[];
    /** Load the profile from userinfo; when false, the id_token's claims are the profile. */
    userInfo: boolean;
    endSession: EndSession;
  };
  espiBaseUrl: string;
  customerApiBaseUrl: string;
  apiAccessEnabled: boolean;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.variable} ${p.message}`).join('; '));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Resolves a same-origin path against `origin`; absolute URLs pass through. Trailing slashes dropped. */
function resolve(urlOrPathValue: string, origin: string): string {
  return new URL(urlOrPathValue, origin).href.replace(/\/+$/, '');
}

export function parseConfig(env: Record<string, string | boolean | undefined>, origin: string): PortalConfig {
  const problems: ConfigProblem[] = [];
  function read<T>(variable: string, reader: (value: string | undefined) => Read<T>): T {
    const raw = env[variable];
    const result = reader(typeof raw === 'string' ? raw : undefined);
    if (result.ok) return result.value;
    problems.push({ variable, message: result.message });
    // Never returned: a problem throws below, before the config is used.
    return undefined as T;
  }
  const config: PortalConfig = {
    demo: read('VITE_DEMO', flag(false)),
    oidc: {
      issuer: read('VITE_OIDC_ISSUER', urlOrPath),
      clientId: read('VITE_OIDC_CLIENT_ID', (value) =>
        required(value, (text) => (text === '' ? 'is empty' : undefined)),
      ),
      scope: read('VITE_OIDC_SCOPE', (value) =>
        required(value, (text) =>
          text.split(/\s+/).includes('openid') ? undefined : "must include 'openid'",
        ),
      ),
      authorizeParams: read('VITE_OIDC_AUTHORIZE_PARAMS', authorizeParams),
      resource: read('VITE_OIDC_RESOURCE', resourceIndicators),
      userInfo: read('VITE_OIDC_USERINFO', flag(true)),
      endSession: read('VITE_OIDC_END_SESSION', endSession),
    },
    espiBaseUrl: read('VITE_ESPI_BASE_URL', urlOrPath),
    customerApiBaseUrl: read('VITE_CUSTOMER_API_BASE_URL', urlOrPath),
    apiAccessEnabled: read('VITE_API_ACCESS', flag(false)),
  };
  // Every problem at once, so one look at the page fixes them all; the URLs resolve only once all are valid.
  if (problems.length) throw new ConfigError(problems);
  return {
    ...config,
    oidc: { ...config.oidc, issuer: resolve(config.oidc.issuer, origin) },
    espiBaseUrl: resolve(config.espiBaseUrl, origin),
    customerApiBaseUrl: resolve(config.customerApiBaseUrl, origin),
  };
}
