/**
 * The access log (issue 15): a third party's ESPI read is recorded with its resource, meters and size;
 * the customer's own reads and refused reads are not; the log is capped; the customer API pages and
 * filters it; the sandbox's SQLite keeps it over a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B } from './node.ts';
import { ACCESS_LOG_CAP } from './access-log.ts';
import { initialState } from './seed.ts';
import { sqliteStorage } from './sqlite-storage.ts';
import { bearer, codeFlow } from '../testing/custodian-client.ts';
import { PORTAL, THIRD_PARTY, TEST_START, startClockedCustodian } from '../testing/node-custodian.ts';

const { clock } = startClockedCustodian();

const API = `${B}/api/customer/v1`;
const ESPI = `${B}/espi/1_1/resource`;

interface LogJson {
  lastAccessedAt: string | null;
  capacity: number;
  total: number;
  entries: {
    at: string;
    resource: string;
    usagePointIds: string[];
    entries: number;
    readings: number;
    bytes: number;
  }[];
}

const portalToken = async (username = 'household') =>
  (await codeFlow(B, { ...PORTAL, username })).access_token;

async function accessLog(token: string, authorizationId: string, query = ''): Promise<LogJson> {
  const response = await fetch(`${API}/authorizations/${authorizationId}/access-log${query}`, {
    headers: bearer(token),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as LogJson;
}

/**
 * A new BrightWatt authorization of every meter of `username`: its token and its id. BrightWatt's scope
 * reaches electricity only: household's one electricity meter, business's two.
 */
async function thirdParty(username = 'household') {
  const tokens = await codeFlow(B, { ...THIRD_PARTY, username }, THIRD_PARTY.secret);
  return { tokens, id: tokens.authorizationURI.split('/').at(-1) ?? '' };
}

