import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findCustomerByUsername } from '../../custodian/directory.ts';
import { NODE_BASE_URL, startNodeCustodian, type NodeCustodian } from '../../custodian/node.ts';
import {
  basicAuthorization,
  curlCommand,
  requestOwnDataToken,
  revokeAccessToken,
} from './api-access-client.ts';
import { narrowScope } from './api-access-scope.ts';
import { OWN_DATA_SCOPE } from '../../custodian/directory.ts';

const TOKEN = `${NODE_BASE_URL}/oauth/token`;
const REVOKE = `${NODE_BASE_URL}/oauth/revoke`;
const USERINFO = `${NODE_BASE_URL}/oauth/userinfo`;
const apiClient = findCustomerByUsername('commercial')?.apiClient;
if (!apiClient) throw new Error('the commercial demo account has no API client');
const credentials = { ...apiClient, username: 'commercial', password: 'demo' };

let custodian: NodeCustodian;
beforeAll(() => {
  custodian = startNodeCustodian();
});
afterAll(() => custodian.close());

/** What the custodian makes of a bearer token: 401 unknown/revoked, 403 known (no openid scope). */
async function statusWith(token: string): Promise<number> {
  return (await fetch(USERINFO, { headers: { Authorization: `Bearer ${token}` } })).status;
}

describe('the password grant for a customer’s own data', () => {
  test('issues a token of the narrower scope asked for, which works until it is revoked', async () => {
    const narrowed = narrowScope(OWN_DATA_SCOPE, [5], 30 * 86_400);
    if (!narrowed.ok) throw new Error(narrowed.problem);
    const result = await requestOwnDataToken(TOKEN, { ...credentials, scope: narrowed.scope });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.token.scope).toBe(narrowed.scope);
    expect(result.token.expiresIn).toBeGreaterThan(0);
    expect(result.token.resourceUri).toMatch(/\/espi\/1_1\/resource\/Batch\/Subscription\//);
    expect(await statusWith(result.token.accessToken)).toBe(403);

    await expect(revokeAccessToken(REVOKE, apiClient, result.token.accessToken)).resolves.toEqual({
      ok: true,
    });
    expect(await statusWith(result.token.accessToken)).toBe(401);
  });

  test('names the part of the form the custodian refused', async () => {
    const wrongSecret = await requestOwnDataToken(TOKEN, {
      ...credentials,
      clientSecret: 'x',
      scope: undefined,
    });
    expect(wrongSecret).toMatchObject({ ok: false, failure: { field: 'client' } });
    const wrongPassword = await requestOwnDataToken(TOKEN, {
      ...credentials,
      password: 'x',
      scope: undefined,
    });
    expect(wrongPassword).toMatchObject({ ok: false, failure: { field: 'account' } });
    const otherAccount = await requestOwnDataToken(TOKEN, {
      ...credentials,
      username: 'household',
      scope: undefined,
    });
    expect(otherAccount).toMatchObject({ ok: false, failure: { field: 'account' } });
    const wider = await requestOwnDataToken(TOKEN, { ...credentials, scope: 'FB=1_3_4_5_46_47' });
    expect(wider).toMatchObject({ ok: false, failure: { field: 'scope' } });
  });

  test('a custodian that cannot be reached is a failure to show, not an exception', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(
      requestOwnDataToken(TOKEN, { ...credentials, scope: undefined }, offline),
    ).resolves.toMatchObject({
      ok: false,
      failure: { field: 'service' },
    });
    await expect(revokeAccessToken(REVOKE, apiClient, 't', offline)).resolves.toMatchObject({ ok: false });
  });
});

test('HTTP Basic form-urlencodes id and secret before base64 (RFC 6749 section 2.3.1)', () => {
  const header = basicAuthorization({ clientId: 'a b', clientSecret: 'p:ss/w+rd' });
  expect(atob(header.replace('Basic ', ''))).toBe('a+b:p%3Ass%2Fw%2Brd');
});

test('the curl command keeps an address with a quote one shell word, run nothing else', () => {
  const address = "https://dc.test/x?q=it's'; echo injected; echo '";
  const command = curlCommand(address, 'tok.en');
  // bash parses the command as written; printf shows the words curl would have been given.
  const words = execFileSync('bash', ['-c', command.replace(/^curl /, "printf '%s\\n' ")], {
    encoding: 'utf8',
  });
  expect(words.split('\n').filter(Boolean)).toEqual([
    '-H',
    'Authorization: Bearer tok.en',
    '-H',
    'Accept: application/atom+xml',
    address,
  ]);
});

test('the curl command quotes the token and the address for the shell', () => {
  expect(curlCommand('https://dc.test/espi/1_1/resource/Batch/Subscription/s1', 'tok.en')).toBe(
    "curl -H 'Authorization: Bearer tok.en' -H 'Accept: application/atom+xml' 'https://dc.test/espi/1_1/resource/Batch/Subscription/s1'",
  );
});
