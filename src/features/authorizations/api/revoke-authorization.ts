/**
 * Revoking an authorization: shown at once (optimistic), confirmed by the custodian (`sendAndConfirm`:
 * a failed or dropped request is followed by a fresh read), and rolled back when it was not taken.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { authorizationKeys, authorizationUrl } from './authorization-queries.ts';
import { parseAuthorization, type Authorization } from './authorization-schema.ts';
import { readCurrent, replaceInCaches, sendAndConfirm, type ConfirmedOutcome } from './confirmed-action.ts';
import { nowInSeconds } from '../../../espi/index.ts';

export interface RevokeVariables {
  authorization: Authorization;
}

interface Snapshot {
  list: Authorization[] | undefined;
  detail: Authorization | undefined;
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
  return useMutation<ConfirmedOutcome, unknown, RevokeVariables, Snapshot>({
    mutationKey: revokeMutationKey,
    // Revoking an already revoked authorization is harmless, so "try again" is always safe.
    mutationFn: ({ authorization }) =>
      sendAndConfirm({
        send: revokeRequest(client, customerApiBaseUrl, authorization.id),
        readCurrent: readCurrent(queryClient, client, customerApiBaseUrl, authorization.id),
        taken: (current) => current.status !== 'active',
      }),
    onMutate: async ({ authorization }) => {
      await queryClient.cancelQueries({ queryKey: authorizationKeys.all });
      const snapshot: Snapshot = {
        list: queryClient.getQueryData<Authorization[]>(authorizationKeys.list()),
        detail: queryClient.getQueryData<Authorization>(authorizationKeys.detail(authorization.id)),
      };
      const nowSeconds = nowInSeconds();
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
