/**
 * The customer API under `B/api/customer/v1` (custodian-defined JSON, documented in docs/openapi.yaml):
 * what ESPI leaves undefined and the portal needs. The customer's account and usage points, registered
 * third parties, their authorizations (list, detail, revoke: docs/espi.md 5), and bulk grants (issues 8
 * and 20): a customer grants a bulk-capable third party a chosen set of usage points under terms within
 * one of its offered data sets, each grant an ESPI authorization whose scope carries `BR={bulkId}` of
 * that data set's bulk (docs/espi.md 4.5; bulk.ts), and each change is notified to the aggregator.
 */
import { z } from 'zod';
import { lastAccessedAt } from './access-log.ts';
import { accessLogResponse } from './access-log-api.ts';
import { isoSeconds, secondsOfIso, serviceKindName } from '../espi/index.ts';
import {
  authenticate,
  authorizationStatus,
  bulkGrantStatus,
  nowSeconds,
  oauthScopes,
  type CustodianContext,
} from './context.ts';
import {
  THIRD_PARTIES,
  clientDisplayInfo,
  findCustomer,
  findUsagePoint,
  type Customer,
} from './directory.ts';
import { bearerError, json, notFound, readJson } from './http-util.ts';
import { bulkDataSets, bulkScope, dataSetFor } from './bulk.ts';
import { notifyMembership } from './bulk-notifications.ts';
import { changeAuthorization } from './authorization-changes.ts';
import { ownApiRoutes } from './own-api.ts';
import type { AuthorizationTerms, BulkGrant, BulkGrantChange, StoredAuthorization } from './state.ts';

function problem(status: number, error: string, description: string, extra: Record<string, unknown> = {}) {
  return json({ error, error_description: description, ...extra }, status);
}

interface CustomerRequest {
  ctx: CustodianContext;
  request: Request;
  customer: Customer;
  at: number;
}

export async function customerApi(ctx: CustodianContext, request: Request, path: string): Promise<Response> {
  const auth = await authenticate(ctx, request);
  if (!auth.ok) return auth.response;
  const { client, claims } = auth.caller;
  if (client.kind !== 'first-party' || !oauthScopes(claims.scope).includes('customer_api')) {
    return bearerError(
      403,
      'insufficient_scope',
      'The customer API needs a portal token with the customer_api scope.',
    );
  }
  const customer = findCustomer(claims.sub);
  if (!customer) return bearerError(403, 'insufficient_scope', 'This token does not represent a customer.');
  const r: CustomerRequest = { ctx, request, customer, at: nowSeconds(ctx) };
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const method = request.method;
  const [collection, id, action, ...extra] = segments;
  if (collection === 'api-client') return ownApiRoutes(ctx, request, customer, segments.slice(1));
  if (extra.length) return notFound(path);

  if (collection === 'me' && !id && method === 'GET') return json(me(r));
  if (collection === 'usage-points' && !id && method === 'GET') return json(usagePoints(r));
  if (collection === 'third-parties' && !id && method === 'GET') {
    return json({ thirdParties: THIRD_PARTIES.map((client) => clientDisplayInfo(client, r.ctx.baseUrl)) });
  }
  if (collection === 'authorizations') {
    if (!id && method === 'GET')
      return json({ authorizations: customerAuthorizations(r).map((a) => authorizationJson(r, a)) });
    const found = id ? customerAuthorizations(r).find((a) => a.id === id) : undefined;
    if (!found) return notFound(`No authorization ${id ?? ''} for this customer.`);
    if (!action && method === 'GET') return json(authorizationJson(r, found));
    if (action === 'revoke' && method === 'POST') return revokeAuthorization(r, found);
    if (action === 'access-log' && method === 'GET')
      return accessLogResponse(ctx, found, new URL(request.url));
    if ((action === 'changes' || action === 'renewal') && method === 'POST') {
      const kind = action === 'changes' ? 'narrowed' : 'renewed';
      return idempotent(r, `${kind}:${found.id}`, async () => {
        const result = changeAuthorization(r.ctx, found, kind, await readJson(r.request), r.at);
        return result.ok ? { status: 200, body: authorizationJson(r, result.authorization) } : result;
      });
    }
  }
  if (collection === 'bulk-grants') {
    if (!id && method === 'GET') return json({ bulkGrants: customerGrants(r).map((g) => grantJson(r, g)) });
    if (!id && method === 'POST') return idempotent(r, 'create', () => createGrant(r));
    const grant = id ? customerGrants(r).find((g) => g.id === id) : undefined;
    if (!grant) return notFound(`No bulk grant ${id ?? ''} for this customer.`);
    if (!action && method === 'GET') return json(grantJson(r, grant));
    if (action === 'changes' && method === 'POST')
      return idempotent(r, `change:${grant.id}`, () => changeGrant(r, grant));
    if (action === 'revoke' && method === 'POST') return revokeGrant(r, grant);
  }
  return notFound(`Nothing at ${method} /api/customer/v1${path}.`);
}

