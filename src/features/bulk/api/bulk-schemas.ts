/**
 * The customer API's answers (docs/openapi.yaml) as the bulk pages use them, checked at the edge:
 * text from the API is untrusted, and an answer of another shape becomes a readable error instead
 * of a broken page. Times arrive as RFC 3339 strings and leave as epoch milliseconds.
 */
import * as z from 'zod/mini';
import type { Aggregator, GrantDetail } from '../model/grant.ts';

const instant = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.issues.push({ code: 'custom', message: `"${value}" is not a time`, input: value });
      return z.NEVER;
    }
    return ms;
  }),
);

const optionalText = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? undefined),
);

/** Registered third parties; the bulk-capable ones are the aggregators, asking for their first scope. */
export const aggregatorsSchema = z.pipe(
  z.object({
    thirdParties: z.array(
      z.object({
        clientId: z.string(),
        name: z.string(),
        description: z._default(z.string(), ''),
        clientUri: optionalText,
        policyUri: optionalText,
        scopes: z.array(z.string()),
        bulkCapable: z.boolean(),
      }),
    ),
  }),
  z.transform((body): Aggregator[] =>
    body.thirdParties.flatMap((t) => {
      const [scope] = t.scopes;
      if (!t.bulkCapable || scope === undefined) return [];
      return [
        {
          clientId: t.clientId,
          name: t.name,
          description: t.description,
          scope,
          ...(t.clientUri ? { clientUri: t.clientUri } : {}),
          ...(t.policyUri ? { policyUri: t.policyUri } : {}),
        },
      ];
    }),
  ),
);

export const grantSchema = z.pipe(
  z.object({
    id: z.string(),
    bulkId: z.string(),
    thirdParty: z.object({ clientId: z.string(), name: z.string() }),
    status: z.enum(['active', 'expired', 'revoked']),
    scope: z.string(),
    term: z.object({ end: z.nullable(instant) }),
    usagePointIds: z.array(z.string()),
    meterCount: z.int().check(z.nonnegative()),
    createdAt: instant,
    updatedAt: instant,
    history: z.array(
      z.object({
        at: instant,
        action: z.enum(['created', 'meters-added', 'meters-removed', 'revoked']),
        usagePointIds: z.array(z.string()),
        idempotencyKey: optionalText,
      }),
    ),
  }),
  z.transform((g): GrantDetail => ({
    id: g.id,
    bulkId: g.bulkId,
    aggregator: g.thirdParty,
    meterCount: g.meterCount,
    scope: g.scope,
    termEnd: g.term.end,
    status: g.status,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    usagePointIds: g.usagePointIds,
    history: g.history.map((h) => ({
      at: h.at,
      action: h.action,
      usagePointIds: h.usagePointIds,
      ...(h.idempotencyKey ? { idempotencyKey: h.idempotencyKey } : {}),
    })),
  })),
);

export const grantListSchema = z.pipe(
  z.object({ bulkGrants: z.array(grantSchema) }),
  z.transform((b) => b.bulkGrants),
);

const rejectionSchema = z.object({ usagePointId: z.string(), reason: z.string() });

/** A change's answer: the grant afterwards, and the meters the custodian did not apply, with why. */
export const changeSchema = z.object({
  grant: grantSchema,
  rejected: z._default(z.array(rejectionSchema), []),
});

/** A refusal's body (RFC 6749-style error JSON), with the meters it names when it names any. */
export const refusalSchema = z.object({
  error: z.string(),
  error_description: z.optional(z.string()),
  rejected: z.optional(z.array(rejectionSchema)),
});
