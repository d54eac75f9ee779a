/**
 * Finding out what happened to a grant submit whose answer never arrived. The request may have been
 * lost on the way (nothing created) or after the custodian created the grant (created, answer lost).
 * The portal retries with the same Idempotency-Key, which the custodian answers with the first
 * result instead of creating a second grant; when even that fails it looks the grant up in the list.
 * The person is then told one of three plain things: created, not created, or not known yet.
 */
import { ApiError } from '../../../lib/api-error.ts';
import type { GrantDetail, GrantSummary, NewGrant } from './grant.ts';

export type SubmitOutcome =
  | { status: 'created'; grant: GrantDetail; via: 'answer' | 'retry' | 'lookup' }
  /** `refused`: the custodian answered no (a new attempt needs a new key); otherwise the request never arrived. */
  | { status: 'not-created'; reason: string; refused: boolean }
  | { status: 'unknown'; reason: string };

export interface SubmitAttempt {
  grant: NewGrant;
  idempotencyKey: string;
  /** Epoch ms of the first submit of this attempt. */
  startedAt: number;
}

export interface SubmitDeps {
  create(grant: NewGrant, idempotencyKey: string): Promise<GrantDetail>;
  /** The customer's grants with their history, where the attempt's grant would be. */
  listGrants(): Promise<GrantDetail[]>;
  wait(ms: number): Promise<void>;
}

/** A failure after which the request may or may not have reached the custodian. */
export function isInDoubt(error: unknown): boolean {
  return error instanceof ApiError && error.retryable;
}

const sameMembers = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
};

/**
 * Grants in the list that this attempt could have created: same aggregator, same number of meters,
 * created no earlier than the attempt (a minute of clock skew allowed). Newest first.
 */
export function candidateGrants<T extends GrantSummary>(grants: readonly T[], attempt: SubmitAttempt): T[] {
  return grants
    .filter(
      (g) =>
        g.aggregator.clientId === attempt.grant.clientId &&
        g.meterCount === attempt.grant.usagePointIds.length &&
        g.createdAt >= attempt.startedAt - 60_000,
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** The grant this attempt created: its `created` change carries the attempt's Idempotency-Key. */
export function createdByAttempt(detail: GrantDetail, attempt: SubmitAttempt): boolean {
  const created = detail.history.find((c) => c.action === 'created');
  if (!created) return false;
  if (created.idempotencyKey !== undefined) return created.idempotencyKey === attempt.idempotencyKey;
  // A custodian that does not echo keys: the exact meter set is the next best evidence.
  return sameMembers(created.usagePointIds, attempt.grant.usagePointIds);
}

export const RETRY_DELAYS_MS = [500, 2000];

export async function submitGrant(deps: SubmitDeps, attempt: SubmitAttempt): Promise<SubmitOutcome> {
  let lastError: unknown;
  for (let i = 0; i <= RETRY_DELAYS_MS.length; i++) {
    if (i > 0) await deps.wait(RETRY_DELAYS_MS[i - 1] ?? 0);
    try {
      const grant = await deps.create(attempt.grant, attempt.idempotencyKey);
      return { status: 'created', grant, via: i === 0 ? 'answer' : 'retry' };
    } catch (error) {
      lastError = error;
      if (!isInDoubt(error)) {
        return { status: 'not-created', reason: reasonOf(error), refused: true };
      }
    }
  }
  return lookUp(deps, attempt, lastError);
}

async function lookUp(deps: SubmitDeps, attempt: SubmitAttempt, cause: unknown): Promise<SubmitOutcome> {
  try {
    const grants = await deps.listGrants();
    const found = candidateGrants(grants, attempt).find((g) => createdByAttempt(g, attempt));
    if (found) return { status: 'created', grant: found, via: 'lookup' };
    return {
      status: 'not-created',
      reason: `The utility has no grant from this request. ${reasonOf(cause)}`,
      refused: false,
    };
  } catch {
    return { status: 'unknown', reason: reasonOf(cause) };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.detail ? `${error.message} (${error.detail})` : error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}
