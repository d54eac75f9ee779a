import { describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B, NODE_PORTAL_REDIRECT_URI } from './node.ts';
import { createCustodian } from './handlers.ts';
import { memoryStorage } from './state.ts';
import { bearer, codeFlow, postForm } from '../testing/custodian-client.ts';
import { PORTAL as PORTAL_CLIENT } from '../testing/node-custodian.ts';

const PORTAL = { ...PORTAL_CLIENT, scope: 'openid customer_api' };

/** A custodian answering through its plain `handle` function, as a reloaded page would get a fresh one. */
function reload(storage: ReturnType<typeof memoryStorage>) {
  const custodian = createCustodian({ baseUrl: B, storage, portalRedirectUris: [NODE_PORTAL_REDIRECT_URI] });
  const fetchVia = async (input: string | URL | Request, init?: RequestInit) =>
    (await custodian.handle(new Request(input, init))) ?? new Response(null, { status: 599 });
  return { custodian, fetchVia };
}

describe('state across a reload', () => {
  it('keeps tokens valid and revocations in force, and stores no token', async () => {
    const storage = memoryStorage();
    const first = reload(storage);
    const originalFetch = globalThis.fetch;
    globalThis.fetch = first.fetchVia as typeof fetch;
    try {
      const tokens = await codeFlow(B, PORTAL);
      const revokedTokens = await codeFlow(B, PORTAL);
      await postForm(`${B}/oauth/revoke`, {
        token: revokedTokens.access_token,
        client_id: 'green-button-portal',
      });

      const second = reload(storage);
      const me = await second.fetchVia(`${B}/api/customer/v1/me`, { headers: bearer(tokens.access_token) });
      expect(me.status).toBe(200);
      const revoked = await second.fetchVia(`${B}/api/customer/v1/me`, {
        headers: bearer(revokedTokens.access_token),
      });
      expect(revoked.status).toBe(401);

      const stored = storage.text();
      for (const token of [tokens.access_token, tokens.refresh_token, tokens.id_token]) {
        expect(stored).not.toContain(token);
      }
      expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ/);
    } finally {
      globalThis.fetch = originalFetch;
    }
  });
});

describe('faults', () => {
  it('fails a repeatable share of requests at the error rate, and adds latency', async () => {
    const { custodian, fetchVia } = reload(memoryStorage());
    custodian.setFaults({ errorRate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetchVia(`${B}/oauth/jwks`)).status);
    const failures = statuses.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    custodian.reset();
    const again = [];
    custodian.setFaults({ errorRate: 0.5 });
    for (let i = 0; i < 40; i++) again.push((await fetchVia(`${B}/oauth/jwks`)).status);
    expect(again).toEqual(statuses);

    custodian.setFaults({ errorRate: 0, latencyMs: 150 });
    const started = performance.now();
    await fetchVia(`${B}/oauth/jwks`);
    // A floor, not a timing race: the fault must at least wait its latency.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('takes demo controls from its own origin only when the host names no token (the browser worker)', async () => {
    const { fetchVia } = reload(memoryStorage());
    const put = (origin: string) =>
      fetchVia(`${B}/__demo/faults`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ accessTokenLifetime: 60 }),
      });
    expect((await put('https://evil.example')).status).toBe(403);
    expect((await put(new URL(B).origin)).status).toBe(200);
  });

  it('refuses faults it does not know, and lifetimes past their bounds', async () => {
    const { fetchVia } = reload(memoryStorage());
    const response = await fetchVia(`${B}/__demo/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(response.status).toBe(400);
    const tenYears = await fetchVia(`${B}/__demo/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ accessTokenLifetime: 315_360_000 }),
    });
    expect(tenYears.status).toBe(400);
  });
});
