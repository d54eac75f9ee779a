/**
 * Narrowing and renewing an authorization (issue 15; docs/openapi.yaml changeAuthorization and
 * renewAuthorization). Not optimistic: a change is shown once the custodian confirms it, since the
 * page would otherwise show a narrower scope than the app still has. As with revoking, a failed or
 * dropped request is followed by a fresh read, so the person is told whether the change was made; a
 * retry sends the same Idempotency-Key, so a change that did arrive is never applied twice.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { periodEnd } from '../model/authorization-dates.ts';
import { grantsAsRequested, type ChangeRequest, type Terms } from '../model/change-terms.ts';
import { authorizationDetailOptions, authorizationKeys, authorizationUrl } from './authorization-queries.ts';
import { parseAuthorization, type Authorization } from './authorization-schema.ts';
import { replaceInCaches } from './revoke-authorization.ts';

export type ChangeKind = 'narrow' | 'renew';

export interface ChangeVariables {
  kind: ChangeKind;
  authorization: Authorization;
  request: ChangeRequest;
  idempotencyKey: string;
}

export interface ChangeOutcome {
  authorization: Authorization;
  /** Set when the confirmation came from the read after a failed request. */
  afterFailure?: unknown;
}

/** The change was not made (`unchanged`), or whether it was cannot be known now (`unknown`). */
export class ChangeFailure extends Error {
  readonly truth: 'unchanged' | 'unknown';
  readonly failure: unknown;
  constructor(truth: 'unchanged' | 'unknown', failure: unknown) {
    super(truth === 'unchanged' ? 'The change was not made.' : 'Whether the change was made is unknown.', {
      cause: failure,
    });
    this.name = 'ChangeFailure';
    this.truth = truth;
    this.failure = failure;
  }
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

/** Sends the change; on any failure reads the authorization again and decides from what it now says. */
export async function changeAndConfirm(steps: {
  send: () => Promise<Authorization>;
  readCurrent: () => Promise<Authorization>;
  applied: (current: Authorization) => boolean;
}): Promise<ChangeOutcome> {
  try {
    return { authorization: await steps.send() };
  } catch (failure) {
    let current: Authorization;
    try {
      current = await steps.readCurrent();
    } catch {
      throw new ChangeFailure('unknown', failure);
    }
    if (!steps.applied(current)) throw new ChangeFailure('unchanged', failure);
    return { authorization: current, afterFailure: failure };
  }
}

export function useChangeAuthorization() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const queryClient = useQueryClient();
  return useMutation<ChangeOutcome, unknown, ChangeVariables>({
    mutationKey: [...authorizationKeys.all, 'change'],
    mutationFn: (variables) => {
      const { authorization, kind, request, idempotencyKey } = variables;
      const action = kind === 'narrow' ? 'changes' : 'renewal';
      return changeAndConfirm({
        send: async () =>
          parseAuthorization(
            await client.json(`${authorizationUrl(customerApiBaseUrl, authorization.id)}/${action}`, {
              method: 'POST',
              body: request,
              idempotencyKey,
            }),
          ),
        readCurrent: () =>
          queryClient.fetchQuery({
            ...authorizationDetailOptions(client, customerApiBaseUrl, authorization.id),
            staleTime: 0,
            retry: false,
          }),
        applied: (current) => showsChange(current, variables),
      });
    },
    onSuccess: ({ authorization }) => replaceInCaches(queryClient, authorization),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authorizationKeys.all }),
  });
}
