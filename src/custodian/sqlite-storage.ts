/**
 * The sandbox server's durable state (issue 13): SQLite through Node's built-in `node:sqlite`, one
 * table per kind of record, so that a restart keeps every authorization, bulk grant and its history,
 * idempotency record, revoked or used credential (tokens, codes, consent interactions) and the
 * signing key. Saving writes only the rows that changed since the last save, in one transaction.
 * Migrations are numbered by SQLite's `user_version`; each runs once, in order.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { JWK } from 'jose';
import {
  upgrade,
  type AccessLogEntry,
  type CustodianState,
  type CustodianStorage,
  type JtiSet,
} from './state.ts';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE authorizations (
     id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, client_id TEXT NOT NULL, status TEXT NOT NULL,
     record TEXT NOT NULL);
   CREATE TABLE bulk_grants (
     id TEXT PRIMARY KEY, bulk_id TEXT NOT NULL, customer_id TEXT NOT NULL, client_id TEXT NOT NULL,
     record TEXT NOT NULL);
   CREATE TABLE bulk_grant_history (
     grant_id TEXT NOT NULL REFERENCES bulk_grants(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
     at INTEGER NOT NULL, action TEXT NOT NULL, usage_point_ids TEXT NOT NULL, idempotency_key TEXT,
     PRIMARY KEY (grant_id, seq));
   CREATE TABLE idempotency (key TEXT PRIMARY KEY, at INTEGER NOT NULL, record TEXT NOT NULL);
   -- Revoked access tokens, used codes/refresh tokens/consent interactions, revoked refresh-token
   -- families: kept until the credential they name would have expired anyway.
   CREATE TABLE credentials (
     kind TEXT NOT NULL CHECK (kind IN ('revoked-jti', 'used-jti', 'revoked-family')),
     id TEXT NOT NULL, until INTEGER NOT NULL, PRIMARY KEY (kind, id));
   CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE signing_keys (kid TEXT PRIMARY KEY, jwk TEXT NOT NULL, created_at INTEGER NOT NULL);`,
  // The access log (access-log.ts): one row per recorded read, in the order they were recorded (rowid).
  `CREATE TABLE access_log (
     id TEXT PRIMARY KEY, authorization_id TEXT NOT NULL, at INTEGER NOT NULL, record TEXT NOT NULL);
   CREATE INDEX access_log_by_authorization ON access_log (authorization_id);`,
  // Own-data API clients (the secret only as its hash) and their token families (issue 16).
  `CREATE TABLE own_api_clients (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, record TEXT NOT NULL);
   CREATE TABLE own_api_tokens (id TEXT PRIMARY KEY, client_id TEXT NOT NULL, record TEXT NOT NULL);`,
  // Each customer's budgets and chosen alerts (insight-settings.ts, issue 17).
  `CREATE TABLE insight_settings (customer_id TEXT PRIMARY KEY, record TEXT NOT NULL);`,
];

/** `$CUSTODIAN_DB`, else the user's data folder (XDG on Linux, the platform's own elsewhere). */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CUSTODIAN_DB) return env.CUSTODIAN_DB;
  const home = homedir();
  const data =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_DATA_HOME ?? join(home, '.local', 'share'));
  return join(data, 'green-button-portal', 'custodian.sqlite');
}

function migrate(db: DatabaseSync): void {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  MIGRATIONS.slice(version).forEach((sql, i) => {
    db.exec('BEGIN');
    db.exec(sql);
    db.exec(`PRAGMA user_version = ${version + i + 1}`);
    db.exec('COMMIT');
  });
}

type Rows = Map<string, string>;

/** Each table's rows as last saved, keyed by primary key, the value the row's serialized content. */
interface Snapshot {
  authorizations: Rows;
  bulkGrants: Rows;
  idempotency: Rows;
  accessLog: Rows;
  credentials: Rows;
  settings: Rows;
  ownApiClients: Rows;
  ownApiTokens: Rows;
  insightSettings: Rows;
}

