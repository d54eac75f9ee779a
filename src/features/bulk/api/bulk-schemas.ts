/**
 * The customer API's answers (docs/openapi.yaml) as the bulk pages use them, checked at the edge:
 * text from the API is untrusted, and an answer of another shape becomes a readable error instead
 * of a broken page. Times arrive as RFC 3339 strings and leave as epoch milliseconds.
 */
import { z } from 'zod';
import type { Aggregator, GrantDetail } from '../model/grant.ts';
import type { Meter } from '../model/meter.ts';

const instant = z.string().transform((value, ctx) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a time` });
    return z.NEVER;
  }
  return ms;
});

const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

export const usagePointsSchema = z
  .object({
    usagePoints: z.array(
      z.object({
        id: z.string(),
        title: z.string().default(''),
        serviceKind: z.number().int(),
        meterId: z.string().default(''),
        site: z.string().default(''),
        address: z.string().default(''),
        bulkEligible: z.boolean().default(true),
      }),
    ),
  })
  .transform((body): Meter[] => body.usagePoints);

/** Registered third parties; the bulk-capable ones are the aggregators, asking for their first scope. */
export const aggregatorsSchema = z
  .object({
    thirdParties: z.array(
      z.object({
        clientId: z.string(),
        name: z.string(),
        description: z.string().default(''),
        clientUri: optionalText,
        policyUri: optionalText,
        scopes: z.array(z.string()),
        bulkCapable: z.boolean(),
      }),
    ),
  })
  .transform((body): Aggregator[] =>
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
  );

export const grantSchema = z
  .object({
    id: z.string(),
    bulkId: z.string(),
    thirdParty: z.object({ clientId: z.string(), name: z.string() }),
    status: z.enum(['active', 'expired', 'revoked']),
    scope: z.string(),
    term: z.object({ end: instant.nullable() }),
    usagePointIds: z.array(z.string()),
    meterCount: z.number().int().min(0),
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
  })
  .transform((g): GrantDetail => ({
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
  }));

export const grantListSchema = z.object({ bulkGrants: z.array(grantSchema) }).transform((b) => b.bulkGrants);

const rejectionSchema = z.object({ usagePointId: z.string(), reason: z.string() });

/** A change's answer: the grant afterwards, and the meters the custodian did not apply, with why. */
export const changeSchema = z.object({
  grant: grantSchema,
  rejected: z.array(rejectionSchema).default([]),
});

/** A refusal's body (RFC 6749-style error JSON), with the meters it names when it names any. */
export const refusalSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  rejected: z.array(rejectionSchema).optional(),
});
