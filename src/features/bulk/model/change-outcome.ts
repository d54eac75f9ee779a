/**
 * What a change to a grant's meters did, read from the grant before and after, not from the request:
 * the custodian's answer is the truth. Meters asked for but not applied are named, so a partial
 * failure says exactly which meters are affected.
 */
export interface ChangeOutcome {
  action: 'add' | 'remove';
  /** Meters whose membership changed as asked. */
  applied: string[];
  /** Meters already as asked before the change (already in, or already out). */
  unchanged: string[];
  /** Meters the change did not reach. */
  failed: string[];
}

export function changeOutcome(
  action: 'add' | 'remove',
  requested: readonly string[],
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
): ChangeOutcome {
  const outcome: ChangeOutcome = { action, applied: [], unchanged: [], failed: [] };
  const wanted = action === 'add';
  for (const id of new Set(requested)) {
    if (before.has(id) === wanted) outcome.unchanged.push(id);
    else if (after.has(id) === wanted) outcome.applied.push(id);
    else outcome.failed.push(id);
  }
  return outcome;
}

/** Nothing changed at all: the whole request failed (the screen then says "unchanged"). */
export function nothingApplied(outcome: ChangeOutcome): boolean {
  return outcome.applied.length === 0;
}
