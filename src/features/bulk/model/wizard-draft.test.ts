import { describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY, draftStore, newDraft, parseDraft } from './wizard-draft.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('wizard draft', () => {
  it('starts at step 1 with a fresh idempotency key per attempt', () => {
    const a = newDraft('rc-3001');
    const b = newDraft('rc-3001');
    expect(a.step).toBe(1);
    expect(a.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
  });

  it('survives a round trip through storage with its key unchanged (a sign-in redirect)', () => {
    const storage = memoryStorage();
    const store = draftStore(storage);
    const draft = {
      ...newDraft('rc-3001', () => 'key-1'),
      step: 4,
      clientId: 'gridflex',
      usagePointIds: ['up-1', 'up-2'],
      scope: { serviceKinds: [0], intervalSeconds: 3600, historySeconds: 34_128_000 },
      term: { kind: 'end-date' as const, date: '2030-01-31' },
      submittedAt: 1_700_000_000_000,
    };
    store.save(draft);
    expect(draftStore(storage).load('rc-3001')).toEqual(draft);
  });

  it("never gives one person another's draft, and drops it", () => {
    const storage = memoryStorage();
    draftStore(storage).save(newDraft('rc-3001'));
    expect(draftStore(storage).load('rc-1001')).toBeNull();
    expect(storage.map.has(DRAFT_STORAGE_KEY)).toBe(false);
  });

  it('rejects stored text that is not a whole draft', () => {
    const good = newDraft('rc-3001', () => 'k');
    expect(parseDraft(JSON.stringify(good))).toEqual(good);
    expect(parseDraft('not json')).toBeNull();
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, step: 9 }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, idempotencyKey: '' }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, usagePointIds: [1] }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, term: { kind: 'forever' } }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, version: 2 }))).toBeNull();
  });

  it('keeps working when storage refuses to write', () => {
    const store = draftStore({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    expect(() => store.save(newDraft('rc-3001'))).not.toThrow();
  });
});
