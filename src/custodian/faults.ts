/**
 * Faults on demand (latency, error rate, a failing endpoint, expired tokens, offline) and the demo
 * controls that set them: `B/__demo/faults` (GET, PUT), `B/__demo/reset`, synthetic authorizations
 * for a customer, and synthetic customers joining a bulk. The demo controls themselves never fail, so a panel can always undo.
 */
import { z } from 'zod';
import { findDataSet } from './bulk.ts';
import type { CustodianContext } from './context.ts';
import { CUSTOMERS, findCustomer, findCustomerByUsername } from './directory.ts';
import { json, notFound, oauthError, readJson } from './http-util.ts';
import { hashString, unitNoise } from './prng.ts';
import { syntheticAuthorizations, syntheticBulkGrants } from './seed.ts';
import type { Faults } from './state.ts';

const DAY = 86_400;

export const FaultsPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    failingPath: z.string().min(1).nullable(),
    failingStatus: z.number().int().min(400).max(599),
    expireTokens: z.boolean(),
    offline: z.boolean(),
    // Bounded so that no control can mint a token that outlives a working day or a month of sessions.
    accessTokenLifetime: z.number().int().min(1).max(DAY),
    refreshTokenLifetime: z
      .number()
      .int()
      .min(1)
      .max(30 * DAY),
    codeLifetime: z.number().int().min(1).max(600),
    sessionLifetime: z
      .number()
      .int()
      .min(1)
      .max(30 * DAY),
  })
  .partial()
  .strict();

export function setFaults(ctx: CustodianContext, patch: z.infer<typeof FaultsPatch>): Faults {
  return ctx.store.update((s) => {
    s.faults = { ...s.faults, ...patch };
    return s.faults;
  });
}

/** Replace a customer's third-party authorizations with `count` generated ones (0 and 500 are useful). */
export function setSyntheticAuthorizations(ctx: CustodianContext, customerId: string, count: number): void {
  const customer = findCustomer(customerId) ?? findCustomerByUsername(customerId);
  if (!customer) throw new Error(`No demo customer "${customerId}".`);
  ctx.store.update((s) => {
    const kept = Object.values(s.authorizations).filter(
      (a) => a.customerId !== customer.id || a.kind !== 'third-party',
    );
    const generated = syntheticAuthorizations(customer, count, ctx.now());
    s.authorizations = Object.fromEntries([...kept, ...generated].map((a) => [a.id, a]));
  });
}

/** Synthetic customers join a bulk until it holds `meters` more meters (seed.ts syntheticBulkGrants). */
function populateBulk(ctx: CustodianContext, bulkId: string, body: unknown): Response {
  const parsed = z.object({ meters: z.number().int().min(1).max(100_000) }).safeParse(body);
  if (!parsed.success) return oauthError('invalid_request', 'Send { "meters": N } with 1 <= N <= 100000.');
  const dataSet = findDataSet(ctx, bulkId);
  if (!dataSet) return notFound(`No bulk ${bulkId}.`);
  const grants = syntheticBulkGrants(dataSet, parsed.data.meters, ctx.now());
  ctx.store.update((s) => {
    for (const g of grants) s.bulkGrants[g.id] = g;
  });
  return json({
    bulkId,
    grants: grants.length,
    meters: grants.reduce((n, g) => n + g.usagePointIds.length, 0),
  });
}

/** Back to the seeded state, throttles included. */
export function resetSandbox(ctx: CustodianContext): void {
  ctx.store.reset();
  ctx.limits.reset();
}

const ERROR_SEED = hashString('error-rate');

/**
 * The fault to apply to a request, if any: a network error (`Response.error()`), or an HTTP error
 * response. Latency is awaited here. The error-rate draw follows a seeded sequence over the request
 * count, so a given rate fails the same requests on every run.
 */
export async function applyFaults(ctx: CustodianContext, path: string): Promise<Response | undefined> {
  const { faults } = ctx.store.state;
  if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
  if (faults.offline) return Response.error();
  if (faults.failingPath && path.includes(faults.failingPath)) {
    return json(
      { error: 'server_error', error_description: `Demo fault: requests to "${faults.failingPath}" fail.` },
      faults.failingStatus,
    );
  }
  if (faults.errorRate > 0) {
    const n = ctx.store.update((s) => ++s.requestCount);
    if (unitNoise(ERROR_SEED, n) < faults.errorRate) {
      return json(
        { error: 'temporarily_unavailable', error_description: 'Demo fault: a random error (error rate).' },
        503,
        { 'Retry-After': '1' },
      );
    }
  }
  return undefined;
}

/** `B/__demo/...` */
export async function demoEndpoint(ctx: CustodianContext, request: Request, path: string): Promise<Response> {
  const method = request.method;
  if (path === '/__demo/faults' && method === 'GET') return json(ctx.store.state.faults);
  if (path === '/__demo/faults' && method === 'PUT') {
    const patch = FaultsPatch.safeParse(await readJson(request));
    if (!patch.success) return oauthError('invalid_request', `Faults not understood: ${patch.error.message}`);
    return json(setFaults(ctx, patch.data));
  }
  if (path === '/__demo/reset' && method === 'POST') {
    resetSandbox(ctx);
    return json({ reset: true, faults: ctx.store.state.faults });
  }
  if (path === '/__demo/accounts' && method === 'GET') {
    // Who the demo accounts are, never their secrets (the README says how to sign in).
    return json(
      CUSTOMERS.map((c) => ({
        username: c.username,
        displayName: c.displayName,
        usagePoints: c.usagePoints.length,
        ownDataApi: c.ownDataApi === true,
      })),
    );
  }
  const synthetic = /^\/__demo\/customers\/([^/]+)\/authorizations$/.exec(path);
  if (synthetic?.[1] && method === 'PUT') {
    const body = z.object({ count: z.number().int().min(0).max(5000) }).safeParse(await readJson(request));
    if (!body.success) return oauthError('invalid_request', 'Send { "count": N } with 0 <= N <= 5000.');
    const customer = findCustomer(synthetic[1]) ?? findCustomerByUsername(synthetic[1]);
    if (!customer) return notFound(`No demo customer "${synthetic[1]}".`);
    setSyntheticAuthorizations(ctx, customer.id, body.data.count);
    return json({ customer: customer.username, count: body.data.count });
  }
  const population = /^\/__demo\/bulks\/([^/]+)\/population$/.exec(path);
  if (population?.[1] && method === 'PUT') return populateBulk(ctx, population[1], await readJson(request));
  return notFound(`No demo control at ${method} ${path}.`);
}