// --- Account and usage points ------------------------------------------------------------------------

function me(r: CustomerRequest) {
  const { customer } = r;
  return {
    id: customer.id,
    username: customer.username,
    displayName: customer.displayName,
    email: customer.email,
    timeZone: customer.zone,
    usagePointCount: customer.usagePoints.length,
    // Whether the account may have an own-data API client (`/api-client`, own-api.ts).
    apiAccess: { enabled: customer.ownDataApi === true },
  };
}

function ownSubscription(r: CustomerRequest): string {
  return r.ctx.store.state.authorizations[`own-${r.customer.id}`]?.subscriptionId ?? `self-${r.customer.id}`;
}

function usagePoints(r: CustomerRequest) {
  const espi = r.ctx.espiBase;
  const sid = ownSubscription(r);
  return {
    usagePoints: r.customer.usagePoints.map((up) => ({
      id: up.id,
      title: up.title,
      serviceKind: up.serviceKind,
      serviceKindName: serviceKindName(up.serviceKind),
      meterId: up.meterId,
      site: up.site,
      address: up.address,
      intervalLength: up.intervalLength,
      active: up.active,
      bulkEligible: up.active,
      hrefs: {
        usagePoint: `${espi}/Subscription/${sid}/UsagePoint/${up.id}`,
        batch: `${espi}/Batch/Subscription/${sid}/UsagePoint/${up.id}`,
      },
    })),
    downloadMyData: `${espi}/Batch/RetailCustomer/${r.customer.id}/UsagePoint`,
  };
}

function thirdPartyOf(r: CustomerRequest, clientId: string) {
  const client = r.ctx.clients.get(clientId);
  return client
    ? clientDisplayInfo(client, r.ctx.baseUrl)
    : { clientId, name: clientId, description: '', logoUri: null, clientUri: null };
}

// --- Authorizations ----------------------------------------------------------------------------------

function customerAuthorizations(r: CustomerRequest): StoredAuthorization[] {
  return Object.values(r.ctx.store.state.authorizations)
    .filter((a) => a.customerId === r.customer.id && a.kind === 'third-party')
    .sort((a, b) => b.createdAt - a.createdAt);
}

function period({ start, duration }: { start: number; duration: number }) {
  return { start: isoSeconds(start), end: duration > 0 ? isoSeconds(start + duration) : null, duration };
}

function authorizationJson(r: CustomerRequest, a: StoredAuthorization) {
  const lastAccessed = lastAccessedAt(r.ctx.store.state, a.id);
  return {
    id: a.id,
    thirdParty: thirdPartyOf(r, a.clientId),
    status: authorizationStatus(a, r.at),
    scope: a.scope,
    authorizedPeriod: period(a.authorizedPeriod),
    publishedPeriod: period(a.publishedPeriod),
    usagePointIds: a.usagePointIds,
    createdAt: isoSeconds(a.createdAt),
    updatedAt: isoSeconds(a.updatedAt),
    revokedAt: a.revokedAt === undefined ? null : isoSeconds(a.revokedAt),
    lastAccessedAt: lastAccessed === undefined ? null : isoSeconds(lastAccessed),
    resourceURI: `${r.ctx.espiBase}/Batch/Subscription/${a.subscriptionId}`,
    authorizationURI: `${r.ctx.espiBase}/Authorization/${a.id}`,
    history: (a.history ?? []).map((h) => ({
      at: isoSeconds(h.at),
      action: h.action,
      before: termsJson(h.before),
      after: termsJson(h.after),
    })),
  };
}

