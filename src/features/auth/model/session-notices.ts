/**
 * What the portal has to tell a person about their session, outside any page: a tiny external store
 * (read with useSyncExternalStore) because the session lives outside React. A notice can outlive
 * the page once: sign-out at the provider leaves the portal and comes back to a new page load.
 */
export type SessionNotice = 'session-ending' | 'session-lost' | 'signed-out-elsewhere' | 'signed-out';

export interface SessionNoticeStore {
  get(): SessionNotice | null;
  show(notice: SessionNotice): void;
  /** Shows `notice` on the next page this tab loads (this one is leaving). */
  showOnNextPage(notice: SessionNotice): void;
  dismiss(): void;
  subscribe(listener: () => void): () => void;
}

const NEXT_PAGE_KEY = 'green-button-portal:notice';
const NOTICES: readonly SessionNotice[] = [
  'session-ending',
  'session-lost',
  'signed-out-elsewhere',
  'signed-out',
];

export function createSessionNoticeStore(
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
): SessionNoticeStore {
  const carried = storage?.getItem(NEXT_PAGE_KEY);
  storage?.removeItem(NEXT_PAGE_KEY);
  let current: SessionNotice | null = NOTICES.find((notice) => notice === carried) ?? null;
  const listeners = new Set<() => void>();
  const set = (next: SessionNotice | null) => {
    current = next;
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => current,
    show(notice) {
      // Said now, so not again on the next page.
      storage?.removeItem(NEXT_PAGE_KEY);
      set(notice);
    },
    showOnNextPage: (notice) => storage?.setItem(NEXT_PAGE_KEY, notice),
    dismiss: () => set(null),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
