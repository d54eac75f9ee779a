/**
 * Revoking an authorization: shown at once (optimistic), confirmed by the custodian, and rolled back
 * when it fails. A failed or dropped request is followed by a fresh read of the authorization, so the
 * person is told the truth (docs/security.md, "Faults that must lose nothing"), never left guessing.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { authorizationDetailOptions, authorizationKeys, authorizationUrl } from './authorization-queries.ts';
import { parseAuthorization, type Authorization } from './authorization-schema.ts';

export type RevokeOutcome =
  /** The custodian confirmed; `afterFailure` when that came from the check after a failed request. */
  { authorization: Authorization; afterFailure?: unknown };

/** The revoke did not happen (`still-active`), or whether it did cannot be known now (`unknown`). */
export class RevokeFailure extends Error {
  readonly truth: 'still-active' | 'unknown';
  readonly failure: unknown;
  constructor(truth: 'still-active' | 'unknown', failure: unknown) {
    super(truth === 'still-active' ? 'Access was not revoked.' : 'Whether access was revoked is unknown.', {
      cause: failure,
    });
    this.name = 'RevokeFailure';
    this.truth = truth;
    this.failure = failure;
  }
}

/**
 * Sends the revoke; on any failure reads the authorization again and decides from what the custodian
 * now says. Revoking an already revoked authorization is harmless, so "try again" is always safe.
 */
export async function revokeAndConfirm(steps: {
  revoke: () => Promise<Authorization>;
  readCurrent: () => Promise<Authorization>;
}): Promise<RevokeOutcome> {
  try {
    return { authorization: await steps.revoke() };
  } catch (failure) {
    let current: Authorization;
    try {
      current = await steps.readCurrent();
    } catch {
      throw new RevokeFailure('unknown', failure);
    }
    if (current.status === 'active') throw new RevokeFailure('still-active', failure);
    return { authorization: current, afterFailure: failure };
  }
}

export interface RevokeVariables {
  authorization: Authorization;
}

interface Snapshot {
  list: Authorization[] | undefined;
  detail: Authorization | undefined;
}

/** Puts the custodian's latest answer for one authorization into the list and its detail. */
export function replaceInCaches(queryClient: QueryClient, next: Authorization) {
  queryClient.setQueryData<Authorization>(authorizationKeys.detail(next.id), next);
  queryClient.setQueryData<Authorization[]>(authorizationKeys.list(), (list) =>
    list?.map((a) => (a.id === next.id ? next : a)),
  );
}

export const revokeMutationKey = [...authorizationKeys.all, 'revoke'] as const;

export function revokeRequest(client: ApiClient, customerApiBaseUrl: string, id: string) {
  return async () =>
    parseAuthorization(
      await client.json(`${authorizationUrl(customerApiBaseUrl, id)}/revoke`, {
        method: 'POST',
        idempotencyKey: crypto.randomUUID(),
      }),
    );
}

export function useRevokeAuthorization() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const queryClient = useQueryClient();
  return useMutation<RevokeOutcome, unknown, RevokeVariables, Snapshot>({
    mutationKey: revokeMutationKey,
    mutationFn: ({ authorization }) =>
      revokeAndConfirm({
        revoke: revokeRequest(client, customerApiBaseUrl, authorization.id),
        readCurrent: () =>
          queryClient.fetchQuery({
            ...authorizationDetailOptions(client, customerApiBaseUrl, authorization.id),
            staleTime: 0,
            retry: false,
          }),
      }),
    onMutate: async ({ authorization }) => {
      await queryClient.cancelQueries({ queryKey: authorizationKeys.all });
      const snapshot: Snapshot = {
        list: queryClient.getQueryData<Authorization[]>(authorizationKeys.list()),
        detail: queryClient.getQueryData<Authorization>(authorizationKeys.detail(authorization.id)),
      };
      const nowSeconds = Math.floor(Date.now() / 1000);
      replaceInCaches(queryClient, {
        ...authorization,
        status: 'revoked',
        revokedAt: nowSeconds,
        updatedAt: nowSeconds,
      });
      return snapshot;
    },
    onSuccess: ({ authorization }) => replaceInCaches(queryClient, authorization),
    onError: (_error, { authorization }, snapshot) => {
      queryClient.setQueryData(authorizationKeys.list(), snapshot?.list);
      queryClient.setQueryData(authorizationKeys.detail(authorization.id), snapshot?.detail);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: authorizationKeys.all }),
  });
}
