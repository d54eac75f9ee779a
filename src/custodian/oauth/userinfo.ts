/** `B/oauth/userinfo`, and the profile claims it shares with the id_token. */
import { authenticate, oauthScopes, type CustodianContext } from '../context.ts';
import { findCustomer, type Customer } from '../directory.ts';
import { bearerError, json } from '../http-util.ts';

export async function userinfoEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const result = await authenticate(ctx, request);
  if (!result.ok) return result.response;
  const { claims } = result.caller;
  if (!oauthScopes(claims.scope).includes('openid')) {
    return bearerError(403, 'insufficient_scope', 'userinfo needs a token with the openid scope.');
  }
  const customer = findCustomer(claims.sub);
  if (!customer) return bearerError(403, 'insufficient_scope', 'This token does not represent a person.');
  return json({ sub: customer.id, ...profileClaims(customer, claims.scope) });
}

/** The claims the granted scopes allow: `profile` for the names, `email` for the address. */
export function profileClaims(customer: Customer, scope: string): Record<string, string> {
  const scopes = oauthScopes(scope);
  return {
    ...(scopes.includes('profile')
      ? { name: customer.displayName, preferred_username: customer.username }
      : {}),
    ...(scopes.includes('email') ? { email: customer.email } : {}),
  };
}