function termsJson(t: AuthorizationTerms) {
  return { scope: t.scope, usagePointIds: t.usagePointIds, end: t.end === null ? null : isoSeconds(t.end) };
}

/** Idempotent: revoking a revoked authorization answers its unchanged state (docs/espi.md 5: status 0 kept). */
function revokeAuthorization(r: CustomerRequest, a: StoredAuthorization): Response {
  if (a.status === 'denied') {
    return problem(
      409,
      'not_revocable',
      'This request was denied: it never granted access, so there is nothing to revoke.',
    );
  }
  if (a.status === 'active') {
    r.ctx.store.update((s) => {
      const stored = s.authorizations[a.id];
      if (stored) Object.assign(stored, { status: 'revoked', revokedAt: r.at, updatedAt: r.at });
    });
  }
  const current = r.ctx.store.state.authorizations[a.id] ?? a;
  return json(authorizationJson(r, current));
}

// --- Bulk grants -------------------------------------------------------------------------------------

function customerGrants(r: CustomerRequest): BulkGrant[] {
  return Object.values(r.ctx.store.state.bulkGrants)
    .filter((g) => g.customerId === r.customer.id)
    .sort((a, b) => b.createdAt - a.createdAt);
}

function grantJson(r: CustomerRequest, g: BulkGrant) {
  return {
    id: g.id,
    bulkId: g.bulkId,
    thirdParty: thirdPartyOf(r, g.clientId),
    status: bulkGrantStatus(g, r.at),
    scope: g.scope,
    term: { end: g.termEnd === null ? null : isoSeconds(g.termEnd) },
    usagePointIds: g.usagePointIds,
    meterCount: g.usagePointIds.length,
    createdAt: isoSeconds(g.createdAt),
    updatedAt: isoSeconds(g.updatedAt),
    revokedAt: g.revokedAt === undefined ? null : isoSeconds(g.revokedAt),
    history: g.history.map((h) => ({
      at: isoSeconds(h.at),
      action: h.action,
      usagePointIds: h.usagePointIds,
      count: h.usagePointIds.length,
      idempotencyKey: h.idempotencyKey ?? null,
    })),
    authorizationURI: `${r.ctx.espiBase}/Authorization/${g.id}`,
    bulkURI: `${r.ctx.espiBase}/Batch/Bulk/${g.bulkId}`,
  };
}

type Rejection = { usagePointId: string; reason: 'not-yours' | 'not-eligible' };

/**
 * Which of these ids this customer may put into a grant, and why not the others. An unknown id and
 * another customer's meter get the same reason, so rejections cannot be used to enumerate meters.
 */
function checkMeters(r: CustomerRequest, ids: string[]): Rejection[] {
  return ids.flatMap((id): Rejection[] => {
    const up = findUsagePoint(id);
    if (!up || up.customerId !== r.customer.id) return [{ usagePointId: id, reason: 'not-yours' }];
    if (!up.active) return [{ usagePointId: id, reason: 'not-eligible' }];
    return [];
  });
}

const CreateGrant = z.object({
  thirdPartyId: z.string(),
  usagePointIds: z.array(z.string()).min(1),
  scope: z.string().startsWith('FB=').optional(),
  /** The data set (bulk) to join; absent: the first one whose scope holds `scope`. */
  bulkId: z.string().optional(),
  termEnd: z.iso.datetime({ offset: true }).nullable().default(null),
});

