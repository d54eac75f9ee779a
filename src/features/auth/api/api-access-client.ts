/**
 * The customer's own-data API client through the customer API (`/api-client`, docs/openapi.yaml
 * "Own-data API access"): read it, create it, change its ceiling, rotate its secret, list and revoke its
 * tokens. A secret arrives only in the answer that made it and is kept in the page's memory for the
 * person to copy, never in the query cache, storage or a URL.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { parseResponse } from '../../../lib/parse-response.ts';

const ceilingSchema = z.object({ scope: z.string(), usagePointIds: z.array(z.string()) });
export type Ceiling = z.output<typeof ceilingSchema>;

const clientSchema = z.object({
  clientId: z.string(),
  createdAt: z.string(),
  secretIssuedAt: z.string(),
  ceiling: ceilingSchema,
  tokenEndpoint: z.string(),
  resourceURI: z.string(),
  lifetimes: z.object({ accessToken: z.number(), refreshToken: z.number(), refreshTokenFamily: z.number() }),
});
export type OwnApiClient = z.output<typeof clientSchema>;

const withSecretSchema = z.extend(clientSchema, { clientSecret: z.string() });
export type OwnApiClientWithSecret = z.output<typeof withSecretSchema>;

const overviewSchema = z.object({
  /** Whether the utility enabled API access for this account. */
  enabled: z.boolean(),
  username: z.string(),
  maximumScope: z.string(),
  apiClient: z.nullable(clientSchema),
});
export type OwnApiOverview = z.output<typeof overviewSchema>;

const tokenSchema = z.object({
  id: z.string(),
  status: z.enum(['active', 'revoked', 'expired']),
  scope: z.string(),
  issuedAt: z.string(),
  refreshedAt: z.nullable(z.string()),
  lastUsedAt: z.nullable(z.string()),
  accessTokenExpiresAt: z.string(),
  refreshTokenExpiresAt: z.string(),
  familyExpiresAt: z.string(),
  revokedAt: z.nullable(z.string()),
});
export type OwnApiToken = z.output<typeof tokenSchema>;
const tokenListSchema = z.object({ tokens: z.array(tokenSchema) });

const UNREADABLE = 'The utility sent an answer about your API client the portal could not read.';

export const ownApiKeys = {
  all: ['own-api-client'] as const,
  overview: () => [...ownApiKeys.all, 'overview'] as const,
  tokens: () => [...ownApiKeys.all, 'tokens'] as const,
};

function overviewOptions(client: ApiClient, base: string) {
  return queryOptions({
    queryKey: ownApiKeys.overview(),
    queryFn: async ({ signal }) =>
      parseResponse(overviewSchema, await client.json(`${base}/api-client`, { signal }), UNREADABLE),
  });
}

function tokenListOptions(client: ApiClient, base: string) {
  return queryOptions({
    queryKey: ownApiKeys.tokens(),
    queryFn: async ({ signal }) =>
      parseResponse(tokenListSchema, await client.json(`${base}/api-client/tokens`, { signal }), UNREADABLE)
        .tokens,
  });
}

export function useOwnApiOverview() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return useQuery(overviewOptions(client, customerApiBaseUrl));
}

export function useOwnApiTokens(enabled: boolean) {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  return useQuery({ ...tokenListOptions(client, customerApiBaseUrl), enabled });
}

/** The client as the overview keeps it: the answer without its secret. */
function withoutSecret({ clientSecret: _secret, ...client }: OwnApiClientWithSecret): OwnApiClient {
  return client;
}

/**
 * Create the client, or rotate its secret: both answer the client with a new secret, which is returned
 * to the caller and left out of the cache.
 */
export function useIssueSecret() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: { create: Ceiling } | { rotate: true }) => {
      const url = `${customerApiBaseUrl}/api-client${'create' in request ? '' : '/secret'}`;
      const body = 'create' in request ? request.create : undefined;
      return parseResponse(withSecretSchema, await client.json(url, { method: 'POST', body }), UNREADABLE);
    },
    onSuccess: (issued) =>
      queryClient.setQueryData<OwnApiOverview>(ownApiKeys.overview(), (overview) =>
        overview ? { ...overview, apiClient: withoutSecret(issued) } : overview,
      ),
  });
}

export function useSetCeiling() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ceiling: Ceiling) =>
      parseResponse(
        clientSchema,
        await client.json(`${customerApiBaseUrl}/api-client/ceiling`, { method: 'PUT', body: ceiling }),
        UNREADABLE,
      ),
    onSuccess: (updated) =>
      queryClient.setQueryData<OwnApiOverview>(ownApiKeys.overview(), (overview) =>
        overview ? { ...overview, apiClient: updated } : overview,
      ),
  });
}

export function useDeleteClient() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.json(`${customerApiBaseUrl}/api-client`, { method: 'DELETE' }),
    // The token list goes with the client: not read again, since there is no client to ask about.
    onSuccess: () => {
      queryClient.setQueryData<OwnApiOverview>(ownApiKeys.overview(), (overview) =>
        overview ? { ...overview, apiClient: null } : overview,
      );
      queryClient.removeQueries({ queryKey: ownApiKeys.tokens() });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ownApiKeys.overview() }),
  });
}

/** Revoke one token (its id) or every one (no id); the list is read again either way. */
export function useRevokeTokens() {
  const client = useApiClient();
  const { customerApiBaseUrl } = useConfig();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) =>
      client.json(
        `${customerApiBaseUrl}/api-client/tokens/${id === undefined ? '' : `${encodeURIComponent(id)}/`}revoke`,
        { method: 'POST' },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ownApiKeys.tokens() }),
  });
}
