/**
 * Writes to bulk grants. Each one says what it did from the custodian's answer, and when the answer is
 * lost it reads the grant again to find out instead of guessing; each updates the grant it changed
 * and marks the list stale (meter count, status), nothing else.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../lib/api-error.ts';
import { usagePointKeys } from '../../../lib/usage-points.ts';
import { changeOutcome, type ChangeOutcome } from '../model/change-outcome.ts';
import type { GrantDetail } from '../model/grant.ts';
import { isInDoubt, submitGrant, type SubmitAttempt, type SubmitOutcome } from '../model/submit-outcome.ts';
import { bulkKeys, useBulkApi } from './bulk-queries.ts';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function useSubmitGrant() {
  const api = useBulkApi();
  const queryClient = useQueryClient();
  return useMutation<SubmitOutcome, Error, SubmitAttempt>({
    mutationFn: (attempt) =>
      submitGrant({ create: api.createGrant, listGrants: api.listGrants, wait }, attempt),
    onSuccess: async (outcome) => {
      if (outcome.status === 'created') {
        queryClient.setQueryData(bulkKeys.grant(outcome.grant.id), outcome.grant);
      }
      if (outcome.status !== 'not-created')
        await queryClient.invalidateQueries({ queryKey: bulkKeys.grantList() });
      // A refusal may name meters that are no longer eligible: the review shows them from fresh data.
      else if (outcome.refused) await queryClient.invalidateQueries({ queryKey: usagePointKeys.all });
    },
  });
}

export interface MeterChange {
  action: 'add' | 'remove';
  usagePointIds: string[];
  /** One per change the person asked for; a "try again" of the same change reuses it. */
  idempotencyKey: string;
}

/** The result of a change as the page reports it. `known: false`: the utility could not be asked. */
export type MeterChangeResult =
  | { known: true; outcome: ChangeOutcome; grant: GrantDetail; reasons: Map<string, string>; error?: string }
  | { known: false; error: string };

export function useChangeMeters(grant: GrantDetail) {
  const api = useBulkApi();
  const queryClient = useQueryClient();
  return useMutation<MeterChangeResult, Error, MeterChange>({
    mutationFn: async (change) => {
      const before = new Set(grant.usagePointIds);
      const request =
        change.action === 'add' ? { add: change.usagePointIds } : { remove: change.usagePointIds };
      let after: GrantDetail;
      let reasons = new Map<string, string>();
      let error: string | undefined;
      try {
        const answer = await api.changeMeters(grant.id, request, change.idempotencyKey);
        after = answer.grant;
        reasons = new Map(answer.rejected.map((r) => [r.usagePointId, r.reason]));
      } catch (cause) {
        error = describeError(cause);
        try {
          // The answer is lost or a refusal: the grant as it is now says what, if anything, changed.
          after = await api.getGrant(grant.id);
        } catch {
          if (isInDoubt(cause)) return { known: false, error };
          after = grant;
        }
      }
      const outcome = changeOutcome(
        change.action,
        change.usagePointIds,
        before,
        new Set(after.usagePointIds),
      );
      return { known: true, outcome, grant: after, reasons, ...(error ? { error } : {}) };
    },
    onSuccess: async (result) => {
      if (result.known) queryClient.setQueryData(bulkKeys.grant(grant.id), result.grant);
      else await queryClient.invalidateQueries({ queryKey: bulkKeys.grant(grant.id) });
      await queryClient.invalidateQueries({ queryKey: bulkKeys.grantList() });
    },
  });
}

export type RevokeResult =
  { known: true; revoked: boolean; grant: GrantDetail; error?: string } | { known: false; error: string };

export function useRevokeGrant(grant: GrantDetail) {
  const api = useBulkApi();
  const queryClient = useQueryClient();
  return useMutation<RevokeResult, Error, { idempotencyKey: string }>({
    mutationFn: async ({ idempotencyKey }) => {
      try {
        const after = await api.revokeGrant(grant.id, idempotencyKey);
        return { known: true, revoked: after.status === 'revoked', grant: after };
      } catch (cause) {
        const error = describeError(cause);
        try {
          const after = await api.getGrant(grant.id);
          return { known: true, revoked: after.status === 'revoked', grant: after, error };
        } catch {
          return { known: false, error };
        }
      }
    },
    onSuccess: async (result) => {
      if (result.known) queryClient.setQueryData(bulkKeys.grant(grant.id), result.grant);
      else await queryClient.invalidateQueries({ queryKey: bulkKeys.grant(grant.id) });
      await queryClient.invalidateQueries({ queryKey: bulkKeys.grantList() });
    },
  });
}
