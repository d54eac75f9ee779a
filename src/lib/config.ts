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

const flag = z.pipe(
  z.optional(z.enum(['true', 'false', ''], { message: "must be 'true' or 'false'" })),
  z.transform((value) => value === 'true'),
);

export const configSchema = z.object({
  VITE_DEMO: flag,
  VITE_OIDC_ISSUER: urlOrPath,
  VITE_OIDC_CLIENT_ID: z.string().check(z.trim(), z.minLength(1, 'is empty')),
  VITE_OIDC_SCOPE: z.string().check(
    z.trim(),
    z.refine((scope) => scope.split(/\s+/).includes('openid'), { message: "must include 'openid'" }),
  ),
  VITE_ESPI_BASE_URL: urlOrPath,
  VITE_CUSTOMER_API_BASE_URL: urlOrPath,
  VITE_API_ACCESS: flag,
});

export type RawConfig = z.input<typeof configSchema>;

export interface PortalConfig {
  demo: boolean;
  oidc: { issuer: string; clientId: string; scope: string };
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
    },
    espiBaseUrl: resolve(c.VITE_ESPI_BASE_URL, origin),
    customerApiBaseUrl: resolve(c.VITE_CUSTOMER_API_BASE_URL, origin),
    apiAccessEnabled: c.VITE_API_ACCESS,
  };
}
