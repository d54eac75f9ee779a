/**
 * The customer API's bulk-grant endpoints (docs/openapi.yaml) as typed functions. Every answer is
 * validated (bulk-schemas.ts); every write that creates or changes a grant carries an
 * Idempotency-Key, so a retry after a lost answer is applied at most once.
 */
import type { z } from 'zod';
import type { ApiClient } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { termEndOf, type Aggregator, type GrantDetail, type NewGrant } from '../model/grant.ts';
import type { Meter } from '../model/meter.ts';
import {
  aggregatorsSchema,
  changeSchema,
  grantListSchema,
  grantSchema,
  usagePointsSchema,
} from './bulk-schemas.ts';

function parse<T>(schema: z.ZodType<T, unknown>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError('invalid-response', `The utility sent ${what} the portal could not read.`, {
    detail: issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : undefined,
    cause: result.error,
  });
}

export interface Rejection {
  usagePointId: string;
  /** The custodian's reason code: unknown, not-yours, not-eligible. */
  reason: string;
}

export interface ChangeAnswer {
  grant: GrantDetail;
  rejected: Rejection[];
}

export interface BulkApi {
  listUsagePoints(): Promise<Meter[]>;
  listAggregators(): Promise<Aggregator[]>;
  listGrants(): Promise<GrantDetail[]>;
  getGrant(id: string): Promise<GrantDetail>;
  createGrant(grant: NewGrant, idempotencyKey: string): Promise<GrantDetail>;
  changeMeters(
    id: string,
    change: { add?: string[]; remove?: string[] },
    idempotencyKey: string,
  ): Promise<ChangeAnswer>;
  revokeGrant(id: string, idempotencyKey: string): Promise<GrantDetail>;
}

export function bulkApi(client: ApiClient, baseUrl: string): BulkApi {
  const url = (path: string) => `${baseUrl}${path}`;
  const grantUrl = (id: string) => url(`/bulk-grants/${encodeURIComponent(id)}`);
  return {
    listUsagePoints: async () =>
      parse(usagePointsSchema, await client.json(url('/usage-points')), 'a list of meters'),
    listAggregators: async () =>
      parse(aggregatorsSchema, await client.json(url('/third-parties')), 'a list of third parties'),
    listGrants: async () =>
      parse(grantListSchema, await client.json(url('/bulk-grants')), 'a list of grants'),
    getGrant: async (id) => parse(grantSchema, await client.json(grantUrl(id)), 'a grant'),
    createGrant: async (grant, idempotencyKey) => {
      const end = termEndOf(grant.term);
      const body = {
        thirdPartyId: grant.clientId,
        usagePointIds: grant.usagePointIds,
        scope: grant.scope,
        termEnd: end === null ? null : new Date(end).toISOString(),
      };
      const answer = await client.json(url('/bulk-grants'), { method: 'POST', idempotencyKey, body });
      return parse(grantSchema, answer, 'a grant');
    },
    changeMeters: async (id, change, idempotencyKey) => {
      const body = { add: change.add ?? [], remove: change.remove ?? [] };
      const answer = await client.json(`${grantUrl(id)}/changes`, { method: 'POST', idempotencyKey, body });
      return parse(changeSchema, answer, 'the changed grant');
    },
    revokeGrant: async (id, idempotencyKey) =>
      parse(
        grantSchema,
        await client.json(`${grantUrl(id)}/revoke`, { method: 'POST', idempotencyKey }),
        'the revoked grant',
      ),
  };
}
