/** `B/oauth/interaction/sign-in`: the customer signs in; the portal gets a code, a third party a consent step. */
import { z } from 'zod';
import { nowSeconds, type CustodianContext } from '../context.ts';
import { DEMO_PASSWORD, clientDisplayInfo, findCustomerByUsername, type Customer } from '../directory.ts';
import { json, oauthError, readJson } from '../http-util.ts';
import { randomId, signToken } from '../tokens.ts';
import { checkAuthorizeRequest, codeRedirect } from './authorize.ts';
import { readingsInWords, scopeReach } from './consent-preview.ts';
import type { HistoryWindow } from './history-window.ts';
import { YEAR, scopeView } from './scopes.ts';

const INTERACTION_LIFETIME = 600;

/** The sign-in throttle's answer, here and in the password grant. */
export function tooManySignIns(retryAfter: number): string {
  const minutes = Math.ceil(retryAfter / 60);
  return `Too many sign-in attempts for this account: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function checkCredentials(username: string, password: string): Customer | undefined {
  const customer = findCustomerByUsername(username.trim());
  return customer && password === DEMO_PASSWORD ? customer : undefined;
}

export interface SignInResult {
  status: number;
  headers?: Record<string, string>;
  body:
    | { error: string; error_description: string; redirectUrl?: string | null }
    | { consentRequired: false; redirectUrl: string }
    | {
        consentRequired: true;
        interaction: string;
        /** Only the meters the scope can read (consent-preview.ts `scopeReach`). */
        customer: { displayName: string; usagePoints: ConsentUsagePoint[] };
        /** The reading time the app may read (epoch seconds): how far back its history reaches. */
        history: HistoryWindow;
        /** When access ends unless the customer chooses an earlier day (epoch seconds). */
        accessEnds: number;
        client: ReturnType<typeof clientDisplayInfo>;
        scope: ReturnType<typeof scopeView>;
      };
}

/** A usage point as the consent step lists it (the demo's sign-in page reads the same shape). */
export interface ConsentUsagePoint {
  id: string;
  title: string;
  serviceKind: number;
  meterId: string;
  site: string;
  address: string;
  /** The readings of this meter the scope lets the app see, in words. */
  readings: string[];
}

export async function signIn(
  ctx: CustodianContext,
  input: { request: unknown; username: string; password: string },
): Promise<SignInResult> {
  const check = checkAuthorizeRequest(ctx, input.request);
  if (!check.ok) {
    return {
      status: 400,
      body: {
        error: check.error,
        error_description: check.description,
        redirectUrl: check.redirectUrl ?? null,
      },
    };
  }
  const retryAfter = await ctx.limits.attempt('sign-in', input.username.trim());
  if (retryAfter !== undefined) {
    return {
      status: 429,
      headers: { 'Retry-After': String(retryAfter) },
      body: { error: 'too_many_requests', error_description: tooManySignIns(retryAfter) },
    };
  }
  const customer = checkCredentials(input.username, input.password);
  if (!customer) {
    return {
      status: 401,
      body: { error: 'invalid_credentials', error_description: 'The username or password is not right.' },
    };
  }
  await ctx.limits.forgive('sign-in', input.username.trim());
  if (check.client.kind === 'first-party') {
    const own = ctx.store.state.authorizations[`own-${customer.id}`];
    if (!own)
      return {
        status: 500,
        body: { error: 'server_error', error_description: 'The account has no own access.' },
      };
    return {
      status: 200,
      body: { consentRequired: false, redirectUrl: await codeRedirect(ctx, check, customer, own) },
    };
  }
  const interaction = await signToken(
    'interaction',
    { sub: customer.id, req: check.request, jti: randomId() },
    {
      issuer: ctx.baseUrl,
      audience: ctx.baseUrl,
      nowSeconds: nowSeconds(ctx),
      lifetime: INTERACTION_LIFETIME,
    },
  );
  const reach = scopeReach(customer, check.scope, nowSeconds(ctx));
  return {
    status: 200,
    body: {
      consentRequired: true,
      accessEnds: nowSeconds(ctx) + YEAR,
      interaction,
      customer: {
        displayName: customer.displayName,
        usagePoints: reach.usagePoints.map((up) => ({
          id: up.id,
          title: up.title,
          serviceKind: up.serviceKind,
          meterId: up.meterId,
          site: up.site,
          address: up.address,
          readings: readingsInWords(up, check.scope),
        })),
      },
      history: reach.history,
      client: clientDisplayInfo(check.client, ctx.baseUrl),
      scope: scopeView(check.scope),
    },
  };
}

/** `POST B/oauth/interaction/sign-in` */
export async function signInEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const body = z
    .object({ request: z.record(z.string(), z.string()), username: z.string(), password: z.string() })
    .safeParse(await readJson(request));
  if (!body.success) {
    return oauthError(
      'invalid_request',
      'Send { request: {authorize parameters}, username, password } as JSON.',
    );
  }
  const result = await signIn(ctx, body.data);
  return json(result.body, result.status, result.headers);
}
