/**
 * The session oidc-client-ts keeps in sessionStorage, read without loading the library: the first page
 * only needs to know whether someone is signed in, and who. The record is the library's own
 * (`User.toStorageString`, under `oidc.user:<authority>:<client_id>`); only the fields shown are read,
 * and a record that does not parse counts as no session. Tokens stay where the library put them.
 */
import type { SessionUser } from '../../../lib/session-state.ts';

/** The sign-in library's storage key for the portal's user (its WebStorageStateStore prefix and user key). */
export function storedUserKey(issuer: string, clientId: string): string {
  return `oidc.user:${issuer}:${clientId}`;
}

export interface StoredSession {
  user: SessionUser;
  /** The access token's expiry, in seconds since the epoch, if the custodian gave a lifetime. */
  expiresAt: number | undefined;
}

interface StoredUserRecord {
  profile?: { sub?: unknown; name?: unknown; preferred_username?: unknown };
  scope?: unknown;
  expires_at?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function readStoredSession(storage: Pick<Storage, 'getItem'>, key: string): StoredSession | null {
  let record: StoredUserRecord;
  try {
    record = JSON.parse(storage.getItem(key) ?? 'null') as StoredUserRecord;
  } catch {
    return null;
  }
  if (typeof record !== 'object' || record === null) return null;
  const profile = record.profile ?? {};
  return {
    user: {
      subject: text(profile.sub) ?? '',
      displayName: text(profile.name) ?? text(profile.preferred_username),
      scope: text(record.scope),
    },
    expiresAt: typeof record.expires_at === 'number' ? record.expires_at : undefined,
  };
}

/** As oidc-client-ts's `User.expired`: no lifetime given means not expired. */
export function isExpired(session: StoredSession, nowSeconds = Date.now() / 1000): boolean {
  return session.expiresAt !== undefined && session.expiresAt - Math.floor(nowSeconds) <= 0;
}
