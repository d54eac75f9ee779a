/**
 * Saving budgets and alerts, honestly: the form shows saving, then saved (what the custodian stored, put in
 * the cache) or failed with a retry of the same body. Nothing is shown as saved before the custodian says so.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { saveInsightSettings, type InsightSettingsInput } from '../api/insight-settings.ts';
import { insightKeys } from '../api/insight-keys.ts';

export function useSaveSettings() {
  const api = useApiClient();
  const config = useConfig();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: InsightSettingsInput) =>
      saveInsightSettings(api, config.customerApiBaseUrl, settings),
    onSuccess: (saved) => queryClient.setQueryData(insightKeys.settings(), saved),
  });
}
