/** The client_credentials grant: a registered third party's own client authorization (bulk, its grants). */
import type { CustodianContext } from '../context.ts';
import type { Client } from '../directory.ts';
import { oauthError } from '../http-util.ts';
import { clientAuthorizationId } from '../seed.ts';
import { randomId } from '../tokens.ts';
import { issueTokens } from './issue-tokens.ts';

export async function clientCredentialsGrant(
  ctx: CustodianContext,
  client: Client,
  params: Record<string, string>,
) {
  if (client.kind !== 'third-party') {
    return oauthError('unauthorized_client', 'client_credentials is for registered third parties.');
  }
  const authorization = ctx.store.state.authorizations[clientAuthorizationId(client.clientId)];
  if (!authorization) return oauthError('unauthorized_client', 'This client has no client authorization.');
  if (params.scope && params.scope !== authorization.scope) {
    return oauthError('invalid_scope', `This client may ask for "${authorization.scope}" only.`);
  }
  return issueTokens(ctx, {
    client,
    sub: client.clientId,
    scope: authorization.scope,
    authorization,
    fid: randomId(),
    refresh: false,
  });
}