async function read(url: string, token: string) {
  const response = await fetch(url, { headers: bearer(token) });
  return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('recording', () => {
  it('records a third party’s read: when, the resource, the meters it carried and its size', async () => {
    const app = await thirdParty();
    clock.ms += 90_000;
    const url = `${app.tokens.resourceURI}/UsagePoint/up-1001-e?published-min=2025-06-01T00:00:00Z`;
    const { status, body } = await read(url, app.tokens.access_token);
    expect(status).toBe(200);
    const xml = new TextDecoder().decode(body);

    const log = await accessLog(await portalToken(), app.id);
    const readAt = new Date(TEST_START + 90_000).toISOString().replace('.000Z', 'Z');
    expect(log.lastAccessedAt).toBe(readAt);
    expect(log.entries).toEqual([
      {
        id: expect.any(String),
        at: readAt,
        resource: url.slice(ESPI.length),
        usagePointIds: ['up-1001-e'],
        entries: count(xml, /<entry[\s>]/g),
        readings: count(xml, /<espi:IntervalReading>/g),
        bytes: body.byteLength,
      },
    ]);
    expect(log.entries[0]?.readings).toBeGreaterThan(10);
  });

  it('names every meter a whole-subscription read carried, and shows in the authorization list', async () => {
    const app = await thirdParty('business');
    const subscription = app.tokens.resourceURI.replace('/Batch/', '/');
    expect((await read(`${subscription}/UsagePoint`, app.tokens.access_token)).status).toBe(200);
    const token = await portalToken('business');
    const [entry] = (await accessLog(token, app.id)).entries;
    expect(entry?.usagePointIds).toEqual(['up-2001-1', 'up-2001-2']);
    const list = (await (await fetch(`${API}/authorizations`, { headers: bearer(token) })).json()) as {
      authorizations: { id: string; lastAccessedAt: string | null }[];
    };
    const byId = new Map(list.authorizations.map((a) => [a.id, a.lastAccessedAt]));
    expect(byId.get(app.id)).toBe(entry?.at);
    expect([...byId.values()].filter((at) => at !== null)).toHaveLength(1);
  });

  it('does not record the customer’s own reads, nor a read the custodian refused', async () => {
    const app = await thirdParty();
    const own = await codeFlow(B, { ...PORTAL, username: 'household' });
    const mine = await read(
      `${ESPI}/Batch/RetailCustomer/rc-1001/UsagePoint?max-results=5`,
      own.access_token,
    );
    expect(mine.status).toBe(200);
    const refused = await read(`${ESPI}/Batch/RetailCustomer/rc-1001/UsagePoint`, app.tokens.access_token);
    expect(refused.status).toBe(403);
    const log = await accessLog(own.access_token, app.id);
    expect(log).toMatchObject({ lastAccessedAt: null, total: 0, entries: [] });
  });

  it(`keeps the latest ${ACCESS_LOG_CAP} reads of an authorization, dropping the oldest`, async () => {
    const app = await thirdParty();
    const extra = 3;
    for (let i = 0; i < ACCESS_LOG_CAP + extra; i++) {
      clock.ms += 1000;
      expect((await read(app.tokens.authorizationURI, app.tokens.access_token)).status).toBe(200);
    }
    const log = await accessLog(await portalToken(), app.id, `?limit=${ACCESS_LOG_CAP}`);
    expect(log.total).toBe(ACCESS_LOG_CAP);
    const oldestKept = new Date(TEST_START + (extra + 1) * 1000).toISOString().replace('.000Z', 'Z');
    expect(log.entries.at(-1)?.at).toBe(oldestKept);
    expect(log.entries[0]?.at).toBe(log.lastAccessedAt);
  }, 60_000);
});

describe('the customer API', () => {
  it('pages the log newest first and filters it by time and meter', async () => {
    const app = await thirdParty('business');
    const times: number[] = [];
    for (const meter of ['up-2001-1', 'up-2001-2', 'up-2001-1']) {
      // Minutes apart: the access token lives ten.
      clock.ms += 120_000;
      times.push(clock.ms);
      await read(`${app.tokens.resourceURI}/UsagePoint/${meter}`, app.tokens.access_token);
    }
    const token = await portalToken('business');
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const page = await accessLog(token, app.id, '?limit=2');
    expect(page.total).toBe(3);
    expect(page.entries.map((e) => e.at)).toEqual([iso(times[2] ?? 0), iso(times[1] ?? 0)]);
    const rest = await accessLog(token, app.id, '?limit=2&offset=2');
    expect(rest.entries.map((e) => e.at)).toEqual([iso(times[0] ?? 0)]);

    const ovens = await accessLog(token, app.id, '?usagePointId=up-2001-1');
    expect(ovens.entries.map((e) => e.usagePointIds)).toEqual([['up-2001-1'], ['up-2001-1']]);
    const range = `?from=${iso(times[1] ?? 0)}&to=${iso(times[2] ?? 0)}`;
    const between = await accessLog(token, app.id, range);
    expect(between.entries.map((e) => e.at)).toEqual([iso(times[1] ?? 0)]);
    // The last access is the app's, whatever the filter shows.
    expect(between.lastAccessedAt).toBe(iso(times[2] ?? 0));

    const bad = await fetch(`${API}/authorizations/${app.id}/access-log?from=yesterday`, {
      headers: bearer(token),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error_description: string }).error_description).toMatch(/^from must be/);
  });

  it('answers 404 for another customer’s authorization', async () => {
    const app = await thirdParty();
    const other = await portalToken('business');
    const response = await fetch(`${API}/authorizations/${app.id}/access-log`, { headers: bearer(other) });
    expect(response.status).toBe(404);
  });
});

describe('the sandbox database', () => {
  const folder = mkdtempSync(join(tmpdir(), 'access-log-db-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps the log over a restart, and forgets the reads dropped by the cap', () => {
    const path = join(folder, 'custodian.sqlite');
    const read = (id: string, at: number) => ({
      id,
      at,
      resource: '/Batch/Subscription/s-1',
      usagePointIds: ['up-1001-e'],
      entries: 3,
      readings: 24,
      bytes: 4096,
    });
    const state = { ...initialState(TEST_START), accessLog: { 'a-1': [read('r-1', 1), read('r-2', 2)] } };
    const first = sqliteStorage(path);
    first.save(state);
    state.accessLog['a-1'] = [read('r-2', 2), read('r-3', 3)];
    first.save(state);
    first.close();
    const second = sqliteStorage(path);
    expect(second.load()?.accessLog).toEqual({ 'a-1': [read('r-2', 2), read('r-3', 3)] });
    second.close();
  });
});
