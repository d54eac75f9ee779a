/**
 * The mock custodian's one mutable store: authorizations (consents, denials, revocations), bulk
 * grants, idempotency records, token revocation/rotation state (jti sets only: tokens are signed JWTs
 * and are never stored), faults and lifetimes. Each host persists it through a `CustodianStorage`:
 * SQLite in the sandbox server (sqlite-storage.ts), localStorage in the browser demo (a reload keeps
 * what the person did), memory in tests. The signing key is kept beside the state, never in it.
 */
import type { JWK } from 'jose';
import { type EpochSeconds, secondsOf } from '../espi/index.ts';

/** Where one custodian's signing key (a private JWK) lives: generated on first start, then kept. */
export interface KeyStore {
  load(): JWK | undefined;
  save(key: JWK): void;
}

export interface CustodianStorage {
  /** The saved state, or undefined on a first start. */
  load(): CustodianState | undefined;
  /** Saves the state after a change; synchronous, so a change and its saving are one step. */
  save(state: CustodianState): void;
  signingKey: KeyStore;
}

/** State and key as JSON text under two names of a string store (memory, Web Storage). */
function textStorage(read: (name: string) => string | null, write: (name: string, value: string) => void) {
  const parse = <T>(name: string): T | undefined => {
    const text = read(name);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  };
  return {
    load: () => upgrade(parse<Partial<CustodianState>>('state')),
    save: (state: CustodianState) => write('state', JSON.stringify(state)),
    signingKey: {
      load: () => parse<JWK>('signing-key'),
      save: (key: JWK) => write('signing-key', JSON.stringify(key)),
    },
  } satisfies CustodianStorage;
}

export function memoryStorage(): CustodianStorage & { text(): string } {
  const values = new Map<string, string>();
  return {
    ...textStorage(
      (name) => values.get(name) ?? null,
      (name, value) => values.set(name, value),
    ),
    /** Everything stored but the key, as text (tests look for tokens in it). */
    text: () => values.get('state') ?? '',
  };
}

/**
 * Web Storage (localStorage) under one key prefix. Holds no token (see the module comment); the key
 * is this browser's own, so tokens of one browser's demo mean nothing to another's.
 */
export function webStorage(storage: Storage, key = 'green-button-mock-custodian'): CustodianStorage {
  return textStorage(
    (name) => storage.getItem(name === 'state' ? key : `${key}-${name}`),
    (name, value) => storage.setItem(name === 'state' ? key : `${key}-${name}`, value),
  );
}

export interface Faults {
  /** Added to every response, milliseconds. */
  latencyMs: number;
  /** Share of requests (0..1) answered with 503, chosen by a seeded sequence (repeatable). */
  errorRate: number;
  /** Requests whose path (after the base URL) contains this text fail with `failingStatus`. */
  failingPath: string | null;
  failingStatus: number;
  /** Every bearer or refresh token is treated as expired. */
  expireTokens: boolean;
  /** Every request fails with a network error. */
  offline: boolean;
  /** Seconds. */
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  codeLifetime: number;
  /** Seconds from sign-in after which no refresh works: rotation never extends a session past it. */
  sessionLifetime: number;
}

export const DEFAULT_FAULTS: Faults = {
  latencyMs: 0,
  errorRate: 0,
  failingPath: null,
  failingStatus: 500,
  expireTokens: false,
  offline: false,
  accessTokenLifetime: 600,
  refreshTokenLifetime: 8 * 3600,
  codeLifetime: 60,
  sessionLifetime: 24 * 3600,
};

export type AuthorizationState = 'active' | 'revoked' | 'denied';

