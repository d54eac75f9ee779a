/**
 * A small OAuth client for the custodian's tests: PKCE, the interaction endpoints, the token endpoint.
 * It speaks HTTP only, so the same helpers drive msw/node and the real sandbox server.
 */
import { pkceChallenge } from '../custodian/tokens.ts';

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  scope: string;
  token_type: string;
  resourceURI: string;
  authorizationURI: string;
}

export function basic(id: string, secret: string): string {
  return `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;
}

export async function pkcePair(seed = 'a'): Promise<{ verifier: string; challenge: string }> {
  const verifier = seed.repeat(43).slice(0, 43) + 'verifier-0123456789';
  return { verifier, challenge: await pkceChallenge(verifier) };
}

export async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export interface FlowOptions {
  clientId: string;
  redirectUri: string;
  scope: string;
  username?: string;
  /** Usage points to approve; undefined = all offered; null = deny. */
  usagePointIds?: string[] | null;
  nonce?: string;
  state?: string;
}

/** The authorize request a client sends for `options`, as the sign-in step carries it. */
export function authorizeRequest(options: FlowOptions, challenge: string): Record<string, string> {
  return {
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope,
    state: options.state ?? 'state-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(options.nonce ? { nonce: options.nonce } : {}),
  };
}

/** The sign-in step of the custodian's page (its JSON form): the customer signs in to that request. */
export function signInStep(base: string, options: FlowOptions, challenge: string): Promise<Response> {
  return postJson(`${base}/oauth/interaction/sign-in`, {
    request: authorizeRequest(options, challenge),
    username: options.username ?? 'household',
    password: 'demo',
  });
}

/** Validate, sign in and (for third parties) decide: the redirect URL the browser would be sent to. */
export async function authorizeRedirect(base: string, options: FlowOptions, challenge: string): Promise<URL> {
  const signIn = await signInStep(base, options, challenge);
  const body = (await signIn.json()) as {
    consentRequired: boolean;
    redirectUrl?: string;
    interaction?: string;
    customer?: { usagePoints: { id: string }[] };
    error_description?: string;
  };
  if (!signIn.ok) throw new Error(`sign-in failed: ${body.error_description}`);
  if (!body.consentRequired) return new URL(body.redirectUrl ?? '');
  const decision = await postJson(`${base}/oauth/interaction/decision`, {
    interaction: body.interaction,
    approve: options.usagePointIds !== null,
    usagePointIds: options.usagePointIds ?? body.customer?.usagePoints.map((u) => u.id) ?? [],
  });
  const decided = (await decision.json()) as { redirectUrl: string };
  return new URL(decided.redirectUrl);
}

/**
 * Redeems an authorization code at the token endpoint, as a confidential client (`secret`) or a public
 * one; `changes` alters the request (a wrong verifier, another redirect_uri) for the tests that refuse it.
 */
export function redeemCode(
  base: string,
  options: FlowOptions,
  grant: { code: string; verifier: string; secret?: string },
  changes: Record<string, string> = {},
): Promise<Response> {
  return postForm(
    `${base}/oauth/token`,
    {
      grant_type: 'authorization_code',
      code: grant.code,
      redirect_uri: options.redirectUri,
      code_verifier: grant.verifier,
      ...(grant.secret ? {} : { client_id: options.clientId }),
      ...changes,
    },
    grant.secret ? { Authorization: basic(options.clientId, grant.secret) } : {},
  );
}

/** The whole authorization-code flow, with the right verifier: the token response. */
export async function codeFlow(base: string, options: FlowOptions, secret?: string): Promise<TokenResponse> {
  const { verifier, challenge } = await pkcePair();
  const redirect = await authorizeRedirect(base, options, challenge);
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`no code in ${redirect}`);
  const response = await redeemCode(base, options, { code, verifier, ...(secret ? { secret } : {}) });
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** Every page of an Atom feed, following its rel="next" links (RFC 5005): each page's XML. */
export async function feedPages(url: string, token: string): Promise<string[]> {
  const pages: string[] = [];
  for (let next: string | undefined = url; next !== undefined;) {
    const response: Response = await fetch(next, { headers: bearer(token) });
    if (response.status !== 200) throw new Error(`${next} answered ${response.status}`);
    const xml: string = await response.text();
    pages.push(xml);
    next = /<link rel="next" href="([^"]+)"/.exec(xml)?.[1]?.replaceAll('&amp;', '&');
  }
  return pages;
}
