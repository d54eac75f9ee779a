/**
 * The grant wizard's draft, kept in sessionStorage: what the person chose so far and the
 * Idempotency-Key of this attempt. A sign-in or session renewal redirects the tab away and back;
 * the draft survives it, so nothing typed is lost, and a submit retried after a network failure
 * reuses the same key, so the custodian creates the grant at most once (docs/security.md, "Faults that
 * must lose nothing"). sessionStorage is per tab and holds no token.
 */
import type { GrantTerm } from './grant.ts';
import type { ScopeChoice } from './grant-scope.ts';

export const DRAFT_STORAGE_KEY = 'green-button-portal:bulk-grant-draft';
export const WIZARD_STEPS = 5;

export interface WizardDraft {
  version: 1;
  /** The signed-in customer (OIDC `sub`) the draft belongs to: another person never sees it. */
  owner: string;
  /** One per wizard attempt: reused by every retry of the submit, replaced only by "start over". */
  idempotencyKey: string;
  step: number;
  clientId: string | null;
  usagePointIds: string[];
  scope: ScopeChoice | null;
  term: GrantTerm;
  /** Epoch ms of the first submit of this attempt; set means the custodian may already have the grant. */
  submittedAt: number | null;
}

export function newDraft(owner: string, newKey: () => string = () => crypto.randomUUID()): WizardDraft {
  return {
    version: 1,
    owner,
    idempotencyKey: newKey(),
    step: 1,
    clientId: null,
    usagePointIds: [],
    scope: null,
    term: { kind: 'until-revoked' },
    submittedAt: null,
  };
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

function isScopeChoice(v: unknown): v is ScopeChoice {
  if (v === null || typeof v !== 'object') return false;
  const c = v as Record<string, unknown>;
  return (
    Array.isArray(c.serviceKinds) &&
    c.serviceKinds.every((k) => typeof k === 'number') &&
    typeof c.intervalSeconds === 'number' &&
    typeof c.historySeconds === 'number'
  );
}

function isTerm(v: unknown): v is GrantTerm {
  if (v === null || typeof v !== 'object') return false;
  const t = v as Record<string, unknown>;
  return t.kind === 'until-revoked' || (t.kind === 'end-date' && typeof t.date === 'string');
}

/** A stored draft, checked field by field: storage is text anyone on the device could have edited. */
export function parseDraft(text: string | null): WizardDraft | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const d = value as Record<string, unknown>;
  const valid =
    d.version === 1 &&
    typeof d.owner === 'string' &&
    typeof d.idempotencyKey === 'string' &&
    d.idempotencyKey.length > 0 &&
    typeof d.step === 'number' &&
    Number.isInteger(d.step) &&
    d.step >= 1 &&
    d.step <= WIZARD_STEPS &&
    (d.clientId === null || typeof d.clientId === 'string') &&
    isStringArray(d.usagePointIds) &&
    (d.scope === null || isScopeChoice(d.scope)) &&
    isTerm(d.term) &&
    (d.submittedAt === null || typeof d.submittedAt === 'number');
  return valid ? (value as WizardDraft) : null;
}

export interface DraftStore {
  /** The owner's draft, or null (none, unreadable, or another person's: that one is dropped). */
  load(owner: string): WizardDraft | null;
  save(draft: WizardDraft): void;
  clear(): void;
}

export function draftStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): DraftStore {
  return {
    load(owner) {
      const draft = parseDraft(storage.getItem(DRAFT_STORAGE_KEY));
      if (draft && draft.owner === owner) return draft;
      storage.removeItem(DRAFT_STORAGE_KEY);
      return null;
    },
    save(draft) {
      try {
        storage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
      } catch {
        // Storage full or disabled (private mode): the wizard still works, the draft just does not
        // outlive the page.
      }
    },
    clear() {
      storage.removeItem(DRAFT_STORAGE_KEY);
    },
  };
}