/** A customer's authorization of one client (ESPI Authorization plus what the custodian keeps). */
export interface StoredAuthorization {
  id: string;
  customerId: string;
  clientId: string;
  /** `third-party` authorizations are what the customer manages; `own` back the portal and password-grant tokens. */
  kind: 'third-party' | 'own' | 'bulk' | 'client';
  scope: string;
  usagePointIds: string[];
  status: AuthorizationState;
  grantType?: 'authorization_code' | 'client_credentials';
  /** ESPI DateTimeInterval, epoch seconds; duration 0 = open-ended (docs/espi.md 2.2). */
  authorizedPeriod: { start: number; duration: number };
  publishedPeriod: { start: number; duration: number };
  subscriptionId: string;
  /** Epoch seconds. */
  createdAt: number;
  updatedAt: number;
  revokedAt?: number;
  /** The customer's changes and renewals, oldest first (authorization-changes.ts); absent: none yet. */
  history?: AuthorizationChange[];
}

/** What an authorization grants, as one change left it: scope, meters, and the end of its term. */
export interface AuthorizationTerms {
  scope: string;
  usagePointIds: string[];
  /** Epoch seconds; null: open-ended. */
  end: number | null;
}

/** One change of a third-party authorization by its customer: narrowed, or renewed (a later end). */
export interface AuthorizationChange {
  at: number;
  action: 'narrowed' | 'renewed';
  before: AuthorizationTerms;
  after: AuthorizationTerms;
}

export interface BulkGrantChange {
  at: number;
  action: 'created' | 'meters-added' | 'meters-removed' | 'revoked';
  usagePointIds: string[];
  idempotencyKey?: string;
}

export interface BulkGrant {
  id: string;
  bulkId: string;
  customerId: string;
  clientId: string;
  usagePointIds: string[];
  /** The ESPI scope with `BR={bulkId}` (docs/espi.md 4.5). */
  scope: string;
  /** Epoch seconds, or null: until revoked. */
  termEnd: number | null;
  revoked: boolean;
  createdAt: number;
  updatedAt: number;
  revokedAt?: number;
  history: BulkGrantChange[];
  /** Set once the aggregator has been told that the term ended (expiry happens by the clock, not by a request). */
  expiryNotified?: boolean;
}

/**
 * A change a third party was told of (bulk-notifications.ts): a bulk's membership, or one of its
 * customers' authorizations narrowed or renewed (then `bulkId` is absent).
 */
export interface BulkNotification {
  id: string;
  /** Epoch seconds. */
  at: number;
  clientId: string;
  bulkId?: string;
  /** The bulk grant's or authorization's id: its Authorization resource. */
  grantId: string;
  change: BulkGrantChange['action'] | 'expired' | AuthorizationChange['action'];
  notifyUri: string;
  /** The ESPI BatchList POSTed to `notifyUri`. */
  body: string;
  /** `logged`: recorded only (the host POSTs nothing); `pending`, then `delivered` (2xx) or `failed: ...`. */
  delivery: string;
}

/**
 * One ESPI read made with a third party's token, as the customer's access log keeps it (access-log.ts).
 * Epoch seconds; `resource` is the path under the ESPI base with its query.
 */
export interface AccessLogEntry {
  id: string;
  at: number;
  resource: string;
  /** The usage points whose data the response carried. */
  usagePointIds: string[];
  /** Atom entries, interval readings and bytes of the response body as sent. */
  entries: number;
  readings: number;
  bytes: number;
}

export interface IdempotencyRecord {
  /** What the first request asked for: a retry with the same key must ask the same. */
  fingerprint: string;
  status: number;
  body: unknown;
  at: number;
}

/**
 * A customer's own-data API client (own-api.ts): its secret is kept only as a SHA-256 hash, and its
 * ceiling is the Authorization `authorizationId` (meters, function blocks, history) every token of it
 * is held within.
 */
export interface OwnApiClient {
  clientId: string;
  customerId: string;
  /** base64url SHA-256 of the secret (a 256-bit random value, so a fast hash is enough). */
  secretHash: string;
  /** Epoch seconds. */
  createdAt: number;
  secretIssuedAt: number;
  authorizationId: string;
}

/** One password grant of an own-data client and the refreshes after it: a refresh-token family. */
export interface OwnApiToken {
  /** The refresh-token family id (the `fid` claim of its access and refresh tokens). */
  id: string;
  clientId: string;
  customerId: string;
  scope: string;
  /** Epoch seconds: the password grant, the latest refresh, the latest use of a token of it. */
  issuedAt: number;
  refreshedAt?: number;
  lastUsedAt?: number;
  /** Epoch seconds: the current access token's end, the current refresh token's, the family's. */
  accessExpiresAt: number;
  refreshExpiresAt: number;
  familyExpiresAt: number;
  revokedAt?: number;
}

