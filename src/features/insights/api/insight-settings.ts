/**
 * The customer's budgets and chosen alerts, kept at the custodian (`GET`/`PUT
 * {customerApiBaseUrl}/insight-settings`, docs/openapi.yaml), validated here at the edge like every answer.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ApiClient } from '../../../lib/api-client.ts';
import { parseResponse } from '../../../lib/parse-response.ts';
import { insightKeys } from './insight-keys.ts';

const settingsSchema = z.object({
  budgets: z.array(z.object({ service: z.string(), monthly: z.number().check(z.positive()) })),
  alerts: z.object({ budgetPassed: z.boolean(), aboveLastYear: z.boolean(), dataLate: z.boolean() }),
  updatedAt: z.optional(z.string()),
});

export type InsightSettings = z.output<typeof settingsSchema>;
export type InsightSettingsInput = Omit<InsightSettings, 'updatedAt'>;
export type AlertKind = keyof InsightSettings['alerts'];

const parse = (body: unknown) =>
  parseResponse(settingsSchema, body, 'The utility sent budgets and alerts the portal could not read.');

export function insightSettingsQuery(api: ApiClient, customerApiBaseUrl: string) {
  return queryOptions({
    queryKey: insightKeys.settings(),
    queryFn: async ({ signal }) =>
      parse(await api.json(`${customerApiBaseUrl}/insight-settings`, { signal })),
    staleTime: 5 * 60_000,
  });
}

/** Replaces the settings (PUT: a retry sends the same body); the answer is what the custodian stored. */
export async function saveInsightSettings(
  api: ApiClient,
  customerApiBaseUrl: string,
  settings: InsightSettingsInput,
): Promise<InsightSettings> {
  return parse(await api.json(`${customerApiBaseUrl}/insight-settings`, { method: 'PUT', body: settings }));
}