const CREDENTIAL_SETS = [
  ['revoked-jti', 'revokedJtis'],
  ['used-jti', 'usedJtis'],
  ['revoked-family', 'revokedFamilies'],
] as const;

function snapshotOf(state: CustodianState): Snapshot {
  const rows = <T>(records: Record<string, T>) =>
    new Map(Object.entries(records).map(([id, r]) => [id, JSON.stringify(r)]));
  const credentials: Rows = new Map();
  for (const [kind, field] of CREDENTIAL_SETS) {
    for (const [id, until] of Object.entries(state[field])) credentials.set(`${kind} ${id}`, String(until));
  }
  return {
    authorizations: rows(state.authorizations),
    bulkGrants: rows(state.bulkGrants),
    idempotency: rows(state.idempotency),
    accessLog: new Map(
      Object.entries(state.accessLog).flatMap(([authorizationId, reads]) =>
        reads.map((read) => [read.id, JSON.stringify({ authorizationId, read })] as const),
      ),
    ),
    credentials,
    ownApiClients: rows(state.ownApiClients),
    ownApiTokens: rows(state.ownApiTokens),
    insightSettings: rows(state.insightSettings),
    settings: new Map([
      ['version', String(state.version)],
      ['faults', JSON.stringify(state.faults)],
      ['requestCount', String(state.requestCount)],
      ['sequence', String(state.sequence)],
      ['bulkNotifications', JSON.stringify(state.bulkNotifications)],
    ]),
  };
}

/** What changed between two snapshots of one table: rows to write, keys to delete. */
function changes(before: Rows, after: Rows): { written: [string, string][]; deleted: string[] } {
  return {
    written: [...after].filter(([key, value]) => before.get(key) !== value),
    deleted: [...before.keys()].filter((key) => !after.has(key)),
  };
}

export interface SqliteStorage extends CustodianStorage {
  close(): void;
}

