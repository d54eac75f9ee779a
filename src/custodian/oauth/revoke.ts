/** `B/oauth/revoke` (RFC 7009). */
import { nowSeconds, type CustodianContext } from '../context.ts';
import { oauthError, readParams } from '../http-util.ts';
import { verifyToken, type GrantClaims } from '../tokens.ts';
import { refreshLifetimes } from '../own-api-clients.ts';
import { authenticateClient } from './client-auth.ts';

/** RFC 7009: 200 whether or not the token was known, so it reveals nothing. */
export async function revokeEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const params = await readParams(request);
  if (!params?.token) return oauthError('invalid_request', 'token is missing.');
  const auth = await authenticateClient(ctx, request, params);
  if (!auth.ok) return auth.response;
  const at = nowSeconds(ctx);
  const kinds =
    params.token_type_hint === 'refresh_token'
      ? (['refresh', 'access'] as const)
      : (['access', 'refresh'] as const);
  for (const kind of kinds) {
    const verified = await verifyToken<GrantClaims>(kind, params.token, {
      issuer: ctx.baseUrl,
      nowSeconds: at,
    });
    if (!verified.ok || verified.claims.client_id !== auth.client.clientId) continue;
    const { jti, fid, exp } = verified.claims;
    ctx.store.update((s) => {
      // Revoking a refresh token ends its whole family, access tokens included (RFC 7009 section 2.1).
      if (kind === 'refresh')
        s.revokedFamilies[fid] = at + refreshLifetimes(auth.client, at, s.faults).refresh;
      else s.revokedJtis[jti] = exp;
    });
    break;
  }
  return new Response(null, { status: 200, headers: { 'Cache-Control': 'no-store' } });
}
