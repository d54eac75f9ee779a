import { oauthScopes, type CustodianContext } from '../context.ts';
import type { Client } from '../directory.ts';
import { oauthError, tooManyRequests } from '../http-util.ts';
import { ownApiAuthorizationId } from '../own-api-clients.ts';
import { isScopeWithin } from '../scope-limits.ts';
import { randomId } from '../tokens.ts';
import { issueTokens } from './issue-tokens.ts';
import { checkCredentials, tooManySignIns } from './sign-in.ts';

/**
 * The resource-owner password grant (RFC 6749 section 4.3), only for a customer's own-data API client
 * and only within that client's ceiling (own-api.ts): RFC 9700 discourages the grant, large customers
 * asked for it (issues 5 and 16). The customer's script sends the password here; the portal never sees it.
 * A refresh token comes with every token, so a nightly job needs the password only once.
 */
export async function passwordGrant(ctx: CustodianContext, client: Client, params: Record<string, string>) {
  if (client.kind !== 'customer-api' || !client.customerId) {
    return oauthError('unauthorized_client', 'The password grant is only for a customer’s own API client.');
  }
  const username = (params.username ?? '').trim();
  const retryAfter = await ctx.limits.attempt('sign-in', username);
  if (retryAfter !== undefined) return tooManyRequests(retryAfter, tooManySignIns(retryAfter));
  const customer = checkCredentials(username, params.password ?? '');
  // Another account's right password gets the same answer as a wrong one: no password is confirmed.
  if (!customer || customer.id !== client.customerId) {
    return oauthError('invalid_grant', 'The username or password is not right.');
  }
  await ctx.limits.forgive('sign-in', username);
  const ceiling = ctx.store.state.authorizations[ownApiAuthorizationId(client.clientId)];
  if (!ceiling) return oauthError('server_error', 'The API client has no ceiling.', 500);
  const requested = oauthScopes(params.scope);
  const espi = requested.filter((s) => s.startsWith('FB='));
  // offline_access is accepted for clients that always ask for it; the refresh token comes either way.
  if (espi.length > 1) return oauthError('invalid_scope', 'Ask for one ESPI scope at a time.');
  if (requested.some((s) => !s.startsWith('FB=') && s !== 'offline_access')) {
    return oauthError(
      'invalid_scope',
      'Only an ESPI scope (FB=...) and offline_access can be asked for here.',
    );
  }
  const [scope = ceiling.scope] = espi;
  // Refused, not narrowed: a nightly job given less than it asked for would store partial data as complete.
  if (!isScopeWithin(scope, ceiling.scope)) {
    return oauthError(
      'invalid_scope',
      `The scope asks for more than this client's ceiling (${ceiling.scope}): ask for less, or widen the ceiling on the API access page.`,
    );
  }
  return issueTokens(ctx, {
    client,
    sub: customer.id,
    scope,
    authorization: ceiling,
    fid: randomId(),
    refresh: true,
  });
}
