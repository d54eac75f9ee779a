/**
 * The customer API's own-data API client (issue 16; docs/openapi.yaml, "Own-data API access"): a
 * customer whose account has API access creates one client for their own scripts, sets its ceiling
 * (meters, function blocks, history), rotates its secret, lists its tokens and revokes them. The portal
 * never sees the customer's password: the script makes the password grant itself (oauth/token-password.ts).
 * The secret is returned once, at creation and at each rotation, and kept only as its hash.
 */
import { z } from 'zod';
import { nowSeconds, type CustodianContext } from './context.ts';
import { OWN_DATA_SCOPE, type Customer } from './directory.ts';
import { json, notFound, readJson } from './http-util.ts';
import { OWN_API_LIFETIMES, hashSecret, ownApiAuthorizationId } from './own-api-clients.ts';
import { isScopeWithin } from './scope-limits.ts';
import type { OwnApiClient, OwnApiToken } from './state.ts';
import { isoSeconds } from '../espi/index.ts';

interface OwnApiRequest {
  ctx: CustodianContext;
  request: Request;
  customer: Customer;
  at: number;
}

function problem(status: number, error: string, description: string) {
  return json({ error, error_description: description }, status);
}

/** `B/api/customer/v1/api-client[/...]`, after the customer API has authenticated the customer. */
export async function ownApiRoutes(
  ctx: CustodianContext,
  request: Request,
  customer: Customer,
  segments: string[],
): Promise<Response> {
  const r: OwnApiRequest = { ctx, request, customer, at: nowSeconds(ctx) };
  const method = request.method;
  const [part, id, action, ...extra] = segments;
  if (extra.length) return notFound(segments.join('/'));
  const enabled = customer.ownDataApi === true;
  const stored = enabled ? clientOf(r) : undefined;
  if (!part && method === 'GET') {
    // The username is the one the script's password grant sends (it may differ from the name shown).
    return json({
      enabled,
      username: customer.username,
      maximumScope: OWN_DATA_SCOPE,
      apiClient: stored ? clientJson(r, stored) : null,
    });
  }
  if (!enabled) return problem(403, 'api_access_not_enabled', 'API access is not enabled for this account.');
  if (!part && method === 'POST') return createClient(r, stored);
  if (!stored) return problem(404, 'no_api_client', 'This account has no API client yet: create one first.');
  if (!part && method === 'DELETE') return deleteClient(r, stored);
  if (part === 'ceiling' && !id && method === 'PUT') return setCeiling(r, stored);
  if (part === 'secret' && !id && method === 'POST') return rotateSecret(r, stored);
  if (part === 'tokens') {
    if (!id && method === 'GET') return json({ tokens: tokensOf(r, stored).map((t) => tokenJson(r, t)) });
    if (id === 'revoke' && !action && method === 'POST') {
      return json({ tokens: revokeTokens(r, tokensOf(r, stored)).map((t) => tokenJson(r, t)) });
    }
    const token = tokensOf(r, stored).find((t) => t.id === id);
    if (token && action === 'revoke' && method === 'POST') {
      const [revoked = token] = revokeTokens(r, [token]);
      return json(tokenJson(r, revoked));
    }
    if (!token) return notFound(`No token ${id ?? ''} of this API client.`);
  }
  return notFound(`Nothing at ${method} /api/customer/v1/api-client/${segments.join('/')}.`);
}

function clientOf(r: OwnApiRequest): OwnApiClient | undefined {
  return Object.values(r.ctx.store.state.ownApiClients).find((c) => c.customerId === r.customer.id);
}

function clientJson(r: OwnApiRequest, client: OwnApiClient) {
  const authorization = r.ctx.store.state.authorizations[client.authorizationId];
  return {
    clientId: client.clientId,
    createdAt: isoSeconds(client.createdAt),
    secretIssuedAt: isoSeconds(client.secretIssuedAt),
    ceiling: { scope: authorization?.scope ?? '', usagePointIds: authorization?.usagePointIds ?? [] },
    tokenEndpoint: `${r.ctx.baseUrl}/oauth/token`,
    revocationEndpoint: `${r.ctx.baseUrl}/oauth/revoke`,
    resourceURI: `${r.ctx.espiBase}/Batch/Subscription/${authorization?.subscriptionId ?? ''}`,
    lifetimes: {
      accessToken: r.ctx.store.state.faults.accessTokenLifetime,
      refreshToken: OWN_API_LIFETIMES.refresh,
      refreshTokenFamily: OWN_API_LIFETIMES.family,
    },
  };
}

const Ceiling = z.object({
  scope: z.string().min(1).max(500),
  usagePointIds: z.array(z.string().max(100)).min(1).max(10_000),
});

type CeilingResult = { ok: true; scope: string; usagePointIds: string[] } | { ok: false; response: Response };

/** A ceiling within the account's own data: its scope inside OWN_DATA_SCOPE, only its own meters. */
async function readCeiling(r: OwnApiRequest): Promise<CeilingResult> {
  const body = Ceiling.safeParse(await readJson(r.request));
  if (!body.success) {
    return {
      ok: false,
      response: problem(400, 'invalid_request', 'Send { "scope": "FB=...", "usagePointIds": [...] }.'),
    };
  }
  const { scope, usagePointIds } = body.data;
  if (!isScopeWithin(scope, OWN_DATA_SCOPE)) {
    return {
      ok: false,
      response: problem(
        400,
        'invalid_scope',
        `The scope must be within this account's own data: ${OWN_DATA_SCOPE}.`,
      ),
    };
  }
  const own = new Set(r.customer.usagePoints.map((up) => up.id));
  // Another customer's meter gets the same answer as an id that does not exist.
  const foreign = usagePointIds.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    return {
      ok: false,
      response: problem(
        400,
        'invalid_usage_points',
        `Not meters of this account: ${foreign.slice(0, 5).join(', ')}.`,
      ),
    };
  }
  return { ok: true, scope, usagePointIds: [...new Set(usagePointIds)] };
}

