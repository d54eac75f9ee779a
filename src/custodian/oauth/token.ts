/**
 * `B/oauth/token`: throttles, authenticates the client and hands the request to its grant. ESPI
 * additions: token responses carry `resourceURI` and `authorizationURI` (docs/espi.md 4.1).
 */
import type { CustodianContext } from '../context.ts';
import { basicCredentials, oauthError, readParams, tooManyRequests } from '../http-util.ts';
import { authenticateClient } from './client-auth.ts';
import { authorizationCodeGrant } from './token-authorization-code.ts';
import { clientCredentialsGrant } from './token-client-credentials.ts';
import { passwordGrant } from './token-password.ts';
import { refreshTokenGrant } from './token-refresh.ts';

export async function tokenEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const params = await readParams(request);
  if (!params)
    return oauthError('invalid_request', 'Send the token request as application/x-www-form-urlencoded.');
  // Counted per claimed client before authenticating it, so guessing a client secret is throttled too.
  const retryAfter = await ctx.limits.attempt(
    'token',
    basicCredentials(request)?.id ?? params.client_id ?? '',
  );
  if (retryAfter !== undefined) {
    return tooManyRequests(retryAfter, `Too many token requests for this client: retry in ${retryAfter} s.`);
  }
  const auth = await authenticateClient(ctx, request, params);
  if (!auth.ok) return auth.response;
  switch (params.grant_type) {
    case 'authorization_code':
      return authorizationCodeGrant(ctx, auth.client, params);
    case 'refresh_token':
      return refreshTokenGrant(ctx, auth.client, params);
    case 'password':
      return passwordGrant(ctx, auth.client, params);
    case 'client_credentials':
      return clientCredentialsGrant(ctx, auth.client, params);
    case undefined:
      return oauthError('invalid_request', 'grant_type is missing.');
    default:
      return oauthError('unsupported_grant_type', `grant_type "${params.grant_type}" is not supported.`);
  }
}
