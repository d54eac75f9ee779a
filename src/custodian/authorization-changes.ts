/**
 * A customer changes a third-party authorization without revoking it (issue 15): narrows it (fewer
 * meters, fewer data blocks, an earlier end) or renews it (a later end, with the same or a narrower
 * scope). ESPI defines no such operation: its Authorization is created at consent and otherwise only
 * revoked (docs/espi.md 5). The custodian keeps the same Authorization (id, subscription, tokens) and
 * changes its `scope` and `authorizedPeriod`, which bind the third party's next read at once (tokens
 * are held to the authorization's current scope: scope-limits.ts `narrowScope`), and tells it as ESPI
 * tells of any change: a BatchList naming its Authorization and its Subscription, POSTed to its notify
 * URI (bulk-notifications.ts). A change never grants more than the customer granted before: widening
 * needs the app to ask again, through consent.
 */
import { z } from 'zod';
import { COMMODITY_BLOCKS, formatScope, isDataBlock, parseScope, secondsOfIso } from '../espi/index.ts';
import { authorizationStatus, type CustodianContext } from './context.ts';
import { notify } from './bulk-notifications.ts';
import type { AuthorizationChange, AuthorizationTerms, StoredAuthorization } from './state.ts';

/** The longest term a renewal may reach, from the day it is made: the year the consent page offers. */
export const MAX_TERM_SECONDS = 365 * 86_400;

const Change = z.object({
  /** The meters that stay shared; absent: unchanged. */
  usagePointIds: z.array(z.string()).min(1).optional(),
  /** The data blocks that stay shared (the scope's other blocks are kept); absent: unchanged. */
  functionBlocks: z.array(z.number().int()).optional(),
  /** The new end of the term; absent: unchanged (a renewal: one year from today, the longest). */
  end: z.iso.datetime({ offset: true }).optional(),
});

export type ChangeResult =
  | { ok: true; authorization: StoredAuthorization }
  | {
      ok: false;
      status: number;
      body: { error: string; error_description: string } & Record<string, unknown>;
    };

const refuse = (status: number, error: string, description: string, extra: Record<string, unknown> = {}) =>
  ({ ok: false, status, body: { error, error_description: description, ...extra } }) as const;

export function termsOf(a: StoredAuthorization): AuthorizationTerms {
  const { start, duration } = a.authorizedPeriod;
  return { scope: a.scope, usagePointIds: a.usagePointIds, end: duration > 0 ? start + duration : null };
}

/**
 * Validates and applies a narrowing (`narrowed`) or a renewal (`renewed`), records it in the
 * authorization's history and notifies the third party. Meters and blocks can only be kept or
 * removed; the end can only move earlier when narrowing, later (within `MAX_TERM_SECONDS`) when renewing.
 */
export function changeAuthorization(
  ctx: CustodianContext,
  a: StoredAuthorization,
  action: AuthorizationChange['action'],
  input: unknown,
  at: number,
): ChangeResult {
  const status = authorizationStatus(a, at);
  if (status !== 'active') {
    return refuse(409, 'not_active', `This authorization is ${status}; only an active one can change.`);
  }
  const parsed = Change.safeParse(input);
  if (!parsed.success) {
    return refuse(400, 'invalid_request', `The change is not understood: ${parsed.error.message}`);
  }
  const before = termsOf(a);
  const request =
    action === 'renewed' && parsed.data.end === undefined
      ? { ...parsed.data, end: new Date((at + MAX_TERM_SECONDS) * 1000).toISOString() }
      : parsed.data;
  const after = nextTerms(before, request, action, at);
  if ('error' in after) return after.error;
  const unchanged =
    after.scope === before.scope &&
    after.end === before.end &&
    after.usagePointIds.join() === before.usagePointIds.join();
  if (unchanged) return refuse(422, 'no_change', 'This asks for what the authorization already grants.');

  const change: AuthorizationChange = { at, action, before, after };
  const updated = ctx.store.update((s) => {
    const stored = s.authorizations[a.id];
    if (!stored) return a;
    stored.scope = after.scope;
    stored.usagePointIds = after.usagePointIds;
    stored.authorizedPeriod = {
      start: stored.authorizedPeriod.start,
      duration: after.end === null ? 0 : after.end - stored.authorizedPeriod.start,
    };
    stored.updatedAt = at;
    stored.history = [...(stored.history ?? []), change];
    return stored;
  });
  notify(ctx, {
    at,
    clientId: a.clientId,
    grantId: a.id,
    change: action,
    resources: [
      `${ctx.espiBase}/Authorization/${a.id}`,
      `${ctx.espiBase}/Batch/Subscription/${a.subscriptionId}`,
    ],
  });
  return { ok: true, authorization: updated };
}

