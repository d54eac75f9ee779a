/** The insights feature's query keys: every key starts with `['insights']`, so signing out drops them together. */
export type InsightWindow = 'bill' | 'year';

export const insightKeys = {
  all: ['insights'] as const,
  usagePoint: (usagePointId: string, window: InsightWindow) =>
    [...insightKeys.all, 'usage-point', usagePointId, window] as const,
  settings: () => [...insightKeys.all, 'settings'] as const,
  lastBill: () => [...insightKeys.all, 'last-bill'] as const,
};
