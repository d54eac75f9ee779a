/**
 * The directory's two reads. The registered apps come from the custodian's own ESPI resource,
 * `GET {espi}/ApplicationInformation`, which the customer's token reads (docs/espi.md 1.7): the portal
 * shows what the custodian publishes, and needs no endpoint of its own for it. Which apps the customer
 * already connected comes from the customer API's authorizations (docs/openapi.yaml), read here for the
 * one thing the directory needs: the active authorization of each app.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ApiClient } from '../../../lib/api-client.ts';
import { parseResponse } from '../../../lib/parse-response.ts';
import { readEspi } from '../../../espi/index.ts';
import { directoryEntries } from '../model/directory-entry.ts';

export const appDirectoryKeys = {
  all: ['app-directory'] as const,
  apps: () => [...appDirectoryKeys.all, 'apps'] as const,
  connected: () => [...appDirectoryKeys.all, 'connected'] as const,
};

export function registeredAppsOptions(client: ApiClient, espiBaseUrl: string) {
  return queryOptions({
    queryKey: appDirectoryKeys.apps(),
    queryFn: async ({ signal }) => {
      const url = `${espiBaseUrl}/ApplicationInformation`;
      const xml = await client.getText(url, { signal });
      return directoryEntries(readEspi(xml, { baseUrl: url }).applicationInformation);
    },
    // Registrations change rarely; a new visit within minutes need not ask again.
    staleTime: 5 * 60_000,
  });
}

const authorizationsSchema = z.object({
  authorizations: z.array(
    z.object({ id: z.string(), status: z.string(), thirdParty: z.object({ clientId: z.string() }) }),
  ),
});

/** clientId → the id of the customer's active authorization of that app (the newest, when several). */
export function connectedAppsOptions(client: ApiClient, customerApiBaseUrl: string) {
  return queryOptions({
    queryKey: appDirectoryKeys.connected(),
    queryFn: async ({ signal }) => {
      const body = await client.json(`${customerApiBaseUrl}/authorizations`, { signal });
      const { authorizations } = parseResponse(
        authorizationsSchema,
        body,
        "The utility's list of connected apps could not be read.",
      );
      const connected = new Map<string, string>();
      // The list is newest first (docs/openapi.yaml): the first active one of an app wins.
      for (const a of authorizations) {
        if (a.status === 'active' && !connected.has(a.thirdParty.clientId))
          connected.set(a.thirdParty.clientId, a.id);
      }
      return connected;
    },
  });
}
