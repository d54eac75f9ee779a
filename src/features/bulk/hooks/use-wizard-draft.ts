import { useCallback, useState } from 'react';
import { draftStore, newDraft, type WizardDraft } from '../model/wizard-draft.ts';

const store = () => draftStore(window.sessionStorage);

/**
 * The wizard's draft as React state, written through to sessionStorage on every change, so a sign-in
 * or renewal redirect (or a reload) comes back to the same step with the same choices and key.
 */
export function useWizardDraft(owner: string) {
  const [draft, setDraft] = useState<WizardDraft>(() => store().load(owner) ?? newDraft(owner));
  const update = useCallback((change: (d: WizardDraft) => WizardDraft) => {
    setDraft((current) => {
      const next = change(current);
      store().save(next);
      return next;
    });
  }, []);
  /** A fresh attempt: new key, nothing chosen. */
  const restart = useCallback(() => {
    const next = newDraft(owner);
    store().save(next);
    setDraft(next);
  }, [owner]);
  /** The grant exists: the draft (and its key) must not be submitted again. */
  const finish = useCallback(() => store().clear(), []);
  return { draft, update, restart, finish };
}
