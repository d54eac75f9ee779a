/**
 * Narrowing and renewing an authorization (issue 15; docs/openapi.yaml changeAuthorization and
 * renewAuthorization). Not optimistic: a change is shown once the custodian confirms it, since the
 * page would otherwise show a narrower scope than the app still has. Confirmed like a revoke
 * (`sendAndConfirm`); a retry sends the same Idempotency-Key, so a change that did arrive is never
 * applied twice.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { periodEnd } from '../model/authorization-dates.ts';
import { grantsAsRequested, type ChangeRequest, type Terms } from '../model/change-terms.ts';
import { authorizationKeys, authorizationUrl } from './authorization-queries.ts';
import { parseAuthorization, type Authorization } from './authorization-schema.ts';
import { readCurrent, replaceInCaches, sendAndConfirm, type ConfirmedOutcome } from './confirmed-action.ts';

export type ChangeKind = 'narrow' | 'renew';

export interface ChangeVariables {
  kind: ChangeKind;
  authorization: Authorization;
  request: ChangeRequest;
  idempotencyKey: string;
}

export function termsOf(a: Authorization): Terms {
  return { scope: a.scope, usagePointIds: a.usagePointIds, end: periodEnd(a.authorizedPeriod) ?? null };
}

/** Whether the authorization as read now shows the change (a renewal: an end later than before). */
export function showsChange(current: Authorization, variables: ChangeVariables): boolean {
  if (variables.kind === 'renew') {
    return (
      (periodEnd(current.authorizedPeriod) ?? 0) > (periodEnd(variables.authorization.authorizedPeriod) ?? 0)
    );
  }
  return grantsAsRequested(termsOf(current), variables.request);
}

export function useChangeAuthorization() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const queryClient = useQueryClient();
  return useMutation<ConfirmedOutcome, unknown, ChangeVariables>({
    mutationKey: [...authorizationKeys.all, 'change'],
    mutationFn: (variables) => {
      const { authorization, kind, request, idempotencyKey } = variables;
      const action = kind === 'narrow' ? 'changes' : 'renewal';
      return sendAndConfirm({
        send: async () =>
          parseAuthorization(
            await client.json(`${authorizationUrl(customerApiBaseUrl, authorization.id)}/${action}`, {
              method: 'POST',
              body: request,
              idempotencyKey,
            }),
          ),
        readCurrent: readCurrent(queryClient, client, customerApiBaseUrl, authorization.id),
        taken: (current) => showsChange(current, variables),
      });
    },
    onSuccess: ({ authorization }) => replaceInCaches(queryClient, authorization),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authorizationKeys.all }),
  });
}
