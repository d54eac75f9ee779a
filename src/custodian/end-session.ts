/**
 * `B/oauth/logout`: OpenID Connect RP-Initiated Logout 1.0, the `end_session_endpoint` discovery
 * advertises. The mock keeps no sign-in session at its authorize page (every authorization asks for
 * the password), so ending the session means: check the request, say so, and send the person back.
 * A `post_logout_redirect_uri` is followed only when registered for the client (section 3) and the
 * `id_token_hint`, when sent, must be one this custodian issued to that client: otherwise anyone
 * could use the endpoint as an open redirector.
 */
import { decodeJwt } from 'jose';
import { escapeHtml } from './authorize-page.ts';
import type { CustodianContext } from './context.ts';
import type { Client } from './directory.ts';
import { verifyToken } from './tokens.ts';

export const END_SESSION_PATH = '/oauth/logout';

/** A client's post-logout redirect URIs: the root of each origin it is registered to come back to. */
export function postLogoutRedirectUris(client: Client): string[] {
  return [...new Set(client.redirectUris.map((uri) => `${new URL(uri).origin}/`))];
}

function page(title: string, message: string, status: number): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}: Mock Data Custodian</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    },
  });
}

/** The client the hint was issued to, when the hint is a (possibly expired) id_token of this custodian. */
async function hintedClientId(ctx: CustodianContext, hint: string): Promise<string | undefined> {
  let issuedAt: number | undefined;
  try {
    issuedAt = decodeJwt(hint).iat;
  } catch {
    return undefined;
  }
  // An expired id_token is still a good hint (RP-Initiated Logout section 2): check it as of its issue.
  const verified = await verifyToken<{ aud?: string | string[] }>('idToken', hint, {
    issuer: ctx.baseUrl,
    nowSeconds: issuedAt ?? 0,
  });
  if (!verified.ok) return undefined;
  const { aud } = verified.claims;
  return Array.isArray(aud) ? aud[0] : aud;
}

export async function endSessionEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const params = request.method === 'POST' ? new URLSearchParams(await request.text()) : url.searchParams;
  const hint = params.get('id_token_hint');
  const redirectUri = params.get('post_logout_redirect_uri');
  const hintedClient = hint ? await hintedClientId(ctx, hint) : undefined;
  if (hint && !hintedClient) {
    return page('Sign-out not completed', 'The id_token_hint is not one this custodian issued.', 400);
  }
  const clientId = params.get('client_id') ?? hintedClient;
  if (hintedClient && clientId !== hintedClient) {
    return page('Sign-out not completed', 'client_id does not match the id_token_hint.', 400);
  }
  if (!redirectUri) {
    return page('You have signed out', 'You are signed out of the utility. You can close this page.', 200);
  }
  const client = clientId ? ctx.clients.get(clientId) : undefined;
  if (!client || !postLogoutRedirectUris(client).includes(redirectUri)) {
    return page(
      'Sign-out not completed',
      'The post_logout_redirect_uri is not registered for this application.',
      400,
    );
  }
  const back = new URL(redirectUri);
  const state = params.get('state');
  if (state) back.searchParams.set('state', state);
  return new Response(null, { status: 303, headers: { Location: back.href, 'Cache-Control': 'no-store' } });
}
