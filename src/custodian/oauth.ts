/**
 * The custodian's OAuth 2.0 / OpenID Connect side: discovery, the authorize steps (validate, sign in,
 * decide), the token endpoint (authorization_code with PKCE S256, refresh_token with rotation,
 * password for customers' own API access, client_credentials for third parties), RFC 7009 revocation,
 * userinfo and JWKS. ESPI additions: token responses carry `resourceURI` and `authorizationURI`
 * (docs/espi.md 4.1).
 */
import { z } from 'zod';
import {
  authenticate,
  authorizationStatus,
  espiScopeOf,
  nowSeconds,
  oauthScopes,
  type CustodianContext,
} from './context.ts';
import {
  DEMO_PASSWORD,
  OWN_DATA_SCOPE,
  clientDisplayInfo,
  findCustomer,
  findCustomerByUsername,
  type Client,
  type Customer,
} from './directory.ts';
import {
  basicCredentials,
  bearerError,
  json,
  oauthError,
  readJson,
  readParams,
  tooManyRequests,
} from './http-util.ts';
import { isScopeWithin, scopeLimits } from './scope-limits.ts';
import { describeScope } from '../espi/scope.ts';
import { clientAuthorizationId } from './seed.ts';
import type { Faults, StoredAuthorization } from './state.ts';
import {
  jwks,
  pkceChallenge,
  randomId,
  signToken,
  verifyToken,
  type CodeClaims,
  type GrantClaims,
} from './tokens.ts';

const YEAR = 365 * 86_400;
/** OAuth scopes besides the ESPI one. `customer_api` (the customer API) is for the portal only. */
const STANDARD_SCOPES = ['openid', 'profile', 'email', 'offline_access'];
const CUSTOMER_API_SCOPE = 'customer_api';
const INTERACTION_LIFETIME = 600;

/** History an authorization publishes: the scope's HistoryLength, a year when it says none. */
function historyOf(scope: string): number {
  const seconds = scopeLimits(espiScopeOf(scope) ?? '').historySeconds;
  return Number.isFinite(seconds) ? seconds : YEAR;
}

/** The scope as the consent step shows it: the raw OAuth scope, the ESPI scope, and plain words. */
function scopeView(scope: string) {
  const espi = espiScopeOf(scope) ?? null;
  return { requested: scope, espi, description: espi ? describeScope(espi) : null };
}

export function discovery(ctx: CustodianContext) {
  const b = ctx.baseUrl;
  const espiScopes = [...new Set([...ctx.clients.values()].flatMap((c) => c.scopes))];
  return {
    issuer: b,
    authorization_endpoint: `${b}/oauth/authorize`,
    token_endpoint: `${b}/oauth/token`,
    revocation_endpoint: `${b}/oauth/revoke`,
    userinfo_endpoint: `${b}/oauth/userinfo`,
    jwks_uri: `${b}/oauth/jwks`,
    end_session_endpoint: `${b}/oauth/logout`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    authorization_response_iss_parameter_supported: true,
    grant_types_supported: ['authorization_code', 'refresh_token', 'password', 'client_credentials'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['ES256'],
    scopes_supported: [...STANDARD_SCOPES, CUSTOMER_API_SCOPE, ...espiScopes],
    claims_supported: ['sub', 'name', 'preferred_username', 'email', 'nonce', 'auth_time'],
    // ESPI: where the resources live (docs/espi.md 1.1).
    resource_endpoint: ctx.espiBase,
  };
}

// --- The authorize request -------------------------------------------------------------------------

const AuthorizeRequest = z.object({
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  response_type: z.string().optional(),
  scope: z.string().optional(),
  state: z.string().optional(),
  nonce: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
});
export type AuthorizeRequest = z.infer<typeof AuthorizeRequest>;

export type AuthorizeCheck =
  | { ok: true; request: AuthorizeRequest; client: Client; scope: string }
  /** `redirectUrl` only once client and redirect_uri are known good: otherwise the error is shown, never redirected. */
  | { ok: false; error: string; description: string; redirectUrl?: string };

/**
 * An authorization response: the client's redirect URI with these parameters and `iss` (RFC 9207), so
 * a client talking to several custodians can tell which one answered (mix-up defence).
 */
function authorizationResponse(
  ctx: CustodianContext,
  redirectUri: string,
  params: Record<string, string | undefined>,
): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries({ ...params, iss: ctx.baseUrl })) {
    if (v !== undefined) url.searchParams.set(k, v);
  }
  return url.toString();
}

