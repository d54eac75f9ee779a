/**
 * Own-data API clients as the OAuth side sees them (issue 16): a client a customer created in the
 * portal (own-api.ts), found in the store rather than the static directory, its secret kept only as a
 * hash, and the lifetimes of its tokens. Imports nothing that imports the context, so context.ts and
 * the token endpoint can use it.
 */
import { formatScope, parseScope } from '../espi/index.ts';
import type { Client } from './directory.ts';
import type { CustodianState, CustodianStore, Faults } from './state.ts';
import { pkceChallenge } from './tokens.ts';

const DAY = 86_400;

/**
 * Token lifetimes of own-data clients (docs/openapi.yaml, "Own-data API access"). The access token is
 * the custodian's usual one (10 minutes). A refresh token lasts 30 days from its issue and is replaced on
 * every use, so a nightly job never needs the password again while it runs at least monthly; its family
 * ends 90 days after the password grant however often it rotates, so a leaked chain dies on its own and
 * the customer re-enters the password four times a year.
 */
export const OWN_API_LIFETIMES = { refresh: 30 * DAY, family: 90 * DAY } as const;

/** The Authorization that holds a client's ceiling (its scope and meters). */
export function ownApiAuthorizationId(clientId: string): string {
  return `api-${clientId}`;
}

/**
 * The stored form of a secret: SHA-256, base64url (the same digest as a PKCE challenge). A secret is
 * 256 random bits, so a slow password hash would add nothing but latency.
 */
export const hashSecret = (secret: string): Promise<string> => pkceChallenge(secret);

/** The registered-client view of a customer's own-data client, if `clientId` is one. */
export function ownApiClientOf(state: CustodianState, clientId: string): Client | undefined {
  const stored = state.ownApiClients[clientId];
  if (!stored) return undefined;
  const ceiling = state.authorizations[stored.authorizationId]?.scope;
  return {
    clientId,
    clientSecretHash: stored.secretHash,
    kind: 'customer-api',
    name: 'Own-data API client',
    description: 'API credentials of the customer, for their own data only.',
    contacts: [],
    redirectUris: [],
    scopes: ceiling ? [ceiling] : [],
    bulkCapable: false,
    applicationUse: 1,
    customerId: stored.customerId,
  };
}

/** When a refresh token of this client ends, and its family. */
export function refreshLifetimes(client: Client, authTime: number, faults: Faults) {
  return client.kind === 'customer-api'
    ? { refresh: OWN_API_LIFETIMES.refresh, familyEnd: authTime + OWN_API_LIFETIMES.family }
    : { refresh: faults.refreshTokenLifetime, familyEnd: authTime + faults.sessionLifetime };
}

/**
 * Notes that a token of family `fid` was used, for the portal's list. Written at most once a minute per
 * family, so a script paging through a feed does not rewrite the store on every request.
 */
export function noteOwnApiTokenUse(store: CustodianStore, fid: string, at: number): void {
  const token = store.state.ownApiTokens[fid];
  if (!token || (token.lastUsedAt !== undefined && at - token.lastUsedAt < 60)) return;
  store.update((s) => {
    const current = s.ownApiTokens[fid];
    if (current) current.lastUsedAt = at;
  });
}

/**
 * An OAuth scope with its ESPI scope cut down to `ceiling` (function blocks in both, the shorter
 * history): what a refresh issues after the customer narrowed the client's ceiling.
 */
export function narrowToCeiling(oauthScope: string, ceiling: string): string {
  const limit = parseScope(ceiling);
  return oauthScope
    .split(' ')
    .filter(Boolean)
    .map((term) => {
      if (!term.startsWith('FB=')) return term;
      const scope = parseScope(term);
      const history = Math.min(
        scope.historyLength?.seconds ?? Infinity,
        limit.historyLength?.seconds ?? Infinity,
      );
      return formatScope({
        ...scope,
        functionBlocks: scope.functionBlocks.filter((fb) => limit.functionBlocks.includes(fb)),
        ...(Number.isFinite(history)
          ? { historyLength: { raw: String(history), seconds: history, asMonths: false } }
          : {}),
      });
    })
    .join(' ');
}
