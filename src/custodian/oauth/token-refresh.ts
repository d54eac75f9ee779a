/** The refresh_token grant, with rotation: a rotated token used again ends its whole family. */
import { authorizationStatus, nowSeconds, oauthScopes, type CustodianContext } from '../context.ts';
import { narrowScope } from '../scope-limits.ts';
import type { Client } from '../directory.ts';
import { oauthError } from '../http-util.ts';
import { verifyToken, type GrantClaims } from '../tokens.ts';
import { narrowToCeiling, refreshLifetimes } from '../own-api-clients.ts';
import { issueTokens } from './issue-tokens.ts';

export async function refreshTokenGrant(
  ctx: CustodianContext,
  client: Client,
  params: Record<string, string>,
) {
  const at = nowSeconds(ctx);
  if (!params.refresh_token) return oauthError('invalid_request', 'refresh_token is missing.');
  const verified = await verifyToken<GrantClaims>('refresh', params.refresh_token, {
    issuer: ctx.baseUrl,
    nowSeconds: at,
  });
  if (!verified.ok) {
    return oauthError(
      'invalid_grant',
      verified.reason === 'expired'
        ? 'The refresh token has expired: sign in again.'
        : 'The refresh token is not valid.',
    );
  }
  const old = verified.claims;
  const { state } = ctx.store;
  if (state.faults.expireTokens)
    return oauthError('invalid_grant', 'The refresh token has expired (demo fault).');
  if (old.client_id !== client.clientId)
    return oauthError('invalid_grant', 'The refresh token belongs to another client.');
  if (state.revokedFamilies[old.fid] !== undefined || state.revokedJtis[old.jti] !== undefined) {
    return oauthError('invalid_grant', 'The refresh token has been revoked.');
  }
  if (state.usedJtis[old.jti] !== undefined) {
    // Rotation (RFC 9700 section 4.14.2): a second use of a rotated token means it leaked; end the family.
    ctx.store.update((s) => {
      s.revokedFamilies[old.fid] = at + refreshLifetimes(client, at, s.faults).refresh;
    });
    return oauthError(
      'invalid_grant',
      'The refresh token was already used; every token of this sign-in is revoked.',
    );
  }
  if (at >= refreshLifetimes(client, old.auth_time ?? old.iat ?? at, state.faults).familyEnd) {
    return oauthError('invalid_grant', 'The session has reached its maximum length: sign in again.');
  }
  const authorization = state.authorizations[old.aid];
  if (!authorization || authorizationStatus(authorization, at) !== 'active') {
    return oauthError('invalid_grant', 'The authorization behind this refresh token has ended.');
  }
  // An own-data client's ceiling may have been narrowed since: the new token gets no more than it.
  let scope = client.kind === 'customer-api' ? narrowToCeiling(old.scope, authorization.scope) : old.scope;
  if (params.scope) {
    const granted = new Set(oauthScopes(scope));
    if (!oauthScopes(params.scope).every((s) => granted.has(s))) {
      return oauthError('invalid_scope', 'A refresh can only keep or narrow the granted scope.');
    }
    scope = params.scope;
  }
  // The customer may have narrowed the authorization since: the new token says what it may read now.
  scope = oauthScopes(scope)
    .map((s) => (s.startsWith('FB=') ? narrowScope(s, authorization.scope) : s))
    .join(' ');
  ctx.store.update((s) => {
    s.usedJtis[old.jti] = old.exp;
  });
  return issueTokens(ctx, {
    client,
    sub: old.sub,
    scope,
    authorization,
    fid: old.fid,
    ...(old.auth_time ? { authTime: old.auth_time } : {}),
    refresh: true,
  });
}
