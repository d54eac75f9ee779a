/**
 * What the portal has to tell a person about their session, outside any page: a tiny external store
 * (read with useSyncExternalStore) because the session lives outside React.
 */
export type SessionNotice = 'session-ending' | 'session-lost' | 'signed-out-elsewhere' | 'signed-out';

export interface SessionNoticeStore {
  get(): SessionNotice | null;
  show(notice: SessionNotice): void;
  dismiss(): void;
  subscribe(listener: () => void): () => void;
}

export function createSessionNoticeStore(): SessionNoticeStore {
  let current: SessionNotice | null = null;
  const listeners = new Set<() => void>();
  const set = (next: SessionNotice | null) => {
    current = next;
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => current,
    show: set,
    dismiss: () => set(null),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
