/** `B/oauth/interaction/decision`: the customer's consent (or refusal), recorded once per sign-in. */
import { z } from 'zod';
import { espiScopeOf, nowSeconds, type CustodianContext } from '../context.ts';
import { findCustomer } from '../directory.ts';
import { json, oauthError, readJson } from '../http-util.ts';
import type { StoredAuthorization } from '../state.ts';
import { verifyToken } from '../tokens.ts';
import { authorizationResponse, checkAuthorizeRequest, codeRedirect } from './authorize.ts';
import { YEAR, historyOf, reachableServiceKinds } from './scopes.ts';

export interface DecisionResult {
  status: number;
  body: { error: string; error_description: string } | { redirectUrl: string; authorizationId: string };
}

export async function decide(
  ctx: CustodianContext,
  input: { interaction: string; approve: boolean; usagePointIds: string[]; accessEnds?: number | undefined },
): Promise<DecisionResult> {
  const fail = (description: string, status = 400): DecisionResult => ({
    status,
    body: { error: 'invalid_request', error_description: description },
  });
  const verified = await verifyToken<{ sub: string; req: unknown; jti: string; exp: number }>(
    'interaction',
    input.interaction,
    {
      issuer: ctx.baseUrl,
      nowSeconds: nowSeconds(ctx),
    },
  );
  if (!verified.ok)
    return fail('This sign-in has expired or is not valid: start again from the application.', 401);
  const interaction = verified.claims;
  const check = checkAuthorizeRequest(ctx, interaction.req);
  const customer = findCustomer(interaction.sub);
  if (!check.ok || !customer) return fail('The authorization request is no longer valid.');
  const owned = new Map(customer.usagePoints.map((up) => [up.id, up]));
  const chosen = [...new Set(input.usagePointIds)];
  const foreign = chosen.filter((id) => !owned.has(id));
  if (input.approve && chosen.length === 0) return fail('Choose at least one usage point to share.');
  if (foreign.length) return fail(`Not usage points of this account: ${foreign.join(', ')}.`);
  const reachable = reachableServiceKinds(check.scope);
  const unreachable = chosen.filter((id) => !reachable.has(owned.get(id)?.serviceKind ?? -1));
  if (unreachable.length)
    return fail(`This application's scope reads no data of these usage points: ${unreachable.join(', ')}.`);

  const at = nowSeconds(ctx);
  // The customer may end access earlier than the usual year, never later.
  const end = input.accessEnds ?? at + YEAR;
  if (input.approve && (end <= at || end > at + YEAR))
    return fail('Access must end after today and at most a year from now.');
  const id = ctx.store.nextId('a');
  const authorization: StoredAuthorization = {
    id,
    customerId: customer.id,
    clientId: check.client.clientId,
    kind: 'third-party',
    scope: espiScopeOf(check.scope) ?? check.scope,
    usagePointIds: input.approve ? chosen : [],
    status: input.approve ? 'active' : 'denied',
    grantType: 'authorization_code',
    authorizedPeriod: { start: at, duration: input.approve ? end - at : 0 },
    publishedPeriod: { start: at - historyOf(check.scope), duration: 0 },
    subscriptionId: `sub-${id.slice(2)}`,
    createdAt: at,
    updatedAt: at,
  };
  // One decision per sign-in: the check and the record happen in one synchronous step (no replay, no race).
  const decided = ctx.store.update((s) => {
    if (s.usedJtis[interaction.jti] !== undefined) return false;
    s.usedJtis[interaction.jti] = interaction.exp;
    s.authorizations[id] = authorization;
    return true;
  });
  if (!decided) return fail('This consent was already given: start again from the application.', 409);
  if (!input.approve) {
    return {
      status: 200,
      body: {
        authorizationId: id,
        redirectUrl: authorizationResponse(ctx, check.request.redirect_uri, {
          error: 'access_denied',
          error_description: 'The customer declined the request.',
          state: check.request.state,
        }),
      },
    };
  }
  return {
    status: 200,
    body: { authorizationId: id, redirectUrl: await codeRedirect(ctx, check, customer, authorization) },
  };
}

/** `POST B/oauth/interaction/decision` */
export async function decisionEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const body = z
    .object({
      interaction: z.string(),
      approve: z.boolean(),
      usagePointIds: z.array(z.string()).default([]),
      accessEnds: z.number().int().optional(),
    })
    .safeParse(await readJson(request));
  if (!body.success) {
    return oauthError(
      'invalid_request',
      'Send { interaction, approve: true|false, usagePointIds: [...], accessEnds?: epoch seconds } as JSON.',
    );
  }
  const result = await decide(ctx, body.data);
  return json(result.body, result.status);
}
