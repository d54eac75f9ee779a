/**
 * Where to send a person after sign-in. Only a path on this origin is accepted: anything else
 * (another origin, a protocol-relative `//evil.example`, `javascript:`) falls back to the home page,
 * so the sign-in flow can never become an open redirect (docs/security.md, "Sign-in and tokens").
 */
export function safeReturnTo(candidate: unknown, origin: string): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//')) return '/';
  try {
    const url = new URL(candidate, origin);
    if (url.origin !== origin) return '/';
    // Never return to the callback itself: it would process a spent code again.
    if (url.pathname.startsWith('/auth/')) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
