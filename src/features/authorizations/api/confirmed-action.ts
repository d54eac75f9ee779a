/**
 * One way to send a change to an authorization and know whether it took effect (docs/security.md,
 * "Faults that must lose nothing"): send it; on any failure read the authorization again and decide from
 * what the custodian now says. Revoking, narrowing and renewing all go through here, so the person is
 * told the truth, never left guessing, however the request ended.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { authorizationDetailOptions, authorizationKeys } from './authorization-queries.ts';
import type { Authorization } from './authorization-schema.ts';

export interface ConfirmedOutcome {
  authorization: Authorization;
  /** Set when the confirmation came from the read after a failed request. */
  afterFailure?: unknown;
}

/** The action was not taken (`not-taken`), or whether it was cannot be known now (`unknown`). */
export class ActionFailure extends Error {
  readonly truth: 'not-taken' | 'unknown';
  readonly failure: unknown;
  constructor(truth: 'not-taken' | 'unknown', failure: unknown) {
    super(truth === 'not-taken' ? 'The change was not made.' : 'Whether the change was made is unknown.', {
      cause: failure,
    });
    this.name = 'ActionFailure';
    this.truth = truth;
    this.failure = failure;
  }
}

export async function sendAndConfirm(steps: {
  send: () => Promise<Authorization>;
  readCurrent: () => Promise<Authorization>;
  /** Whether the authorization as read now shows the action taken. */
  taken: (current: Authorization) => boolean;
}): Promise<ConfirmedOutcome> {
  try {
    return { authorization: await steps.send() };
  } catch (failure) {
    let current: Authorization;
    try {
      current = await steps.readCurrent();
    } catch {
      throw new ActionFailure('unknown', failure);
    }
    if (!steps.taken(current)) throw new ActionFailure('not-taken', failure);
    return { authorization: current, afterFailure: failure };
  }
}

/** A read of the authorization that bypasses the cache and does not retry: the check after a failure. */
export function readCurrent(queryClient: QueryClient, client: ApiClient, baseUrl: string, id: string) {
  return () =>
    queryClient.fetchQuery({
      ...authorizationDetailOptions(client, baseUrl, id),
      staleTime: 0,
      retry: false,
    });
}

/** Puts the custodian's latest answer for one authorization into the list and its detail. */
export function replaceInCaches(queryClient: QueryClient, next: Authorization) {
  queryClient.setQueryData<Authorization>(authorizationKeys.detail(next.id), next);
  queryClient.setQueryData<Authorization[]>(authorizationKeys.list(), (list) =>
    list?.map((a) => (a.id === next.id ? next : a)),
  );
}
