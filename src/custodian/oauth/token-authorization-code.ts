/** The authorization_code grant, with PKCE S256; a code redeemed twice revokes what it issued. */
import { authorizationStatus, nowSeconds, type CustodianContext } from '../context.ts';
import type { Client } from '../directory.ts';
import { oauthError } from '../http-util.ts';
import { pkceChallenge, verifyToken, type CodeClaims } from '../tokens.ts';
import { issueTokens } from './issue-tokens.ts';

export async function authorizationCodeGrant(
  ctx: CustodianContext,
  client: Client,
  params: Record<string, string>,
) {
  const at = nowSeconds(ctx);
  if (!params.code) return oauthError('invalid_request', 'code is missing.');
  const verified = await verifyToken<CodeClaims>('code', params.code, {
    issuer: ctx.baseUrl,
    nowSeconds: at,
  });
  if (!verified.ok) {
    return oauthError(
      'invalid_grant',
      verified.reason === 'expired' ? 'The code has expired.' : 'The code is not valid.',
    );
  }
  const code = verified.claims;
  const verifierMatches =
    params.code_verifier !== undefined && (await pkceChallenge(params.code_verifier)) === code.code_challenge;
  // Nothing awaits from here until the code is marked used, so parallel redemptions cannot both pass.
  const { state } = ctx.store;
  if (state.usedJtis[code.jti] !== undefined) {
    // RFC 6749 section 4.1.2: a code used twice revokes what was issued with it.
    ctx.store.update((s) => {
      s.revokedFamilies[code.fid] = at + state.faults.refreshTokenLifetime;
    });
    return oauthError('invalid_grant', 'The code was already used; tokens issued with it are revoked.');
  }
  if (code.client_id !== client.clientId)
    return oauthError('invalid_grant', 'The code was issued to another client.');
  if (params.redirect_uri !== code.redirect_uri) {
    return oauthError('invalid_grant', 'redirect_uri must be the one sent with the authorize request.');
  }
  if (!params.code_verifier) return oauthError('invalid_request', 'code_verifier is missing (PKCE).');
  if (!verifierMatches) {
    return oauthError('invalid_grant', 'The code_verifier does not match the code_challenge (PKCE).');
  }
  const authorization = state.authorizations[code.aid];
  if (!authorization || authorizationStatus(authorization, at) !== 'active') {
    return oauthError('invalid_grant', 'The authorization was revoked before the code was used.');
  }
  ctx.store.update((s) => {
    s.usedJtis[code.jti] = code.exp;
  });
  return issueTokens(ctx, {
    client,
    sub: code.sub,
    scope: code.scope,
    authorization,
    fid: code.fid,
    ...(code.auth_time ? { authTime: code.auth_time } : {}),
    refresh: code.offline,
    ...(code.nonce ? { nonce: code.nonce } : {}),
  });
}