/** jti (or refresh-token family) to the epoch second after which it no longer needs remembering. */
export type JtiSet = Record<string, number>;

export interface CustodianState {
  version: 1;
  authorizations: Record<string, StoredAuthorization>;
  bulkGrants: Record<string, BulkGrant>;
  /** The latest bulk notifications, oldest first (the sandbox's notification log, bounded). */
  bulkNotifications: BulkNotification[];
  idempotency: Record<string, IdempotencyRecord>;
  /** Per third-party authorization id, its latest reads, oldest first (bounded: access-log.ts). */
  accessLog: Record<string, AccessLogEntry[]>;
  revokedJtis: JtiSet;
  usedJtis: JtiSet;
  revokedFamilies: JtiSet;
  /** Own-data API clients by client id, and their token families by family id. */
  ownApiClients: Record<string, OwnApiClient>;
  ownApiTokens: Record<string, OwnApiToken>;
  faults: Faults;
  /** Counts requests, for the repeatable error-rate fault. */
  requestCount: number;
  sequence: number;
}

export interface CustodianStore {
  readonly state: CustodianState;
  /** Apply a change and persist it. */
  update<T>(change: (state: CustodianState) => T): T;
  reset(): void;
  /** A fresh id, unique within this store's life. */
  nextId(prefix: string): string;
}

export function createStore(
  storage: CustodianStorage,
  initial: () => CustodianState,
  now: () => number,
): CustodianStore {
  let state = storage.load() ?? initial();

  const persist = () => {
    pruneExpired(state, secondsOf(now()));
    storage.save(state);
  };

  return {
    get state() {
      return state;
    },
    update(change) {
      const result = change(state);
      persist();
      return result;
    },
    reset() {
      // A reset restores the seeded data, never a revoked or used credential.
      const { revokedJtis, usedJtis, revokedFamilies } = state;
      state = { ...initial(), revokedJtis, usedJtis, revokedFamilies };
      persist();
    },
    nextId(prefix) {
      state.sequence += 1;
      return `${prefix}-${now().toString(36)}${state.sequence.toString(36)}`;
    },
  };
}

/** A stored state as this version reads it: faults added since are defaulted, another shape dropped. */
export function upgrade(parsed: Partial<CustodianState> | undefined): CustodianState | undefined {
  if (parsed?.version !== 1) return undefined;
  return {
    ...(parsed as CustodianState),
    bulkNotifications: parsed.bulkNotifications ?? [],
    accessLog: parsed.accessLog ?? {},
    ownApiClients: parsed.ownApiClients ?? {},
    ownApiTokens: parsed.ownApiTokens ?? {},
    faults: { ...DEFAULT_FAULTS, ...parsed.faults },
  };
}

function pruneExpired(state: CustodianState, nowSeconds: EpochSeconds): void {
  const live = (set: JtiSet): JtiSet =>
    Object.fromEntries(Object.entries(set).filter(([, until]) => until >= nowSeconds));
  state.revokedJtis = live(state.revokedJtis);
  state.usedJtis = live(state.usedJtis);
  state.revokedFamilies = live(state.revokedFamilies);
  // A log lives as long as its authorization (the demo's synthetic authorizations replace others).
  state.accessLog = Object.fromEntries(
    Object.entries(state.accessLog).filter(([id]) => state.authorizations[id] !== undefined),
  );
  // A family is listed until it could no longer be used anyway.
  state.ownApiTokens = Object.fromEntries(
    Object.entries(state.ownApiTokens).filter(([, token]) => token.refreshExpiresAt >= nowSeconds),
  );
  // A client retries within minutes; a day of idempotency records is plenty.
  state.idempotency = Object.fromEntries(
    Object.entries(state.idempotency).filter(([, record]) => record.at > nowSeconds - 86_400),
  );
}
