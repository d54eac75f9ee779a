/**
 * The custodian's customer API answers for authorizations (docs/openapi.yaml), validated at the edge:
 * a field of the wrong type becomes one readable error instead of a broken page later. Text fields
 * stay plain strings; React renders them as text.
 */
import * as z from 'zod/mini';
import { ApiError } from '../../../lib/api-error.ts';
import { AUTHORIZATION_STATUSES, type ListedAuthorization } from '../authorization-list.ts';

/** An RFC 3339 date-time (the customer API's instants) or epoch seconds, as epoch seconds. */
const instant = z.pipe(
  z.union([z.number(), z.iso.datetime({ offset: true })]),
  z.transform((value) => (typeof value === 'number' ? value : Math.floor(Date.parse(value) / 1000))),
);

const optionalText = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => (value ? value : undefined)),
);

/** ESPI DateTimeInterval: a start and a duration in seconds, 0 = open-ended (reference 2.2). */
const period = z.object({ start: instant, duration: z.number().check(z.nonnegative()) });

const thirdParty = z.object({
  clientId: z.string(),
  name: z.string(),
  description: optionalText,
  logoUri: optionalText,
  clientUri: optionalText,
  tosUri: optionalText,
  policyUri: optionalText,
  contacts: z._default(z.array(z.string()), []),
});

export const authorizationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: z.enum(AUTHORIZATION_STATUSES),
  scope: z.string(),
  thirdParty,
  usagePointIds: z.array(z.string()),
  authorizedPeriod: period,
  publishedPeriod: period,
  createdAt: instant,
  updatedAt: instant,
  revokedAt: z.optional(z.nullable(instant)),
  resourceURI: optionalText,
  authorizationURI: optionalText,
});

export type Authorization = z.output<typeof authorizationSchema> & ListedAuthorization;
export type ThirdParty = Authorization['thirdParty'];

const listSchema = z.object({ authorizations: z.array(authorizationSchema) });

function parseOrThrow<T>(schema: z.ZodMiniType<T>, body: unknown, message: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError('invalid-response', message, {
    detail: issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : undefined,
    cause: result.error,
  });
}

export function parseAuthorizationList(body: unknown): Authorization[] {
  return parseOrThrow(listSchema, body, "The utility's list of connected apps could not be read.")
    .authorizations;
}

export function parseAuthorization(body: unknown): Authorization {
  return parseOrThrow(
    authorizationSchema,
    body,
    "The utility's answer about this connected app could not be read.",
  );
}

/** The customer's meters, for their names: authorizations carry only usage point ids. */
const usagePointsSchema = z.object({
  usagePoints: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      serviceKind: z.optional(z.number()),
      meterId: optionalText,
      address: optionalText,
    }),
  ),
});

export type UsagePoint = z.output<typeof usagePointsSchema>['usagePoints'][number];

export function parseUsagePoints(body: unknown): UsagePoint[] {
  return parseOrThrow(usagePointsSchema, body, "The utility's list of your meters could not be read.")
    .usagePoints;
}