export function checkAuthorizeRequest(ctx: CustodianContext, input: unknown): AuthorizeCheck {
  const parsed = AuthorizeRequest.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: 'invalid_request',
      description: 'The request needs client_id and redirect_uri.',
    };
  }
  const request = parsed.data;
  const client = ctx.clients.get(request.client_id);
  if (!client || client.kind === 'customer-api') {
    return {
      ok: false,
      error: 'invalid_client',
      description: `No application is registered as "${request.client_id}".`,
    };
  }
  if (!client.redirectUris.includes(request.redirect_uri)) {
    return {
      ok: false,
      error: 'invalid_request',
      description: `The redirect_uri is not registered for ${client.name}. Nothing was sent back to the application.`,
    };
  }
  const back = (error: string, description: string): AuthorizeCheck => ({
    ok: false,
    error,
    description,
    redirectUrl: authorizationResponse(ctx, request.redirect_uri, {
      error,
      error_description: description,
      state: request.state,
    }),
  });
  if (request.response_type !== 'code') {
    return back('unsupported_response_type', 'Only response_type=code is supported.');
  }
  // PKCE is required of every client (RFC 9700 section 2.1.1), confidential ones included.
  if (!request.code_challenge || request.code_challenge_method !== 'S256') {
    return back('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256.');
  }
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(request.code_challenge)) {
    return back('invalid_request', 'code_challenge must be a base64url SHA-256 hash (43 characters).');
  }
  const scopeCheck = checkRequestedScope(client, request.scope);
  if (!scopeCheck.ok) return back('invalid_scope', scopeCheck.description);
  return { ok: true, request, client, scope: scopeCheck.scope };
}

/** One ESPI scope, offered to the client (docs/espi.md 4.3: an authorize request carries exactly one). */
function checkRequestedScope(
  client: Client,
  scope: string | undefined,
): { ok: true; scope: string } | { ok: false; description: string } {
  const requested = oauthScopes(scope);
  const espi = requested.filter((s) => s.startsWith('FB='));
  const allowedOther =
    client.kind === 'first-party' ? [...STANDARD_SCOPES, CUSTOMER_API_SCOPE] : STANDARD_SCOPES;
  const unknown = requested.filter((s) => !s.startsWith('FB=') && !allowedOther.includes(s));
  if (unknown.length) return { ok: false, description: `Unknown scope: ${unknown.join(', ')}.` };
  if (espi.length > 1) return { ok: false, description: 'Ask for one ESPI scope (FB=...) at a time.' };
  const [espiScope] = espi;
  if (espiScope && !client.scopes.includes(espiScope)) {
    return { ok: false, description: `${client.name} is not registered for the scope "${espiScope}".` };
  }
  if (!espiScope) {
    if (client.kind !== 'first-party') {
      return { ok: false, description: 'Ask for one of the ESPI scopes registered for this application.' };
    }
    return { ok: true, scope: [...requested, OWN_DATA_SCOPE].join(' ') };
  }
  return { ok: true, scope: requested.join(' ') };
}

function authorizeErrorResponse(check: Extract<AuthorizeCheck, { ok: false }>): Response {
  return json(
    { error: check.error, error_description: check.description, redirectUrl: check.redirectUrl ?? null },
    400,
  );
}

/** `POST B/oauth/interaction/validate`: is this authorize request acceptable, and what does it ask? */
export async function validateEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const check = checkAuthorizeRequest(ctx, await readJson(request));
  if (!check.ok) return authorizeErrorResponse(check);
  return json({
    client: clientDisplayInfo(check.client, ctx.baseUrl),
    scope: scopeView(check.scope),
    consentRequired: check.client.kind !== 'first-party',
    request: check.request,
  });
}