function nextTerms(
  before: AuthorizationTerms,
  request: z.output<typeof Change>,
  action: AuthorizationChange['action'],
  at: number,
): AuthorizationTerms | { error: ReturnType<typeof refuse> } {
  const widened: string[] = [];

  const shared = new Set(before.usagePointIds);
  const keep = new Set(request.usagePointIds ?? before.usagePointIds);
  const addedMeters = [...keep].filter((id) => !shared.has(id));
  if (addedMeters.length) widened.push(`meters not shared before (${addedMeters.join(', ')})`);

  const scope = parseScope(before.scope);
  const granted = scope.functionBlocks.filter(isDataBlock);
  const keptBlocks = new Set(request.functionBlocks ?? granted);
  const addedBlocks = [...keptBlocks].filter((fb) => !scope.functionBlocks.includes(fb));
  if (addedBlocks.length) widened.push(`function blocks not granted before (${addedBlocks.join(', ')})`);
  const technical = [...keptBlocks].filter((fb) => scope.functionBlocks.includes(fb) && !isDataBlock(fb));
  if (technical.length) {
    return {
      error: refuse(
        422,
        'invalid_change',
        `Only data blocks are chosen; ${technical.join(', ')} ${technical.length === 1 ? 'is' : 'are'} part of how access works.`,
      ),
    };
  }

  const end = request.end === undefined ? before.end : secondsOfIso(request.end);
  if (action === 'narrowed' && end !== null && before.end !== null && end > before.end) {
    widened.push('a later end (renew instead)');
  }
  if (action === 'narrowed' && end === null && before.end !== null) widened.push('an open-ended term');
  if (widened.length) {
    return {
      error: refuse(
        422,
        'widening_refused',
        `A change can only narrow what was granted; this asks for ${widened.join(' and ')}. For more, the app asks again.`,
        { widened },
      ),
    };
  }
  if (end !== null && end <= at) {
    return {
      error: refuse(422, 'invalid_term', 'The end must be in the future: to stop access now, revoke.'),
    };
  }
  if (action === 'renewed') {
    if (before.end === null || end === null) {
      return {
        error: refuse(409, 'not_renewable', 'This authorization has no end date: there is nothing to renew.'),
      };
    }
    if (end <= before.end) {
      return { error: refuse(422, 'invalid_term', 'A renewal moves the end later than it is now.') };
    }
    if (end > at + MAX_TERM_SECONDS) {
      return {
        error: refuse(422, 'invalid_term', 'A renewal reaches one year from today at most.', {
          latestEnd: new Date((at + MAX_TERM_SECONDS) * 1000).toISOString(),
        }),
      };
    }
  }

  const removed = granted.filter((fb) => !keptBlocks.has(fb));
  const commodities = scope.functionBlocks.filter((fb) => COMMODITY_BLOCKS.has(fb));
  if (commodities.length > 0 && commodities.every((fb) => removed.includes(fb))) {
    return {
      error: refuse(
        422,
        'invalid_change',
        'At least one kind of meter reading stays shared (interval metering needs one); to stop them all, revoke.',
      ),
    };
  }
  const dropped = new Set(removed);
  return {
    scope: dropped.size
      ? formatScope({ ...scope, functionBlocks: scope.functionBlocks.filter((fb) => !dropped.has(fb)) })
      : before.scope,
    usagePointIds: before.usagePointIds.filter((id) => keep.has(id)),
    end,
  };
}
