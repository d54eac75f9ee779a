/** What every grant ends with: the access token, a refresh token within the session, an id_token for openid. */
import { nowSeconds, oauthScopes, type CustodianContext } from '../context.ts';
import { findCustomer, type Client } from '../directory.ts';
import { json } from '../http-util.ts';
import { refreshLifetimes } from '../own-api-clients.ts';
import type { StoredAuthorization } from '../state.ts';
import { randomId, signToken } from '../tokens.ts';
import { profileClaims } from './userinfo.ts';

export function resourceUriOf(
  ctx: CustodianContext,
  authorization: StoredAuthorization,
  client: Client,
): string {
  if (authorization.kind === 'client') {
    return client.bulkCapable ? `${ctx.espiBase}/Batch/Bulk` : `${ctx.espiBase}/Authorization`;
  }
  return `${ctx.espiBase}/Batch/Subscription/${authorization.subscriptionId}`;
}

export async function issueTokens(
  ctx: CustodianContext,
  grant: {
    client: Client;
    sub: string;
    scope: string;
    authorization: StoredAuthorization;
    fid: string;
    /** When the person signed in; absent for grants that authenticate now (password, client credentials). */
    authTime?: number;
    refresh: boolean;
    nonce?: string;
  },
): Promise<Response> {
  const at = nowSeconds(ctx);
  const authTime = grant.authTime ?? at;
  const { faults } = ctx.store.state;
  const signing = { issuer: ctx.baseUrl, nowSeconds: at };
  const claims = {
    sub: grant.sub,
    client_id: grant.client.clientId,
    scope: grant.scope,
    aid: grant.authorization.id,
    fid: grant.fid,
    auth_time: authTime,
  };
  const accessToken = await signToken(
    'access',
    { ...claims, jti: randomId() },
    { ...signing, audience: ctx.espiBase, lifetime: faults.accessTokenLifetime },
  );
  const body: Record<string, string | number> = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: faults.accessTokenLifetime,
    scope: grant.scope,
    resourceURI: resourceUriOf(ctx, grant.authorization, grant.client),
    authorizationURI: `${ctx.espiBase}/Authorization/${grant.authorization.id}`,
  };
  // A family ends at a fixed time after sign-in (or the password grant): rotation never slides past it.
  const lifetimes = refreshLifetimes(grant.client, authTime, faults);
  const refreshLifetime = Math.min(lifetimes.refresh, lifetimes.familyEnd - at);
  if (grant.refresh && refreshLifetime > 0) {
    body.refresh_token = await signToken(
      'refresh',
      { ...claims, jti: randomId() },
      { ...signing, audience: ctx.baseUrl, lifetime: refreshLifetime },
    );
  }
  if (grant.client.kind === 'customer-api') {
    recordOwnApiToken(ctx, grant, {
      at,
      accessExpiresAt: at + faults.accessTokenLifetime,
      refreshExpiresAt: at + refreshLifetime,
      familyExpiresAt: lifetimes.familyEnd,
    });
  }
  if (oauthScopes(grant.scope).includes('openid')) {
    const customer = findCustomer(grant.sub);
    body.id_token = await signToken(
      'idToken',
      {
        sub: grant.sub,
        // OIDC Core 12.2: a refreshed id_token keeps the original sign-in time.
        auth_time: authTime,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
        ...(customer ? profileClaims(customer, grant.scope) : {}),
      },
      { ...signing, audience: grant.client.clientId, lifetime: faults.accessTokenLifetime },
    );
  }
  return json(body);
}

/** An own-data client's tokens are listed for its customer: one row per family, updated on each refresh. */
function recordOwnApiToken(
  ctx: CustodianContext,
  grant: { client: Client; sub: string; scope: string; fid: string },
  times: { at: number; accessExpiresAt: number; refreshExpiresAt: number; familyExpiresAt: number },
): void {
  const { at, ...expiries } = times;
  ctx.store.update((s) => {
    const known = s.ownApiTokens[grant.fid];
    s.ownApiTokens[grant.fid] = {
      id: grant.fid,
      clientId: grant.client.clientId,
      customerId: grant.sub,
      scope: grant.scope,
      issuedAt: known?.issuedAt ?? at,
      ...(known ? { refreshedAt: at } : {}),
      ...(known?.lastUsedAt !== undefined ? { lastUsedAt: known.lastUsedAt } : {}),
      ...expiries,
    };
  });
}
