/** The OAuth redirect target, and whether an address holds an authorization response. */

export const CALLBACK_PATH = '/auth/callback';

/** An authorization response carries `state` with `code` or `error` (RFC 6749 4.1.2), in the query or the fragment. */
export function holdsAuthorizationResponse(location: Pick<Location, 'search' | 'hash'>): boolean {
  return [location.search, location.hash.replace('#', '?')].some((part) => {
    const params = new URLSearchParams(part);
    return Boolean((params.get('code') || params.get('error')) && params.get('state'));
  });
}
