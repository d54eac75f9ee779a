/**
 * What every endpoint of one mock custodian shares: its URLs, clock, store and client registry, and
 * the two checks every protected endpoint runs (who is calling, and is that authorization alive).
 */
import { THIRD_PARTIES, portalClient, type Client } from './directory.ts';
import { bearerError, bearerToken } from './http-util.ts';
import { noteOwnApiTokenUse, ownApiClientOf } from './own-api-clients.ts';
import { createRateLimits, type RateLimits } from './rate-limits.ts';
import type { BulkGrant, CustodianStore, StoredAuthorization } from './state.ts';
import type { ExternalIssuer } from './external-issuer.ts';
import { ESPI_RESOURCE_PATH, verifyToken, type GrantClaims } from './tokens.ts';
import { secondsOf } from '../espi/index.ts';

export interface CustodianContext {
  /** Base URL `B`, no trailing slash; also the OIDC issuer. */
  baseUrl: string;
  /** `B/espi/1_1/resource` */
  espiBase: string;
  store: CustodianStore;
  /** The registered clients; customers' own-data clients live in the store (findClient). */
  clients: ReadonlyMap<string, Client>;
  /** Origins allowed by CORS. */
  allowedOrigins: ReadonlySet<string>;
  /** What `B/__demo` controls ask for, when the host sets one (handlers.ts). */
  demoToken?: string;
  /** Sign-in and token-endpoint throttles. */
  limits: RateLimits;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Another authorization server whose access tokens the APIs accept too. */
  externalIssuer?: ExternalIssuer;
  /** POST notifications to the third parties' notify URIs (else they are only logged). */
  deliverNotifications: boolean;
}

export function createContext(options: {
  baseUrl: string;
  store: CustodianStore;
  portalRedirectUris: string[];
  thirdPartyRedirectUris: string[];
  /**
   * Every third party's scope-selection screen, `{clientId}` standing for its id: a page of the host's
   * that plays the app (the browser demo), instead of the app's own site.
   */
  thirdPartyScopeSelectionUri?: string;
  allowedOrigins?: string[];
  demoToken?: string;
  now: () => number;
  externalIssuer?: ExternalIssuer;
  /** Every third party's notify URI becomes this one (a listener of the host's), and notifications are POSTed. */
  notifyUri?: string;
}): CustodianContext {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const thirdParties = THIRD_PARTIES.map((c) => ({
    ...c,
    redirectUris: [...c.redirectUris, ...options.thirdPartyRedirectUris],
    ...(options.thirdPartyScopeSelectionUri
      ? { scopeSelectionUri: options.thirdPartyScopeSelectionUri.replace('{clientId}', c.clientId) }
      : {}),
    ...(options.notifyUri ? { notifyUri: options.notifyUri } : {}),
  }));
  const clients = [portalClient(options.portalRedirectUris), ...thirdParties];
  return {
    baseUrl,
    espiBase: `${baseUrl}${ESPI_RESOURCE_PATH}`,
    store: options.store,
    clients: new Map(clients.map((c) => [c.clientId, c])),
    allowedOrigins: new Set(
      options.allowedOrigins ??
        [baseUrl, ...options.portalRedirectUris, ...options.thirdPartyRedirectUris].map(
          (uri) => new URL(uri).origin,
        ),
    ),
    ...(options.demoToken ? { demoToken: options.demoToken } : {}),
    limits: createRateLimits(),
    now: options.now,
    ...(options.externalIssuer ? { externalIssuer: options.externalIssuer } : {}),
    deliverNotifications: options.notifyUri !== undefined,
  };
}

/** A registered client, or a customer's own-data API client. */
export function findClient(ctx: CustodianContext, clientId: string): Client | undefined {
  return ctx.clients.get(clientId) ?? ownApiClientOf(ctx.store.state, clientId);
}

export function nowSeconds(ctx: CustodianContext): number {
  return secondsOf(ctx.now());
}

export type AuthorizationStatus = 'active' | 'expired' | 'revoked' | 'denied';

/** Reference 2.2: the schema knows revoked/active/denied; "expired" is derived from authorizedPeriod. */
export function authorizationStatus(a: StoredAuthorization, at: number): AuthorizationStatus {
  if (a.status !== 'active') return a.status;
  const { start, duration } = a.authorizedPeriod;
  return duration > 0 && start + duration <= at ? 'expired' : 'active';
}

export function bulkGrantStatus(grant: BulkGrant, at: number): 'active' | 'expired' | 'revoked' {
  if (grant.revoked) return 'revoked';
  return grant.termEnd !== null && grant.termEnd <= at ? 'expired' : 'active';
}

export interface Caller {
  claims: GrantClaims;
  authorization: StoredAuthorization;
  client: Client;
}

/**
 * Checks a bearer access token the way the RI's OAuth2 filter does (docs/espi.md 1.6): anything that is
 * not a live token of a live authorization is 401 invalid_token; scope checks (403) come after.
 */
export async function authenticate(
  ctx: CustodianContext,
  request: Request,
): Promise<{ ok: true; caller: Caller } | { ok: false; response: Response }> {
  const fail = (description: string) => ({
    ok: false as const,
    response: bearerError(401, 'invalid_token', description),
  });
  const token = bearerToken(request);
  if (!token) return fail('This request needs an access token: send Authorization: Bearer <token>.');
  const at = nowSeconds(ctx);
  let verified = await verifyToken<GrantClaims>('access', token, { issuer: ctx.baseUrl, nowSeconds: at });
  if (!verified.ok && verified.reason === 'invalid' && ctx.externalIssuer) {
    verified = await ctx.externalIssuer.verify(token, at);
  }
  if (!verified.ok) {
    return fail(
      verified.reason === 'expired'
        ? 'The access token has expired: refresh it or sign in again.'
        : 'The access token is not one this custodian issued.',
    );
  }
  const { claims } = verified;
  const { state } = ctx.store;
  if (state.faults.expireTokens)
    return fail('The access token has expired (demo fault: every token is expired).');
  if (state.revokedJtis[claims.jti] !== undefined || state.revokedFamilies[claims.fid] !== undefined) {
    return fail('The access token has been revoked.');
  }
  const authorization = state.authorizations[claims.aid];
  const client = findClient(ctx, claims.client_id);
  if (!authorization || !client) return fail('The authorization behind this token no longer exists.');
  const status = authorizationStatus(authorization, at);
  if (status !== 'active') return fail(`The authorization behind this token is ${status}.`);
  if (client.kind === 'customer-api') noteOwnApiTokenUse(ctx.store, claims.fid, at);
  return { ok: true, caller: { claims, authorization, client } };
}

export function oauthScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(' ').filter(Boolean);
}

/** The one ESPI scope (function blocks) among a token's or request's OAuth scopes. */
export function espiScopeOf(scope: string | undefined): string | undefined {
  return oauthScopes(scope).find((s) => s.startsWith('FB='));
}
