/**
 * The customer API's bulk-grant endpoints (docs/openapi.yaml) as typed functions. Every answer is
 * validated (bulk-schemas.ts); every write that creates or changes a grant carries an
 * Idempotency-Key, so a retry after a lost answer is applied at most once.
 */
import type * as z from 'zod/mini';
import type { ApiClient } from '../../../lib/api-client.ts';
import { parseResponse } from '../../../lib/parse-response.ts';
import { usagePointsQuery } from '../../../lib/usage-points.ts';
import { termEndOf, type Aggregator, type GrantDetail, type NewGrant } from '../model/grant.ts';
import { aggregatorsSchema, changeSchema, grantListSchema, grantSchema } from './bulk-schemas.ts';

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  return parseResponse(schema, value, `The utility sent ${what} the portal could not read.`);
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
  /** The portal's shared usage-points query (bulk reads it as meters, bulk-queries.ts). */
  usagePoints: ReturnType<typeof usagePointsQuery>;
  listAggregators(signal?: AbortSignal): Promise<Aggregator[]>;
  listGrants(signal?: AbortSignal): Promise<GrantDetail[]>;
  getGrant(id: string, signal?: AbortSignal): Promise<GrantDetail>;
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
    usagePoints: usagePointsQuery(client, baseUrl),
    listAggregators: async (signal) =>
      parse(
        aggregatorsSchema,
        await client.json(url('/third-parties'), { signal }),
        'a list of third parties',
      ),
    listGrants: async (signal) =>
      parse(grantListSchema, await client.json(url('/bulk-grants'), { signal }), 'a list of grants'),
    getGrant: async (id, signal) =>
      parse(grantSchema, await client.json(grantUrl(id), { signal }), 'a grant'),
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
