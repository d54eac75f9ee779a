import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, isLoopback, startSandboxServer, type SandboxServer } from './server.ts';
import {
  basic,
  bearer,
  codeFlow,
  pkcePair,
  postForm,
  type TokenResponse,
} from '../testing/custodian-client.ts';
import { SANDBOX_PORTAL_REDIRECT_URI } from '../testing/own-api-client.ts';
import { assertValidEspi } from '../testing/test-data.ts';

const run = promisify(execFile);
let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0 });
});
afterAll(() => sandbox.close());

/** The first ```sh block of the README's sandbox section (or of a heading in it), as written. */
function readmeSession(heading = '## Sandbox: the mock custodian'): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no sh block in the sandbox section');
  return block;
}

describe('the sandbox over real HTTP', () => {
  it('runs the README curl session as written', async () => {
    const script = readmeSession();
    expect(script).toContain(`B=http://localhost:${DEFAULT_PORT}`);
    const port = new URL(sandbox.url).port;
    const { stdout } = await run(
      'bash',
      ['-e', '-c', script.replace(`localhost:${DEFAULT_PORT}`, `localhost:${port}`)],
      {
        timeout: 30_000,
      },
    );
    // 1. discovery
    expect(stdout).toContain(`"issuer": "${sandbox.url}"`);
    // 4. the script's password grant: the client's ceiling, the customer's subscription
    expect(stdout).toContain(
      '"scope": "FB=1_3_4_5_13_14_19_32_37_39;IntervalDuration=900;HistoryLength=2678400"',
    );
    expect(stdout).toContain(
      `"resourceURI": "${sandbox.url}/espi/1_1/resource/Batch/Subscription/self-rc-3001"`,
    );
    // 5. the feed after the refresh: its title, a usage point of the ceiling, readings
    expect(stdout).toContain('<title>Green Button Subscription</title>');
    expect(stdout).toContain('<title>Distribution Center #001: Main service</title>');
    expect(stdout).toMatch(/<espi:value>\d+<\/espi:value>/);
    // 6. the customer's records: the first site's address and its last bill
    expect(stdout).toContain('<addressGeneral>100 Commerce Way</addressGeneral>');
    expect(stdout).toContain('<postalCode>12207</postalCode>');
    expect(stdout).toMatch(/<lastBillAmount>\d+<\/lastBillAmount>/);
    // 7. the one token family revoked, 8. the feed and the refresh refused afterwards
    expect(stdout.trim().split('\n').slice(-3)).toEqual(['revoked', '401', '400']);
  });

  it('runs the README bulk session as written: one feed carries several customers’ grants', async () => {
    const script = readmeSession('### Bulk: one feed, many customers');
    const port = new URL(sandbox.url).port;
    const { stdout } = await run(
      'bash',
      ['-e', '-c', script.replace(`localhost:${DEFAULT_PORT}`, `localhost:${port}`)],
      { timeout: 30_000 },
    );
    // 1. both of GridFlex's bulks are published
    expect(stdout).toContain(`${sandbox.url}/espi/1_1/resource/Batch/Bulk/5101</espi:resourceURI>`);
    expect(stdout).toContain(`${sandbox.url}/espi/1_1/resource/Batch/Bulk/5103</espi:resourceURI>`);
    // 2. one feed, meters under several grants (of several customers)
    expect(stdout.match(/^\s*\d+ bg-seed-/gm)?.length).toBeGreaterThan(2);
    // 3. one grant's own terms
    expect(stdout).toMatch(/<espi:scope>FB=[\d_]+;[^<]*BR=5101<\/espi:scope>/);
  });

  it('serves the sign-in and consent page, escapes third-party text, and redirects with a code', async () => {
    const { verifier, challenge } = await pkcePair('s');
    const params = new URLSearchParams({
      client_id: 'markup-test',
      redirect_uri: 'http://127.0.0.1/callback',
      response_type: 'code',
      scope:
        'FB=1_3_4_5_13_14_15_19_32_37_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000',
      state: 'st',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await fetch(`${sandbox.url}/oauth/authorize?${params}`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const form = await page.text();
    expect(form).toContain('<label for="username">Username</label>');
    expect(form).toContain('<label for="password">Password</label>');
    expect(form).not.toContain('<img src=x');

    const wrong = await postForm(`${sandbox.url}/oauth/authorize`, {
      ...Object.fromEntries(params),
      username: 'household',
      password: 'x',
    });
    expect(wrong.status).toBe(401);

    const consent = await (
      await postForm(`${sandbox.url}/oauth/authorize`, {
        ...Object.fromEntries(params),
        username: 'household',
        password: 'demo',
      })
    ).text();
    expect(consent).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(consent).not.toContain('<img src=x');
    expect(consent).toContain('name="usage_point" value="up-1001-e"');
    // The end is shown and may be brought forward: the earliest day offered is tomorrow.
    expect(consent).toContain('<label for="access_ends">Access ends on (UTC)</label>');
    const earliest = /name="access_ends"[^>]* min="(\d{4}-\d{2}-\d{2})"/.exec(consent)?.[1] ?? '';
    expect(Date.parse(`${earliest}T00:00:00Z`) - Date.now()).toBeLessThan(86_400_000);
    const interaction = /name="interaction" value="([^"]+)"/.exec(consent)?.[1] ?? '';

    const decision = await fetch(`${sandbox.url}/oauth/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['interaction', interaction],
        ['usage_point', 'up-1001-e'],
        ['access_ends', earliest],
        ['decision', 'approve'],
      ]),
      redirect: 'manual',
    });
    expect(decision.status).toBe(303);
    const location = new URL(decision.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('st');
    const token = await postForm(
      `${sandbox.url}/oauth/token`,
      {
        grant_type: 'authorization_code',
        code: location.searchParams.get('code') ?? '',
        redirect_uri: 'http://127.0.0.1/callback',
        code_verifier: verifier,
      },
      { Authorization: basic('markup-test', 'markup-test-secret') },
    );
    const tokens = (await token.json()) as TokenResponse;
    // The app's Authorization ends at the end of the day the customer chose.
    const authorization = await (
      await fetch(tokens.authorizationURI, { headers: bearer(tokens.access_token) })
    ).text();
    const period =
      /authorizedPeriod>\s*<(?:espi:)?duration>(\d+)<\/(?:espi:)?duration>\s*<(?:espi:)?start>(\d+)</.exec(
        authorization,
      );
    expect(Number(period?.[1]) + Number(period?.[2])).toBe(
      Date.parse(`${earliest}T00:00:00Z`) / 1000 + 86_399,
    );
    const feed = await fetch(`${tokens.resourceURI}?max-results=40`, {
      headers: bearer(tokens.access_token),
    });
    const xml = await feed.text();
    assertValidEspi(xml);
    expect(xml).toContain('up-1001-e');
    expect(xml).not.toContain('up-1001-g');
  });

  it('shows an error page, never a redirect, for an unregistered redirect_uri', async () => {
    const page = await fetch(
      `${sandbox.url}/oauth/authorize?client_id=brightwatt&redirect_uri=https://evil.example/`,
      { redirect: 'manual' },
    );
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
  });

  it('drops the connection when offline, and the demo controls still answer', async () => {
    const faults = (body: unknown) =>
      fetch(`${sandbox.url}/__demo/faults`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-Demo-Token': sandbox.demoToken },
        body: JSON.stringify(body),
      });
    expect((await faults({ offline: true })).status).toBe(200);
    await expect(fetch(`${sandbox.url}/.well-known/openid-configuration`)).rejects.toThrow();
    await faults({ offline: false, failingPath: '/oauth/jwks', failingStatus: 502 });
    expect((await fetch(`${sandbox.url}/oauth/jwks`)).status).toBe(502);
    expect((await fetch(`${sandbox.url}/.well-known/openid-configuration`)).status).toBe(200);
    const reset = await fetch(`${sandbox.url}/__demo/reset`, {
      method: 'POST',
      headers: { 'X-Demo-Token': sandbox.demoToken },
    });
    expect(reset.status).toBe(200);
    expect((await fetch(`${sandbox.url}/oauth/jwks`)).status).toBe(200);
  });

  it('guards the demo controls with the token it printed, and never returns a secret', async () => {
    const accounts = (headers: Record<string, string>) =>
      fetch(`${sandbox.url}/__demo/accounts`, { headers });
    expect((await accounts({})).status).toBe(403);
    expect((await accounts({ 'X-Demo-Token': 'guess' })).status).toBe(403);
    const answer = await accounts({ 'X-Demo-Token': sandbox.demoToken });
    expect(answer.status).toBe(200);
    const text = await answer.text();
    expect(text).toContain('"username":"commercial"');
    expect(text).not.toMatch(/secret|password/i);
    const lifetimes = await fetch(`${sandbox.url}/__demo/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ accessTokenLifetime: 315_360_000 }),
    });
    expect(lifetimes.status).toBe(403);
  });

  it('allows CORS for its allow-list of origins only, never *', async () => {
    const preflight = (origin: string) =>
      fetch(`${sandbox.url}/oauth/token`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const portal = await preflight('http://localhost:5173');
    expect(portal.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(portal.headers.get('access-control-allow-headers')).toContain('Authorization');
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const discovery = await fetch(`${sandbox.url}/.well-known/openid-configuration`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(discovery.headers.get('access-control-allow-origin')).toBeNull();
    expect(discovery.headers.get('vary')).toContain('Origin');
  });

  it('keeps a revoked token refused after a demo reset', async () => {
    // The portal's token: its authorization is seeded, so only the revocation can refuse it after a reset.
    const portal = await codeFlow(sandbox.url, {
      clientId: 'green-button-portal',
      redirectUri: SANDBOX_PORTAL_REDIRECT_URI,
      scope: 'openid customer_api',
    });
    const me = () => fetch(`${sandbox.url}/api/customer/v1/me`, { headers: bearer(portal.access_token) });
    expect((await me()).status).toBe(200);
    await postForm(`${sandbox.url}/oauth/revoke`, {
      token: portal.access_token,
      client_id: 'green-button-portal',
    });
    const reset = await fetch(`${sandbox.url}/__demo/reset`, {
      method: 'POST',
      headers: { 'X-Demo-Token': sandbox.demoToken },
    });
    expect(reset.status).toBe(200);
    expect((await me()).status).toBe(401);
  });
});

describe('where the demo controls answer', () => {
  it('counts only loopback addresses as loopback', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopback(address), address).toBe(true);
    }
    for (const address of ['10.0.0.7', '192.168.1.2', '::ffff:10.0.0.7', 'fe80::1', '0.0.0.0', undefined]) {
      expect(isLoopback(address), String(address)).toBe(false);
    }
  });
});
