/** Build-time security plugin of the portal: the Content-Security-Policy and companion headers. */
import type { Plugin } from 'vite';
import { contentSecurityPolicy, type CspInput } from './content-security-policy.ts';

/**
 * Headers for every response of the portal. The static-host file (`_headers`, read by Netlify and
 * Cloudflare Pages) and `vite preview` get them all; the built index.html additionally carries the
 * policy as a meta tag so that any static host keeps it.
 */
export function securityHeaders(input: CspInput): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(input, { forMetaTag: false }),
    'X-Content-Type-Options': 'nosniff',
    // frame-ancestors' predecessor, for browsers that predate CSP level 2.
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

export function contentSecurityPolicyPlugin(input: CspInput): Plugin {
  return {
    name: 'portal:content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: contentSecurityPolicy(input, { forMetaTag: true }),
          },
          injectTo: 'head-prepend',
        },
      ];
    },
    generateBundle() {
      const lines = Object.entries(securityHeaders(input)).map(([name, value]) => `  ${name}: ${value}`);
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n${lines.join('\n')}\n` });
    },
  };
}