/** A storage in the SQLite file at `path` (created with its folder), or `:memory:`. */
export function sqliteStorage(path: string): SqliteStorage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000');
  migrate(db);

  const statements = {
    putAuthorization: db.prepare(
      `INSERT OR REPLACE INTO authorizations (id, customer_id, client_id, status, record) VALUES (?, ?, ?, ?, ?)`,
    ),
    deleteAuthorization: db.prepare('DELETE FROM authorizations WHERE id = ?'),
    putGrant: db.prepare(
      `INSERT OR REPLACE INTO bulk_grants (id, bulk_id, customer_id, client_id, record) VALUES (?, ?, ?, ?, ?)`,
    ),
    deleteGrant: db.prepare('DELETE FROM bulk_grants WHERE id = ?'),
    deleteHistory: db.prepare('DELETE FROM bulk_grant_history WHERE grant_id = ?'),
    putHistory: db.prepare(
      `INSERT INTO bulk_grant_history (grant_id, seq, at, action, usage_point_ids, idempotency_key)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    putIdempotency: db.prepare('INSERT OR REPLACE INTO idempotency (key, at, record) VALUES (?, ?, ?)'),
    deleteIdempotency: db.prepare('DELETE FROM idempotency WHERE key = ?'),
    putRead: db.prepare(
      'INSERT OR REPLACE INTO access_log (id, authorization_id, at, record) VALUES (?, ?, ?, ?)',
    ),
    deleteRead: db.prepare('DELETE FROM access_log WHERE id = ?'),
    putCredential: db.prepare('INSERT OR REPLACE INTO credentials (kind, id, until) VALUES (?, ?, ?)'),
    deleteCredential: db.prepare('DELETE FROM credentials WHERE kind = ? AND id = ?'),
    putSetting: db.prepare('INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)'),
    putOwnApiClient: db.prepare(
      'INSERT OR REPLACE INTO own_api_clients (id, customer_id, record) VALUES (?, ?, ?)',
    ),
    deleteOwnApiClient: db.prepare('DELETE FROM own_api_clients WHERE id = ?'),
    putOwnApiToken: db.prepare(
      'INSERT OR REPLACE INTO own_api_tokens (id, client_id, record) VALUES (?, ?, ?)',
    ),
    deleteOwnApiToken: db.prepare('DELETE FROM own_api_tokens WHERE id = ?'),
    putInsightSettings: db.prepare(
      'INSERT OR REPLACE INTO insight_settings (customer_id, record) VALUES (?, ?)',
    ),
    deleteInsightSettings: db.prepare('DELETE FROM insight_settings WHERE customer_id = ?'),
  };

  let saved: Snapshot = {
    authorizations: new Map(),
    bulkGrants: new Map(),
    idempotency: new Map(),
    accessLog: new Map(),
    credentials: new Map(),
    settings: new Map(),
    ownApiClients: new Map(),
    ownApiTokens: new Map(),
    insightSettings: new Map(),
  };

  function load(): CustodianState | undefined {
    const settings = new Map(
      (db.prepare('SELECT name, value FROM settings').all() as { name: string; value: string }[]).map((r) => [
        r.name,
        r.value,
      ]),
    );
    if (!settings.has('version')) return undefined;
    const records = <T>(sql: string) =>
      Object.fromEntries(
        (db.prepare(sql).all() as { id: string; record: string }[]).map((r) => [
          r.id,
          JSON.parse(r.record) as T,
        ]),
      );
    const bulkGrants = records<CustodianState['bulkGrants'][string]>('SELECT id, record FROM bulk_grants');
    const history = db
      .prepare(
        'SELECT grant_id, at, action, usage_point_ids, idempotency_key FROM bulk_grant_history ORDER BY seq',
      )
      .all() as {
      grant_id: string;
      at: number;
      action: CustodianState['bulkGrants'][string]['history'][number]['action'];
      usage_point_ids: string;
      idempotency_key: string | null;
    }[];
    for (const grant of Object.values(bulkGrants)) grant.history = [];
    for (const h of history) {
      bulkGrants[h.grant_id]?.history.push({
        at: h.at,
        action: h.action,
        usagePointIds: JSON.parse(h.usage_point_ids) as string[],
        ...(h.idempotency_key === null ? {} : { idempotencyKey: h.idempotency_key }),
      });
    }
    const sets: Record<(typeof CREDENTIAL_SETS)[number][1], JtiSet> = {
      revokedJtis: {},
      usedJtis: {},
      revokedFamilies: {},
    };
    const rows = db.prepare('SELECT kind, id, until FROM credentials').all() as {
      kind: (typeof CREDENTIAL_SETS)[number][0];
      id: string;
      until: number;
    }[];
    for (const row of rows) {
      const field = CREDENTIAL_SETS.find(([kind]) => kind === row.kind)?.[1];
      if (field) sets[field][row.id] = row.until;
    }
    const accessLog: CustodianState['accessLog'] = {};
    const reads = db.prepare('SELECT authorization_id, record FROM access_log ORDER BY rowid').all() as {
      authorization_id: string;
      record: string;
    }[];
    for (const row of reads) {
      (accessLog[row.authorization_id] ??= []).push(JSON.parse(row.record) as AccessLogEntry);
    }
    const state = upgrade({
      version: Number(settings.get('version')) as 1,
      authorizations: records('SELECT id, record FROM authorizations'),
      bulkGrants,
      idempotency: records('SELECT key AS id, record FROM idempotency'),
      accessLog,
      ownApiClients: records('SELECT id, record FROM own_api_clients'),
      ownApiTokens: records('SELECT id, record FROM own_api_tokens'),
      insightSettings: records('SELECT customer_id AS id, record FROM insight_settings'),
      ...sets,
      faults: JSON.parse(settings.get('faults') ?? '{}') as CustodianState['faults'],
      requestCount: Number(settings.get('requestCount') ?? 0),
      sequence: Number(settings.get('sequence') ?? 0),
      bulkNotifications: JSON.parse(
        settings.get('bulkNotifications') ?? '[]',
      ) as CustodianState['bulkNotifications'],
    });
    if (state) saved = snapshotOf(state);
    return state;
  }

  function save(state: CustodianState): void {
    const next = snapshotOf(state);
    db.exec('BEGIN IMMEDIATE');
    try {
      const authorizations = changes(saved.authorizations, next.authorizations);
      for (const [id] of authorizations.written) {
        const a = state.authorizations[id];
        if (a) statements.putAuthorization.run(id, a.customerId, a.clientId, a.status, JSON.stringify(a));
      }
      for (const id of authorizations.deleted) statements.deleteAuthorization.run(id);

      const grants = changes(saved.bulkGrants, next.bulkGrants);
      for (const [id] of grants.written) {
        const g = state.bulkGrants[id];
        if (!g) continue;
        const { history, ...grant } = g;
        statements.putGrant.run(id, g.bulkId, g.customerId, g.clientId, JSON.stringify(grant));
        statements.deleteHistory.run(id);
        history.forEach((h, seq) =>
          statements.putHistory.run(
            id,
            seq,
            h.at,
            h.action,
            JSON.stringify(h.usagePointIds),
            h.idempotencyKey ?? null,
          ),
        );
      }
      for (const id of grants.deleted) statements.deleteGrant.run(id);

      const idempotency = changes(saved.idempotency, next.idempotency);
      for (const [key, record] of idempotency.written) {
        statements.putIdempotency.run(key, state.idempotency[key]?.at ?? 0, record);
      }
      for (const key of idempotency.deleted) statements.deleteIdempotency.run(key);

      const accessLog = changes(saved.accessLog, next.accessLog);
      for (const [id, row] of accessLog.written) {
        const { authorizationId, read } = JSON.parse(row) as {
          authorizationId: string;
          read: AccessLogEntry;
        };
        statements.putRead.run(id, authorizationId, read.at, JSON.stringify(read));
      }
      for (const id of accessLog.deleted) statements.deleteRead.run(id);

      const credentials = changes(saved.credentials, next.credentials);
      const split = (key: string) => [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      for (const [key, until] of credentials.written) {
        const [kind = '', id = ''] = split(key);
        statements.putCredential.run(kind, id, Number(until));
      }
      for (const key of credentials.deleted) {
        const [kind = '', id = ''] = split(key);
        statements.deleteCredential.run(kind, id);
      }

      const clients = changes(saved.ownApiClients, next.ownApiClients);
      for (const [id, record] of clients.written) {
        statements.putOwnApiClient.run(id, state.ownApiClients[id]?.customerId ?? '', record);
      }
      for (const id of clients.deleted) statements.deleteOwnApiClient.run(id);
      const tokens = changes(saved.ownApiTokens, next.ownApiTokens);
      for (const [id, record] of tokens.written) {
        statements.putOwnApiToken.run(id, state.ownApiTokens[id]?.clientId ?? '', record);
      }
      for (const id of tokens.deleted) statements.deleteOwnApiToken.run(id);
      const insightSettings = changes(saved.insightSettings, next.insightSettings);
      for (const [id, record] of insightSettings.written) statements.putInsightSettings.run(id, record);
      for (const id of insightSettings.deleted) statements.deleteInsightSettings.run(id);

      for (const [name, value] of changes(saved.settings, next.settings).written) {
        statements.putSetting.run(name, value);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    saved = next;
  }

  return {
    load,
    save,
    signingKey: {
      load: () => {
        const row = db.prepare('SELECT jwk FROM signing_keys ORDER BY created_at DESC LIMIT 1').get() as
          { jwk: string } | undefined;
        return row ? (JSON.parse(row.jwk) as JWK) : undefined;
      },
      save: (key) => {
        db.prepare('INSERT INTO signing_keys (kid, jwk, created_at) VALUES (?, ?, ?)').run(
          key.kid ?? 'sandbox-es256',
          JSON.stringify(key),
          Date.now(),
        );
      },
    },
    close: () => db.close(),
  };
}
