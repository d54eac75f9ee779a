/**
 * The authorize request (`B/oauth/authorize` and `B/oauth/interaction/validate`): which client, which
 * redirect URI, PKCE, one ESPI scope; and the authorization response that goes back to the client.
 */
import { z } from 'zod';
import { nowSeconds, oauthScopes, type CustodianContext } from '../context.ts';
import { OWN_DATA_SCOPE, clientDisplayInfo, type Client, type Customer } from '../directory.ts';
import { json, readJson } from '../http-util.ts';
import type { StoredAuthorization } from '../state.ts';
import { randomId, signToken, type CodeClaims } from '../tokens.ts';
import { CUSTOMER_API_SCOPE, STANDARD_SCOPES, scopeView } from './scopes.ts';

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
export function authorizationResponse(
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

/** The authorization response carrying a code for this authorization (what the token endpoint redeems). */
export async function codeRedirect(
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