/** 256 random bits, base64url, with a prefix that secret scanners can recognise. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `gbs_${btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;
}

async function createClient(r: OwnApiRequest, existing: OwnApiClient | undefined): Promise<Response> {
  if (existing) {
    return problem(
      409,
      'api_client_exists',
      'This account already has an API client: rotate its secret instead.',
    );
  }
  const ceiling = await readCeiling(r);
  if (!ceiling.ok) return ceiling.response;
  const secret = newSecret();
  const secretHash = await hashSecret(secret);
  const { customer, at } = r;
  const clientId = r.ctx.store.nextId(`${customer.username}-api`);
  const client: OwnApiClient = {
    clientId,
    customerId: customer.id,
    secretHash,
    createdAt: at,
    secretIssuedAt: at,
    authorizationId: ownApiAuthorizationId(clientId),
  };
  r.ctx.store.update((s) => {
    s.ownApiClients[clientId] = client;
    // The ceiling is an own-data Authorization: the ESPI API already holds every token to its meters and scope.
    s.authorizations[client.authorizationId] = {
      id: client.authorizationId,
      customerId: customer.id,
      clientId,
      kind: 'own',
      scope: ceiling.scope,
      usagePointIds: ceiling.usagePointIds,
      status: 'active',
      authorizedPeriod: { start: at, duration: 0 },
      publishedPeriod: { start: at, duration: 0 },
      subscriptionId: s.authorizations[`own-${customer.id}`]?.subscriptionId ?? `self-${customer.id}`,
      createdAt: at,
      updatedAt: at,
    };
  });
  return json({ ...clientJson(r, client), clientSecret: secret }, 201);
}

/**
 * A new ceiling holds at once: meters at the next request (the Authorization is read live), function
 * blocks and history too, since a token wider than its ceiling is refused (espi-request.ts) until it is
 * refreshed, and a refresh narrows it (oauth/token-refresh.ts).
 */
async function setCeiling(r: OwnApiRequest, client: OwnApiClient): Promise<Response> {
  const ceiling = await readCeiling(r);
  if (!ceiling.ok) return ceiling.response;
  r.ctx.store.update((s) => {
    const authorization = s.authorizations[client.authorizationId];
    if (authorization) {
      Object.assign(authorization, {
        scope: ceiling.scope,
        usagePointIds: ceiling.usagePointIds,
        updatedAt: r.at,
      });
    }
  });
  return json(clientJson(r, client));
}

/** The old secret stops working at once; tokens already issued are not touched (revoke them too if it leaked). */
async function rotateSecret(r: OwnApiRequest, client: OwnApiClient): Promise<Response> {
  const secret = newSecret();
  const secretHash = await hashSecret(secret);
  const rotated = r.ctx.store.update((s) => {
    const stored = s.ownApiClients[client.clientId];
    if (stored) Object.assign(stored, { secretHash, secretIssuedAt: r.at });
    return stored ?? client;
  });
  return json({ ...clientJson(r, rotated), clientSecret: secret });
}

/** Removes the client: every token of it ends, and its id and secret no longer mean anything. */
function deleteClient(r: OwnApiRequest, client: OwnApiClient): Response {
  revokeTokens(r, tokensOf(r, client));
  const without = <T>(records: Record<string, T>, id: string) =>
    Object.fromEntries(Object.entries(records).filter(([key]) => key !== id));
  r.ctx.store.update((s) => {
    s.ownApiClients = without(s.ownApiClients, client.clientId);
    s.authorizations = without(s.authorizations, client.authorizationId);
  });
  return new Response(null, { status: 204 });
}

function tokensOf(r: OwnApiRequest, client: OwnApiClient): OwnApiToken[] {
  return Object.values(r.ctx.store.state.ownApiTokens)
    .filter((t) => t.clientId === client.clientId && t.customerId === r.customer.id)
    .sort((a, b) => b.issuedAt - a.issuedAt);
}

function tokenStatus(r: OwnApiRequest, token: OwnApiToken): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt !== undefined || r.ctx.store.state.revokedFamilies[token.id] !== undefined)
    return 'revoked';
  return token.refreshExpiresAt <= r.at ? 'expired' : 'active';
}

function tokenJson(r: OwnApiRequest, token: OwnApiToken) {
  const when = (seconds: number | undefined) => (seconds === undefined ? null : isoSeconds(seconds));
  return {
    id: token.id,
    status: tokenStatus(r, token),
    scope: token.scope,
    issuedAt: isoSeconds(token.issuedAt),
    refreshedAt: when(token.refreshedAt),
    lastUsedAt: when(token.lastUsedAt),
    accessTokenExpiresAt: isoSeconds(token.accessExpiresAt),
    refreshTokenExpiresAt: isoSeconds(token.refreshExpiresAt),
    familyExpiresAt: isoSeconds(token.familyExpiresAt),
    revokedAt: when(token.revokedAt),
  };
}

/** Ends each family: its access token fails at the next request, its refresh token at the next refresh. */
function revokeTokens(r: OwnApiRequest, tokens: OwnApiToken[]): OwnApiToken[] {
  return r.ctx.store.update((s) =>
    tokens.map((token) => {
      const stored = s.ownApiTokens[token.id] ?? token;
      if (tokenStatus(r, stored) === 'active') {
        stored.revokedAt = r.at;
        s.revokedFamilies[token.id] = stored.refreshExpiresAt;
      }
      return stored;
    }),
  );
}
