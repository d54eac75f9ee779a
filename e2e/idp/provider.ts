/**
 * A utility's identity provider for the end-to-end tests: panva's `oidc-provider` (OpenID Certified),
 * configured as strictly as a utility's authorization server would be. PKCE S256 is required; a
 * refresh token comes only with offline_access, which the provider grants only on consent (prompt=
 * consent, OIDC Core 11); refresh tokens rotate; tokens can be revoked; RP-initiated logout ends the
 * session; access tokens are 30-second RFC 9068 JWTs for one audience (RFC 8707), which the userinfo
 * endpoint refuses. Its sign-in and consent pages check the demo accounts' passwords.
 *
 * Run by Playwright's web server set-up (servers.ts): `node e2e/idp/provider.ts`, configured by
 * environment (IDP_PORT, PORTAL_ORIGIN, API_AUDIENCE, ACCESS_TOKEN_SECONDS).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors, type Configuration } from 'oidc-provider';
import { escapeHtml } from '../../src/custodian/authorize-page.ts';
import { DEMO_PASSWORD, findCustomerByUsername } from '../../src/custodian/directory.ts';

const PORT = Number(process.env.IDP_PORT);
const ISSUER = `http://127.0.0.1:${PORT}`;
const { PORTAL_ORIGIN = '', API_AUDIENCE = '' } = process.env;
const ACCESS_TOKEN_SECONDS = Number(process.env.ACCESS_TOKEN_SECONDS);

const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'e2e-es256', alg: 'ES256', use: 'sig' };

const configuration: Configuration = {
  clients: [
    {
      client_id: 'green-button-portal',
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`${PORTAL_ORIGIN}/auth/callback`],
      post_logout_redirect_uris: [`${PORTAL_ORIGIN}/`],
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['e2e-only-cookie-key'] },
  scopes: ['openid', 'profile', 'offline_access', 'customer_api'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
  // The name goes into the id_token: the portal takes its profile from there (userinfo off).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  ttl: {
    AccessToken: ACCESS_TOKEN_SECONDS,
    IdToken: ACCESS_TOKEN_SECONDS,
    AuthorizationCode: 60,
    RefreshToken: 3600,
    Grant: 3600,
    Interaction: 600,
    Session: 3600,
  },
  rotateRefreshToken: true,
  issueRefreshToken: async (_ctx, client, code) =>
    client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  clientBasedCORS: (_ctx, origin) => origin === PORTAL_ORIGIN,
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page(
          'Sign out of the utility?',
          `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`,
        );
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('Signed out', '<p>You are signed out of the utility.</p>');
      },
    },
    resourceIndicators: {
      enabled: true,
      // Strict: the token endpoint must name the resource again; without it the provider issues an
      // opaque token for its userinfo endpoint only.
      useGrantedResource: async () => false,
      getResourceServerInfo: async (_ctx, resource) => {
        if (resource !== API_AUDIENCE) throw new errors.InvalidTarget();
        return {
          scope: 'customer_api',
          audience: API_AUDIENCE,
          accessTokenTTL: ACCESS_TOKEN_SECONDS,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        };
      },
    },
  },
  findAccount: async (_ctx, sub) => {
    const customer = findCustomerByUsername(sub);
    if (!customer) return undefined;
    return {
      accountId: sub,
      claims: async () => ({ sub, name: customer.displayName, preferred_username: customer.username }),
    };
  },
  interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Sign-in error', `<p>${escapeHtml(`${out.error}: ${out.error_description ?? ''}`)}</p>`);
  },
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}: Utility IdP</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const provider = new Provider(ISSUER, configuration);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function loginPage(uid: string, error?: string): string {
  return page(
    'Sign in to your utility',
    `${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>`,
  );
}

function consentPage(uid: string, scope: string): string {
  return page(
    'Allow the Green Button Portal?',
    `<p>It asks for: ${escapeHtml(scope)}.</p>
<form method="post" action="/interaction/${uid}/consent"><button type="submit">Allow</button></form>`,
  );
}

/** The provider's own sign-in and consent steps (oidc-provider leaves the pages to its host). */
async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, step: string | undefined) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (req.method === 'GET') {
    if (prompt.name === 'login') return html(res, 200, loginPage(uid));
    return html(res, 200, consentPage(uid, String(params.scope ?? '')));
  }
  if (step === 'login') {
    const form = await readForm(req);
    const username = form.get('username') ?? '';
    if (!findCustomerByUsername(username) || form.get('password') !== DEMO_PASSWORD) {
      return html(res, 401, loginPage(uid, 'The username or password is not right.'));
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: username } },
      {
        mergeWithLastSubmission: false,
      },
    );
  }
  if (step === 'consent' && session?.accountId) {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
    if (!grant) throw new Error('grant not found');
    const missing = prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }
  return html(res, 400, page('Not supported', '<p>Unknown step.</p>'));
}

const handleOidc = provider.callback();
const server = createServer((req, res) => {
  // Browsers ask every site for an icon; a 404 would be a console error in the tests.
  if (req.url === '/favicon.ico') return void res.writeHead(204).end();
  const match = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec(req.url ?? '');
  if (!match?.[1]) return void handleOidc(req, res);
  interaction(req, res, match[1], match[2]).catch((error: unknown) => {
    html(res, 500, page('Sign-in error', `<p>${escapeHtml(String(error))}</p>`));
  });
});
server.listen(PORT, '127.0.0.1', () => {
  console.log(`oidc-provider (e2e) on ${ISSUER}, trusting ${PORTAL_ORIGIN}, audience ${API_AUDIENCE}`);
});