/** Creating is all or nothing: a grant is consent to one exact set of meters. */
async function createGrant(r: CustomerRequest): Promise<{ status: number; body: unknown }> {
  const parsed = CreateGrant.safeParse(await readJson(r.request));
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: `The grant is not understood: ${parsed.error.message}`,
      },
    };
  }
  const body = parsed.data;
  const client = r.ctx.clients.get(body.thirdPartyId);
  if (!client || client.kind !== 'third-party' || !client.bulkCapable) {
    return {
      status: 422,
      body: {
        error: 'not_bulk_capable',
        error_description: `${body.thirdPartyId} is not a registered bulk-capable third party.`,
      },
    };
  }
  // Without a scope, the customer grants what the data set named (or else the first one) offers.
  const named = bulkDataSets(client).find((d) => d.bulkId === body.bulkId);
  const scope = body.scope ?? named?.scope ?? client.scopes[0] ?? '';
  const dataSet = dataSetFor(client, scope, body.bulkId);
  if (!dataSet) {
    return {
      status: 422,
      body: {
        error: 'invalid_scope',
        error_description: `${client.name} offers ${client.scopes.map((s) => `"${s}"`).join(' or ')} at most${body.bulkId === undefined ? '' : ` (bulk ${body.bulkId} is not one of them, or holds less)`}.`,
      },
    };
  }
  const termEnd = body.termEnd === null ? null : secondsOfIso(body.termEnd);
  if (termEnd !== null && termEnd <= r.at) {
    return {
      status: 422,
      body: { error: 'invalid_term', error_description: 'The end of the term must be in the future.' },
    };
  }
  const ids = [...new Set(body.usagePointIds)];
  const rejected = checkMeters(r, ids);
  if (rejected.length) {
    return {
      status: 422,
      body: {
        error: 'invalid_usage_points',
        error_description: `${rejected.length} of ${ids.length} meters cannot be granted; nothing was created.`,
        rejected,
      },
    };
  }
  const grant = r.ctx.store.update((s) => {
    const id = r.ctx.store.nextId('bg');
    const created: BulkGrant = {
      id,
      bulkId: dataSet.bulkId,
      customerId: r.customer.id,
      clientId: client.clientId,
      usagePointIds: ids,
      scope: bulkScope(scope, dataSet.bulkId),
      termEnd,
      revoked: false,
      createdAt: r.at,
      updatedAt: r.at,
      history: [{ at: r.at, action: 'created', usagePointIds: ids, ...idempotencyKeyOf(r) }],
    };
    s.bulkGrants[id] = created;
    return created;
  });
  notifyMembership(r.ctx, grant, 'created', r.at);
  return { status: 201, body: grantJson(r, grant) };
}

const ChangeGrant = z
  .object({ add: z.array(z.string()).default([]), remove: z.array(z.string()).default([]) })
  .refine((c) => c.add.length + c.remove.length > 0, 'Name meters to add or remove.');

/**
 * Changing applies what can be applied and names the rest: adding a meter that is not the customer's
 * or not eligible, or removing one that is not in the grant, is reported in `rejected`.
 */
