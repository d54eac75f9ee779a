/**
 * The portal's Content-Security-Policy, derived from its configuration: scripts only from the
 * portal's own origin, connections only to the configured custodian (and the page's own origin, which
 * serves the mock custodian in demo builds). See docs/security.md, "The page".
 */
export interface CspInput {
  /** Configured custodian endpoints: absolute URLs, or same-origin paths. */
  endpoints: string[];
}

function originOf(urlOrPath: string): string | undefined {
  return /^https?:\/\//.test(urlOrPath) ? new URL(urlOrPath).origin : undefined;
}

export function contentSecurityPolicy({ endpoints }: CspInput, options: { forMetaTag: boolean }): string {
  const custodianOrigins = [...new Set(endpoints.map(originOf).filter((o): o is string => o !== undefined))];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    // Third-party logos (ApplicationInformation logo_uri) are images on the apps' own hosts.
    'img-src': ["'self'", 'data:', 'https:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...custodianOrigins],
    // The ESPI parser runs in a module worker; the demo's mock custodian in a service worker.
    'worker-src': ["'self'"],
    'form-action': ["'self'", ...custodianOrigins],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'manifest-src': ["'self'"],
  };
  // Browsers ignore frame-ancestors in a <meta> policy (CSP3 §6.1.2.1): it must come as a header.
  if (!options.forMetaTag) directives['frame-ancestors'] = ["'none'"];
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
