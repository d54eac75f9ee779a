/**
 * The custodian's customer API answers for authorizations (docs/openapi.yaml), validated at the edge:
 * a field of the wrong type becomes one readable error instead of a broken page later. Text fields
 * stay plain strings; React renders them as text.
 */
import * as z from 'zod/mini';
import { parseResponse } from '../../../lib/parse-response.ts';
import type { UsagePoint as SharedUsagePoint } from '../../../lib/usage-points.ts';
import { AUTHORIZATION_STATUSES, type ListedAuthorization } from '../model/authorization-list.ts';
import { secondsOfIso } from '../../../espi/index.ts';

/** An RFC 3339 date-time (the customer API's instants) or epoch seconds, as epoch seconds. */
const instant = z.pipe(
  z.union([z.number(), z.iso.datetime({ offset: true })]),
  z.transform((value) => (typeof value === 'number' ? value : secondsOfIso(value))),
);

const optionalText = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => (value ? value : undefined)),
);

/** ESPI DateTimeInterval: a start and a duration in seconds, 0 = open-ended (docs/espi.md 2.2). */
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

/** What an authorization granted before or after one change (docs/openapi.yaml AuthorizationTerms). */
const terms = z.object({ scope: z.string(), usagePointIds: z.array(z.string()), end: z.nullable(instant) });

const change = z.object({
  at: instant,
  action: z.enum(['narrowed', 'renewed']),
  before: terms,
  after: terms,
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
  /** The app's latest ESPI read (its access log); null: never. */
  lastAccessedAt: z.optional(z.nullable(instant)),
  resourceURI: optionalText,
  authorizationURI: optionalText,
  /** The customer's changes and renewals, oldest first; a custodian without them sends none. */
  history: z._default(z.array(change), []),
});

export type Authorization = z.output<typeof authorizationSchema> & ListedAuthorization;
export type ThirdParty = Authorization['thirdParty'];
export type AuthorizationChange = Authorization['history'][number];

const listSchema = z.object({ authorizations: z.array(authorizationSchema) });

export function parseAuthorizationList(body: unknown): Authorization[] {
  return parseResponse(listSchema, body, "The utility's list of connected apps could not be read.")
    .authorizations;
}

export function parseAuthorization(body: unknown): Authorization {
  return parseResponse(
    authorizationSchema,
    body,
    "The utility's answer about this connected app could not be read.",
  );
}

/** A meter as a connected app's page names it: authorizations carry only usage point ids. */
export type UsagePoint = Pick<SharedUsagePoint, 'id' | 'meterId' | 'address'> &
  Partial<Pick<SharedUsagePoint, 'serviceKind'>> & { title: string };
