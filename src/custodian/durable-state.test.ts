/**
 * The sandbox server's state in SQLite (issue 13): a restart on the same file keeps revocations, grants,
 * consents and the signing key; every start elsewhere has a key of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from './server.ts';
import { initialState } from './seed.ts';
import { defaultDatabasePath, sqliteStorage } from './sqlite-storage.ts';
import { basic, bearer, codeFlow, postForm, type TokenResponse } from '../testing/custodian-client.ts';
import {
  SANDBOX_PORTAL_REDIRECT_URI,
  commercialPortalToken,
  createOwnApiClient,
} from '../testing/own-api-client.ts';

// A fixed port from this worktree's range: the issuer (and so every token's `iss`) names it.
const PORT = 4243;
const folder = mkdtempSync(join(tmpdir(), 'custodian-db-'));
const database = join(folder, 'nested', 'custodian.sqlite');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The commercial account's own-data API client, created in the first run (Basic credentials). */
let API = '';
let clientSecret = '';
const THIRD_PARTY = {
  clientId: 'brightwatt',
  redirectUri: 'http://127.0.0.1/callback',
  scope: 'FB=1_3_4_5_13_14_15_19_32_37_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000',
};

async function passwordTokens(sandbox: SandboxServer): Promise<TokenResponse> {
  const response = await postForm(
    `${sandbox.url}/oauth/token`,
    { grant_type: 'password', username: 'commercial', password: 'demo' },
    { Authorization: API },
  );
  return (await response.json()) as TokenResponse;
}

const feed = (tokens: TokenResponse) =>
  fetch(`${tokens.resourceURI}?max-results=1`, { headers: bearer(tokens.access_token) });

describe('a restart on the same database', () => {
  it('keeps every revocation, every consent and the signing key', async () => {
    const first = await startSandboxServer({ port: PORT, database });
    const portal = await commercialPortalToken(first.url, SANDBOX_PORTAL_REDIRECT_URI);
    const client = await createOwnApiClient(first.url, portal, {
      scope: 'FB=1_3_4_5_13;HistoryLength=2678400',
      usagePointIds: ['up-3001-0001'],
    });
    clientSecret = client.clientSecret;
    API = basic(client.clientId, client.clientSecret);
    const kept = await passwordTokens(first);
    const revoked = await passwordTokens(first);
    const family = await passwordTokens(first);
    const consent = await codeFlow(first.url, THIRD_PARTY, 'brightwatt-secret');
    await postForm(`${first.url}/oauth/revoke`, { token: revoked.access_token }, { Authorization: API });
    await postForm(
      `${first.url}/oauth/revoke`,
      { token: family.refresh_token ?? '', token_type_hint: 'refresh_token' },
      { Authorization: API },
    );
    const settings = {
      budgets: [{ service: 'electricity', monthly: 1250.5 }],
      alerts: { budgetPassed: true, aboveLastYear: true, dataLate: false },
    };
    const saved = await fetch(`${first.url}/api/customer/v1/insight-settings`, {
      method: 'PUT',
      headers: { ...bearer(portal), 'Content-Type': 'application/json' },
      body: JSON.stringify(settings),
    });
    expect(saved.status).toBe(200);
    const jwks = await (await fetch(`${first.url}/oauth/jwks`)).text();
    await first.close();
    // Let this process's HTTP client see the old connections closed before it reuses the port.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const second = await startSandboxServer({ port: PORT, database });
    try {
      expect(await (await fetch(`${second.url}/oauth/jwks`)).text()).toBe(jwks);
      expect((await feed(kept)).status).toBe(200);
      expect((await feed(revoked)).status).toBe(401);
      expect((await feed(family)).status).toBe(401);
      const refreshed = await postForm(
        `${second.url}/oauth/token`,
        { grant_type: 'refresh_token', refresh_token: family.refresh_token ?? '' },
        { Authorization: API },
      );
      expect(refreshed.status).toBe(400);
      // The own-data client, its secret (kept as a hash) and its ceiling are still there.
      expect((await passwordTokens(second)).scope).toBe('FB=1_3_4_5_13;HistoryLength=2678400');
      // The customer's budgets and alerts, as saved.
      const keptSettings = await fetch(`${second.url}/api/customer/v1/insight-settings`, {
        headers: bearer(portal),
      });
      expect(await keptSettings.json()).toMatchObject(settings);
      // The third party's consent is still there, and still works.
      expect((await feed(consent)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('keeps its tables in a schema of its own, at the latest migration', () => {
    const db = new DatabaseSync(database);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'access_log',
        'authorizations',
        'bulk_grant_history',
        'bulk_grants',
        'credentials',
        'idempotency',
        'insight_settings',
        'own_api_clients',
        'own_api_tokens',
        'settings',
        'signing_keys',
      ]),
    );
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(4);
    const clients = db.prepare('SELECT record FROM own_api_clients').all() as { record: string }[];
    expect(clients).toHaveLength(1);
    expect(clients[0]?.record).not.toContain(clientSecret);
    const revocations = db
      .prepare("SELECT count(*) AS n FROM credentials WHERE kind = 'revoked-jti'")
      .get() as {
      n: number;
    };
    expect(revocations.n).toBeGreaterThanOrEqual(1);
    db.close();
  });
});

describe('signing keys', () => {
  it('differ between two sandboxes that do not share a database', async () => {
    const a = await startSandboxServer({ port: 0 });
    const b = await startSandboxServer({ port: 0 });
    try {
      const key = async (s: SandboxServer) =>
        ((await (await fetch(`${s.url}/oauth/jwks`)).json()) as { keys: { x: string }[] }).keys[0]?.x;
      expect(await key(a)).not.toBe(await key(b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('where the database lives', () => {
  it('is CUSTODIAN_DB when set, else under the user’s data folder', () => {
    expect(defaultDatabasePath({ CUSTODIAN_DB: '/tmp/x.sqlite' })).toBe('/tmp/x.sqlite');
    expect(defaultDatabasePath({ XDG_DATA_HOME: '/data' })).toBe(
      process.platform === 'linux' ? '/data/green-button-portal/custodian.sqlite' : expect.any(String),
    );
  });
});

describe('the bulk notification log', () => {
  it('survives a restart with each entry’s delivery, and an ended grant stays notified', () => {
    const path = join(folder, 'notifications.sqlite');
    const first = sqliteStorage(path);
    const state = initialState(Date.parse('2025-06-15T12:00:00Z'));
    const logged = {
      id: 'bn-1',
      at: 1_750_000_000,
      clientId: 'gridflex',
      bulkId: '5101',
      grantId: 'bg-seed-s11',
      change: 'expired' as const,
      notifyUri: 'https://gridflex.example/espi/notify',
      body: '<BatchList xmlns="http://naesb.org/espi"/>',
      delivery: 'failed: HTTP 503',
    };
    state.bulkNotifications.push(logged);
    first.save(state);
    first.close();

    const second = sqliteStorage(path);
    const loaded = second.load();
    second.close();
    expect(loaded?.bulkNotifications).toEqual([logged]);
    expect(loaded?.bulkGrants['bg-seed-s11']?.expiryNotified).toBe(true);
  });
});