async function changeGrant(r: CustomerRequest, grant: BulkGrant): Promise<{ status: number; body: unknown }> {
  if (bulkGrantStatus(grant, r.at) !== 'active') {
    return {
      status: 409,
      body: {
        error: 'grant_not_active',
        error_description: `This grant is ${bulkGrantStatus(grant, r.at)}; it cannot change.`,
      },
    };
  }
  const parsed = ChangeGrant.safeParse(await readJson(r.request));
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: `The change is not understood: ${parsed.error.message}`,
      },
    };
  }
  const current = new Set(grant.usagePointIds);
  const addRejected = checkMeters(r, parsed.data.add);
  const refused = new Set(addRejected.map((x) => x.usagePointId));
  const added = [...new Set(parsed.data.add)].filter((id) => !refused.has(id) && !current.has(id));
  const removeRejected: Rejection[] = parsed.data.remove
    .filter((id) => !current.has(id))
    .map((usagePointId) => ({
      usagePointId,
      reason: findUsagePoint(usagePointId)?.customerId === r.customer.id ? 'not-eligible' : 'not-yours',
    }));
  const removed = [...new Set(parsed.data.remove)].filter((id) => current.has(id));
  const remaining = grant.usagePointIds.filter((id) => !removed.includes(id)).length + added.length;
  if (remaining === 0) {
    return {
      status: 422,
      body: {
        error: 'empty_grant',
        error_description: 'A grant needs at least one meter: revoke it instead.',
      },
    };
  }
  const changes: BulkGrantChange[] = [
    ...(added.length
      ? [{ at: r.at, action: 'meters-added' as const, usagePointIds: added, ...idempotencyKeyOf(r) }]
      : []),
    ...(removed.length
      ? [{ at: r.at, action: 'meters-removed' as const, usagePointIds: removed, ...idempotencyKeyOf(r) }]
      : []),
  ];
  const updated = r.ctx.store.update((s) => {
    const stored = s.bulkGrants[grant.id];
    if (!stored) return grant;
    const removing = new Set(removed);
    stored.usagePointIds = [...stored.usagePointIds.filter((id) => !removing.has(id)), ...added];
    if (changes.length) stored.updatedAt = r.at;
    stored.history.push(...changes);
    return stored;
  });
  for (const c of changes) notifyMembership(r.ctx, updated, c.action, r.at);
  const rejected = [...addRejected, ...removeRejected];
  return {
    status: 200,
    body: { grant: grantJson(r, updated), added, removed, rejected, partial: rejected.length > 0 },
  };
}

/** Idempotent by nature: revoking a revoked grant answers its unchanged state. */
function revokeGrant(r: CustomerRequest, grant: BulkGrant): Response {
  if (!grant.revoked) {
    r.ctx.store.update((s) => {
      const stored = s.bulkGrants[grant.id];
      if (!stored) return;
      Object.assign(stored, { revoked: true, revokedAt: r.at, updatedAt: r.at });
      stored.history.push({
        at: r.at,
        action: 'revoked',
        usagePointIds: stored.usagePointIds,
        ...idempotencyKeyOf(r),
      });
    });
    notifyMembership(r.ctx, grant, 'revoked', r.at);
  }
  return json(grantJson(r, r.ctx.store.state.bulkGrants[grant.id] ?? grant));
}

// --- Idempotency -------------------------------------------------------------------------------------

function idempotencyKeyOf(r: CustomerRequest): { idempotencyKey?: string } {
  const key = r.request.headers.get('Idempotency-Key');
  return key ? { idempotencyKey: key } : {};
}

/**
 * `Idempotency-Key` (IETF draft-ietf-httpapi-idempotency-key-header): the first answer for a key is
 * stored with a fingerprint of the request; a retry with the same key and body gets that answer again
 * (never a second grant), the same key with another body is refused. Keys are per customer.
 */
async function idempotent(
  r: CustomerRequest,
  operation: string,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  const key = r.request.headers.get('Idempotency-Key');
  if (!key || key.length > 255) {
    return problem(
      400,
      'idempotency_key_required',
      'Send an Idempotency-Key header (a fresh UUID per intended change).',
    );
  }
  const bodyText = await r.request.clone().text();
  const fingerprint = `${operation}\n${bodyText}`;
  const storeKey = `${r.customer.id}:${key}`;
  const previous = r.ctx.store.state.idempotency[storeKey];
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      return problem(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
    }
    return json(previous.body, previous.status, { 'Idempotent-Replayed': 'true' });
  }
  const result = await run();
  // Only settled outcomes are remembered; a malformed request may be corrected and retried with its key.
  if (result.status < 400 || result.status === 409 || result.status === 422) {
    r.ctx.store.update((s) => {
      s.idempotency[storeKey] = { fingerprint, status: result.status, body: result.body, at: r.at };
    });
  }
  const headers: Record<string, string> =
    result.status === 201 && typeof result.body === 'object' && result.body && 'id' in result.body
      ? {
          Location: `${r.ctx.baseUrl}/api/customer/v1/bulk-grants/${String((result.body as { id: string }).id)}`,
        }
      : {};
  return json(result.body, result.status, headers);
}