function tooManySignIns(retryAfter: number): string {
  const minutes = Math.ceil(retryAfter / 60);
  return `Too many sign-in attempts for this account: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function checkCredentials(username: string, password: string): Customer | undefined {
  const customer = findCustomerByUsername(username.trim());
  return customer && password === DEMO_PASSWORD ? customer : undefined;
}

export interface SignInResult {
  status: number;
  headers?: Record<string, string>;
  body:
    | { error: string; error_description: string; redirectUrl?: string | null }
    | { consentRequired: false; redirectUrl: string }
    | {
        consentRequired: true;
        interaction: string;
        customer: { displayName: string; usagePoints: ConsentUsagePoint[] };
        client: ReturnType<typeof clientDisplayInfo>;
        scope: ReturnType<typeof scopeView>;
      };
}

interface ConsentUsagePoint {
  id: string;
  title: string;
  serviceKind: number;
  meterId: string;
  site: string;
  address: string;
}

export async function signIn(
  ctx: CustodianContext,
  input: { request: unknown; username: string; password: string },
): Promise<SignInResult> {
  const check = checkAuthorizeRequest(ctx, input.request);
  if (!check.ok) {
    return {
      status: 400,
      body: {
        error: check.error,
        error_description: check.description,
        redirectUrl: check.redirectUrl ?? null,
      },
    };
  }
  const retryAfter = await ctx.limits.attempt('sign-in', input.username.trim());
  if (retryAfter !== undefined) {
    return {
      status: 429,
      headers: { 'Retry-After': String(retryAfter) },
      body: { error: 'too_many_requests', error_description: tooManySignIns(retryAfter) },
    };
  }
  const customer = checkCredentials(input.username, input.password);
  if (!customer) {
    return {
      status: 401,
      body: { error: 'invalid_credentials', error_description: 'The username or password is not right.' },
    };
  }
  await ctx.limits.forgive('sign-in', input.username.trim());
  if (check.client.kind === 'first-party') {
    const own = ctx.store.state.authorizations[`own-${customer.id}`];
    if (!own)
      return {
        status: 500,
        body: { error: 'server_error', error_description: 'The account has no own access.' },
      };
    return {
      status: 200,
      body: { consentRequired: false, redirectUrl: await codeRedirect(ctx, check, customer, own) },
    };
  }
  const interaction = await signToken(
    'interaction',
    { sub: customer.id, req: check.request, jti: randomId() },
    {
      issuer: ctx.baseUrl,
      audience: ctx.baseUrl,
      nowSeconds: nowSeconds(ctx),
      lifetime: INTERACTION_LIFETIME,
    },
  );
  return {
    status: 200,
    body: {
      consentRequired: true,
      interaction,
      customer: {
        displayName: customer.displayName,
        usagePoints: customer.usagePoints.map((up) => ({
          id: up.id,
          title: up.title,
          serviceKind: up.serviceKind,
          meterId: up.meterId,
          site: up.site,
          address: up.address,
        })),
      },
      client: clientDisplayInfo(check.client, ctx.baseUrl),
      scope: scopeView(check.scope),
    },
  };
}

/** `POST B/oauth/interaction/sign-in` */
export async function signInEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const body = z
    .object({ request: z.record(z.string(), z.string()), username: z.string(), password: z.string() })
    .safeParse(await readJson(request));
  if (!body.success) {
    return oauthError(
      'invalid_request',
      'Send { request: {authorize parameters}, username, password } as JSON.',
    );
  }
  const result = await signIn(ctx, body.data);
  return json(result.body, result.status, result.headers);
}

export interface DecisionResult {
  status: number;
  body: { error: string; error_description: string } | { redirectUrl: string; authorizationId: string };
}

export async function decide(
  ctx: CustodianContext,
  input: { interaction: string; approve: boolean; usagePointIds: string[] },
): Promise<DecisionResult> {
  const fail = (description: string, status = 400): DecisionResult => ({
    status,
    body: { error: 'invalid_request', error_description: description },
  });
  const verified = await verifyToken<{ sub: string; req: unknown; jti: string; exp: number }>(
    'interaction',
    input.interaction,
    {
      issuer: ctx.baseUrl,
      nowSeconds: nowSeconds(ctx),
    },
  );
  if (!verified.ok)
    return fail('This sign-in has expired or is not valid: start again from the application.', 401);
  const interaction = verified.claims;
  const check = checkAuthorizeRequest(ctx, interaction.req);
  const customer = findCustomer(interaction.sub);
  if (!check.ok || !customer) return fail('The authorization request is no longer valid.');
  const owned = new Set(customer.usagePoints.map((up) => up.id));
  const chosen = [...new Set(input.usagePointIds)];
  const foreign = chosen.filter((id) => !owned.has(id));
  if (input.approve && chosen.length === 0) return fail('Choose at least one usage point to share.');
  if (foreign.length) return fail(`Not usage points of this account: ${foreign.join(', ')}.`);

  const at = nowSeconds(ctx);
  const id = ctx.store.nextId('a');
  const authorization: StoredAuthorization = {
    id,
    customerId: customer.id,
    clientId: check.client.clientId,
    kind: 'third-party',
    scope: espiScopeOf(check.scope) ?? check.scope,
    usagePointIds: input.approve ? chosen : [],
    status: input.approve ? 'active' : 'denied',
    grantType: 'authorization_code',
    authorizedPeriod: { start: at, duration: input.approve ? YEAR : 0 },
    publishedPeriod: { start: at - historyOf(check.scope), duration: 0 },
    subscriptionId: `sub-${id.slice(2)}`,
    createdAt: at,
    updatedAt: at,
  };
  // One decision per sign-in: the check and the record happen in one synchronous step (no replay, no race).
  const decided = ctx.store.update((s) => {
    if (s.usedJtis[interaction.jti] !== undefined) return false;
    s.usedJtis[interaction.jti] = interaction.exp;
    s.authorizations[id] = authorization;
    return true;
  });
  if (!decided) return fail('This consent was already given: start again from the application.', 409);
  if (!input.approve) {
    return {
      status: 200,
      body: {
        authorizationId: id,
        redirectUrl: authorizationResponse(ctx, check.request.redirect_uri, {
          error: 'access_denied',
          error_description: 'The customer declined the request.',
          state: check.request.state,
        }),
      },
    };
  }
  return {
    status: 200,
    body: { authorizationId: id, redirectUrl: await codeRedirect(ctx, check, customer, authorization) },
  };
}

/** `POST B/oauth/interaction/decision` */
export async function decisionEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const body = z
    .object({ interaction: z.string(), approve: z.boolean(), usagePointIds: z.array(z.string()).default([]) })
    .safeParse(await readJson(request));
  if (!body.success) {
    return oauthError(
      'invalid_request',
      'Send { interaction, approve: true|false, usagePointIds: [...] } as JSON.',
    );
  }
  const result = await decide(ctx, body.data);
  return json(result.body, result.status);
}

async function codeRedirect(
  ctx: CustodianContext,
  check: Extract<AuthorizeCheck, { ok: true }>,
  customer: Customer,
  authorization: StoredAuthorization,
): Promise<string> {
  const jti = randomId();
  const claims: CodeClaims = {
    sub: customer.id,
    client_id: check.client.clientId,
    scope: check.scope,
    aid: authorization.id,
    fid: jti,
    auth_time: nowSeconds(ctx),
    jti,
    exp: 0,
    redirect_uri: check.request.redirect_uri,
    code_challenge: check.request.code_challenge ?? '',
    offline: true,
    ...(check.request.nonce ? { nonce: check.request.nonce } : {}),
  };
  const { exp: _exp, ...payload } = claims;
  const code = await signToken('code', payload, {
    issuer: ctx.baseUrl,
    audience: ctx.baseUrl,
    nowSeconds: nowSeconds(ctx),
    lifetime: ctx.store.state.faults.codeLifetime,
  });
  return authorizationResponse(ctx, check.request.redirect_uri, { code, state: check.request.state });
}

// --- The token endpoint ----------------------------------------------------------------------------

type ClientAuth = { ok: true; client: Client } | { ok: false; response: Response };

function invalidClient(description: string): Response {
  return oauthError('invalid_client', description, 401, {
    'WWW-Authenticate': 'Basic realm="DataCustodian"',
  });
}

/** ESPI allows only client_secret_basic for confidential clients (docs/espi.md 2.2); the portal is public (PKCE only). */
function authenticateClient(
  ctx: CustodianContext,
  request: Request,
  params: Record<string, string>,
): ClientAuth {
  const basic = basicCredentials(request);
  if (basic) {
    const client = ctx.clients.get(basic.id);
    if (!client?.clientSecret || client.clientSecret !== basic.secret) {
      return { ok: false, response: invalidClient('The client id or secret is not right.') };
    }
    if (params.client_id && params.client_id !== client.clientId) {
      return { ok: false, response: invalidClient('client_id does not match the authenticated client.') };
    }
    return { ok: true, client };
  }
  if (params.client_secret) {
    return {
      ok: false,
      response: invalidClient('Send the client secret with HTTP Basic (client_secret_basic).'),
    };
  }
  const client = params.client_id ? ctx.clients.get(params.client_id) : undefined;
  if (!client) return { ok: false, response: invalidClient('Unknown client: authenticate with HTTP Basic.') };
  if (client.clientSecret) {
    return { ok: false, response: invalidClient(`${client.clientId} must authenticate with HTTP Basic.`) };
  }
  return { ok: true, client };
}

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
  const auth = authenticateClient(ctx, request, params);
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

async function authorizationCodeGrant(ctx: CustodianContext, client: Client, params: Record<string, string>) {
  const at = nowSeconds(ctx);
  if (!params.code) return oauthError('invalid_request', 'code is missing.');
  const verified = await verifyToken<CodeClaims>('code', params.code, {
    issuer: ctx.baseUrl,
    nowSeconds: at,
  });
  if (!verified.ok) {
    return oauthError(
      'invalid_grant',
      verified.reason === 'expired' ? 'The code has expired.' : 'The code is not valid.',
    );
  }
  const code = verified.claims;
  const verifierMatches =
    params.code_verifier !== undefined && (await pkceChallenge(params.code_verifier)) === code.code_challenge;
  // Nothing awaits from here until the code is marked used, so parallel redemptions cannot both pass.
  const { state } = ctx.store;
  if (state.usedJtis[code.jti] !== undefined) {
    // RFC 6749 section 4.1.2: a code used twice revokes what was issued with it.
    ctx.store.update((s) => {
      s.revokedFamilies[code.fid] = at + state.faults.refreshTokenLifetime;
    });
    return oauthError('invalid_grant', 'The code was already used; tokens issued with it are revoked.');
  }
  if (code.client_id !== client.clientId)
    return oauthError('invalid_grant', 'The code was issued to another client.');
  if (params.redirect_uri !== code.redirect_uri) {
    return oauthError('invalid_grant', 'redirect_uri must be the one sent with the authorize request.');
  }
  if (!params.code_verifier) return oauthError('invalid_request', 'code_verifier is missing (PKCE).');
  if (!verifierMatches) {
    return oauthError('invalid_grant', 'The code_verifier does not match the code_challenge (PKCE).');
  }
  const authorization = state.authorizations[code.aid];
  if (!authorization || authorizationStatus(authorization, at) !== 'active') {
    return oauthError('invalid_grant', 'The authorization was revoked before the code was used.');
  }
  ctx.store.update((s) => {
    s.usedJtis[code.jti] = code.exp;
  });
  return issueTokens(ctx, {
    client,
    sub: code.sub,
    scope: code.scope,
    authorization,
    fid: code.fid,
    ...(code.auth_time ? { authTime: code.auth_time } : {}),
    refresh: code.offline,
    ...(code.nonce ? { nonce: code.nonce } : {}),
  });
}

async function refreshTokenGrant(ctx: CustodianContext, client: Client, params: Record<string, string>) {
  const at = nowSeconds(ctx);
  if (!params.refresh_token) return oauthError('invalid_request', 'refresh_token is missing.');
  const verified = await verifyToken<GrantClaims>('refresh', params.refresh_token, {
    issuer: ctx.baseUrl,
    nowSeconds: at,
  });
  if (!verified.ok) {
    return oauthError(
      'invalid_grant',
      verified.reason === 'expired'
        ? 'The refresh token has expired: sign in again.'
        : 'The refresh token is not valid.',
    );
  }
  const old = verified.claims;
  const { state } = ctx.store;
  if (state.faults.expireTokens)
    return oauthError('invalid_grant', 'The refresh token has expired (demo fault).');
  if (old.client_id !== client.clientId)
    return oauthError('invalid_grant', 'The refresh token belongs to another client.');
  if (state.revokedFamilies[old.fid] !== undefined || state.revokedJtis[old.jti] !== undefined) {
    return oauthError('invalid_grant', 'The refresh token has been revoked.');
  }
  if (state.usedJtis[old.jti] !== undefined) {
    // Rotation (RFC 9700 section 4.14.2): a second use of a rotated token means it leaked; end the family.
    ctx.store.update((s) => {
      s.revokedFamilies[old.fid] = at + s.faults.refreshTokenLifetime;
    });
    return oauthError(
      'invalid_grant',
      'The refresh token was already used; every token of this sign-in is revoked.',
    );
  }
  if (at >= sessionEnd(old.auth_time ?? old.iat ?? at, state.faults)) {
    return oauthError('invalid_grant', 'The session has reached its maximum length: sign in again.');
  }
  const authorization = state.authorizations[old.aid];
  if (!authorization || authorizationStatus(authorization, at) !== 'active') {
    return oauthError('invalid_grant', 'The authorization behind this refresh token has ended.');
  }
  let scope = old.scope;
  if (params.scope) {
    const granted = new Set(oauthScopes(old.scope));
    if (!oauthScopes(params.scope).every((s) => granted.has(s))) {
      return oauthError('invalid_scope', 'A refresh can only keep or narrow the granted scope.');
    }
    scope = params.scope;
  }
  ctx.store.update((s) => {
    s.usedJtis[old.jti] = old.exp;
  });
  return issueTokens(ctx, {
    client,
    sub: old.sub,
    scope,
    authorization,
    fid: old.fid,
    ...(old.auth_time ? { authTime: old.auth_time } : {}),
    refresh: true,
  });
}

/**
 * The resource-owner password grant (RFC 6749 section 4.3), only for a customer's own API client and
 * only for that customer's own data: RFC 9700 discourages it, large customers asked for it (issue 5).
 */
async function passwordGrant(ctx: CustodianContext, client: Client, params: Record<string, string>) {
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

async function clientCredentialsGrant(ctx: CustodianContext, client: Client, params: Record<string, string>) {
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

/** The absolute end of a sign-in's refresh-token family (no sliding past it). */
function sessionEnd(authTime: number, faults: Faults): number {
  return authTime + faults.sessionLifetime;
}

async function issueTokens(
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
  const refreshLifetime = Math.min(faults.refreshTokenLifetime, sessionEnd(authTime, faults) - at);
  if (grant.refresh && refreshLifetime > 0) {
    body.refresh_token = await signToken(
      'refresh',
      { ...claims, jti: randomId() },
      { ...signing, audience: ctx.baseUrl, lifetime: refreshLifetime },
    );
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

function profileClaims(customer: Customer, scope: string): Record<string, string> {
  const scopes = oauthScopes(scope);
  return {
    ...(scopes.includes('profile')
      ? { name: customer.displayName, preferred_username: customer.username }
      : {}),
    ...(scopes.includes('email') ? { email: customer.email } : {}),
  };
}

// --- Revocation, userinfo, JWKS --------------------------------------------------------------------

/** RFC 7009: 200 whether or not the token was known, so it reveals nothing. */
export async function revokeEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const params = await readParams(request);
  if (!params?.token) return oauthError('invalid_request', 'token is missing.');
  const auth = authenticateClient(ctx, request, params);
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
      if (kind === 'refresh') s.revokedFamilies[fid] = at + s.faults.refreshTokenLifetime;
      else s.revokedJtis[jti] = exp;
    });
    break;
  }
  return new Response(null, { status: 200, headers: { 'Cache-Control': 'no-store' } });
}

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

export async function jwksEndpoint(ctx: CustodianContext): Promise<Response> {
  return json(await jwks(ctx.baseUrl), 200, { 'Cache-Control': 'public, max-age=3600' });
}
