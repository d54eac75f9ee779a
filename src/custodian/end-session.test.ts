import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B, startNodeCustodian } from './node.ts';
import { codeFlow, pkcePair } from '../testing/custodian-client.ts';
import { PORTAL as PORTAL_CLIENT } from '../testing/node-custodian.ts';

const custodian = startNodeCustodian();
afterAll(() => custodian.close());
beforeEach(() => custodian.reset());

const PORTAL = { ...PORTAL_CLIENT, scope: 'openid profile offline_access customer_api' };
const POST_LOGOUT = 'https://portal.test/';

async function idToken(): Promise<string> {
  const tokens = await codeFlow(B, PORTAL);
  if (!tokens.id_token) throw new Error('no id_token');
  return tokens.id_token;
}

function logout(params: Record<string, string>) {
  return fetch(`${B}/oauth/logout?${new URLSearchParams(params)}`, { redirect: 'manual' });
}

describe('the end-session endpoint (RP-initiated logout)', () => {
  it('is the one discovery advertises', async () => {
    const doc = (await (await fetch(`${B}/.well-known/openid-configuration`)).json()) as {
      end_session_endpoint: string;
    };
    expect(doc.end_session_endpoint).toBe(`${B}/oauth/logout`);
  });

  it('sends the person back to the registered post-logout URI with the state', async () => {
    const response = await logout({
      id_token_hint: await idToken(),
      post_logout_redirect_uri: POST_LOGOUT,
      state: 's-1',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${POST_LOGOUT}?state=s-1`);
  });

  it('after which the next authorization asks for the password again', async () => {
    await logout({ id_token_hint: await idToken(), post_logout_redirect_uri: POST_LOGOUT });
    const { challenge } = await pkcePair();
    const authorize = await fetch(
      `${B}/oauth/authorize?${new URLSearchParams({
        client_id: PORTAL.clientId,
        redirect_uri: PORTAL.redirectUri,
        response_type: 'code',
        scope: PORTAL.scope,
        state: 's-2',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      })}`,
      { redirect: 'manual' },
    );
    expect(authorize.status).toBe(200);
    expect(await authorize.text()).toContain('type="password"');
  });

  it('is no open redirector: an unregistered URI or a foreign hint is refused', async () => {
    const hint = await idToken();
    const elsewhere = await logout({ id_token_hint: hint, post_logout_redirect_uri: 'https://evil.test/' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
    const forged = await logout({
      id_token_hint: `${hint.slice(0, -4)}AAAA`,
      post_logout_redirect_uri: POST_LOGOUT,
    });
    expect(forged.status).toBe(400);
    const otherClient = await logout({
      id_token_hint: hint,
      client_id: 'brightwatt',
      post_logout_redirect_uri: 'https://brightwatt.example/',
    });
    expect(otherClient.status).toBe(400);
  });

  it('without a redirect URI, says the person is signed out', async () => {
    const response = await logout({});
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('You have signed out');
  });
});
