/**
 * The portal's configuration, from Vite env vars (documented in .env.example), validated once at
 * start. A bad or missing value becomes a `ConfigError` naming the variable, which the app shows as a
 * page instead of failing somewhere later with a blank screen.
 */
// zod/mini: the same validator in its tree-shakable form, so the first page stays within its budget.
import * as z from 'zod/mini';

/** An absolute http(s) URL, or a same-origin path such as `/custodian` (resolved against the page). */
const urlOrPath = z.string().check(
  z.trim(),
  z.minLength(1, 'is empty'),
  z.refine((value) => value.startsWith('/') || /^https?:\/\/[^/]/.test(value), {
    message: 'must be an http(s) URL or a path starting with /',
  }),
);

/** 'true' or 'false'; unset (or empty) means `fallback`. */
const flag = (fallback: boolean) =>
  z.pipe(
    z.optional(z.enum(['true', 'false', ''], { message: "must be 'true' or 'false'" })),
    z.transform((value) => (value === 'true' ? true : value === 'false' ? false : fallback)),
  );

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
const authorizeParams = z.pipe(
  z.optional(z.string()),
  z.transform((value, context) => {
    const params = new URLSearchParams((value ?? '').trim().replace(/^\?/, ''));
    const taken = [...params.keys()].filter((name) => PROTOCOL_PARAMS.includes(name));
    if (taken.length) {
      context.issues.push({
        code: 'custom',
        input: value,
        message: `must not set ${taken.join(', ')}: the portal sends ${taken.length > 1 ? 'those' : 'it'} itself`,
      });
    }
    return Object.fromEntries(params);
  }),
);

/** RFC 8707: each resource indicator is an absolute URI without a fragment. */
const resourceIndicators = z.pipe(
  z.optional(z.string()),
  z.transform((value, context) => {
    const uris = (value ?? '').split(/\s+/).filter(Boolean);
    const bad = uris.filter((uri) => !URL.canParse(uri) || uri.includes('#'));
    if (bad.length) {
      context.issues.push({
        code: 'custom',
        input: value,
        message: `must be absolute URIs without a fragment, separated by spaces (not: ${bad.join(', ')})`,
      });
    }
    return uris;
  }),
);

export type EndSession = { kind: 'discovery' } | { kind: 'none' } | { kind: 'url'; url: string };

/** Where sign-out ends the provider's session: discovery's end_session_endpoint, this URL, or nowhere. */
const endSession = z.pipe(
  z.optional(z.string()),
  z.transform((value, context): EndSession => {
    const text = (value ?? '').trim();
    if (text === '' || text === 'discovery') return { kind: 'discovery' };
    if (text === 'none') return { kind: 'none' };
    if (/^https?:\/\/[^/]/.test(text) && URL.canParse(text)) return { kind: 'url', url: text };
    context.issues.push({
      code: 'custom',
      input: value,
      message: "must be 'discovery', 'none' or an http(s) URL",
    });
    return { kind: 'none' };
  }),
);

export const configSchema = z.object({
  VITE_DEMO: flag(false),
  VITE_OIDC_ISSUER: urlOrPath,
  VITE_OIDC_CLIENT_ID: z.string().check(z.trim(), z.minLength(1, 'is empty')),
  VITE_OIDC_SCOPE: z.string().check(
    z.trim(),
    z.refine((scope) => scope.split(/\s+/).includes('openid'), { message: "must include 'openid'" }),
  ),
  VITE_ESPI_BASE_URL: urlOrPath,
  VITE_CUSTOMER_API_BASE_URL: urlOrPath,
  VITE_API_ACCESS: flag(false),
  VITE_OIDC_AUTHORIZE_PARAMS: authorizeParams,
  VITE_OIDC_RESOURCE: resourceIndicators,
  VITE_OIDC_USERINFO: flag(true),
  VITE_OIDC_END_SESSION: endSession,
});

export type RawConfig = z.input<typeof configSchema>;

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
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'configuration'),
        message: issue.code === 'invalid_type' ? 'is missing' : issue.message,
      })),
    );
  }
  const c = result.data;
  return {
    demo: c.VITE_DEMO,
    oidc: {
      issuer: resolve(c.VITE_OIDC_ISSUER, origin),
      clientId: c.VITE_OIDC_CLIENT_ID,
      scope: c.VITE_OIDC_SCOPE,
      authorizeParams: c.VITE_OIDC_AUTHORIZE_PARAMS,
      resource: c.VITE_OIDC_RESOURCE,
      userInfo: c.VITE_OIDC_USERINFO,
      endSession: c.VITE_OIDC_END_SESSION,
    },
    espiBaseUrl: resolve(c.VITE_ESPI_BASE_URL, origin),
    customerApiBaseUrl: resolve(c.VITE_CUSTOMER_API_BASE_URL, origin),
    apiAccessEnabled: c.VITE_API_ACCESS,
  };
}
