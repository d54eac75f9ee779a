import { oauthScopes, type CustodianContext } from '../context.ts';
import { OWN_DATA_SCOPE, type Client } from '../directory.ts';
import { oauthError, tooManyRequests } from '../http-util.ts';
import { isScopeWithin } from '../scope-limits.ts';
import { randomId } from '../tokens.ts';
import { issueTokens } from './issue-tokens.ts';
import { checkCredentials, tooManySignIns } from './sign-in.ts';

/**
 * The resource-owner password grant (RFC 6749 section 4.3), only for a customer's own API client and
 * only for that customer's own data: RFC 9700 discourages it, large customers asked for it (issue 5).
 */
export async function passwordGrant(ctx: CustodianContext, client: Client, params: Record<string, string>) {
  if (client.kind !== 'customer-api' || !client.customerId) {
    return oauthError(
      'unauthorized_client',
      'The password grant is only for a customer’s own API credentials.',
    );
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
  const requested = oauthScopes(params.scope);
  const espi = requested.filter((s) => s.startsWith('FB='));
  const other = requested.filter((s) => !s.startsWith('FB='));
  if (espi.length > 1) return oauthError('invalid_scope', 'Ask for one ESPI scope at a time.');
  if (other.some((s) => s !== 'offline_access')) {
    return oauthError(
      'invalid_scope',
      'Only an ESPI scope (FB=...) and offline_access can be asked for here.',
    );
  }
  const [espiScope = OWN_DATA_SCOPE] = espi;
  if (!isScopeWithin(espiScope, OWN_DATA_SCOPE)) {
    return oauthError('invalid_scope', 'The scope asks for more than this account’s own data.');
  }
  const authorization = ctx.store.state.authorizations[`own-${customer.id}`];
  if (!authorization) return oauthError('server_error', 'The account has no own-data authorization.', 500);
  const offline = other.includes('offline_access');
  return issueTokens(ctx, {
    client,
    sub: customer.id,
    scope: [espiScope, ...(offline ? ['offline_access'] : [])].join(' '),
    authorization,
    fid: randomId(),
    refresh: offline,
  });
}
