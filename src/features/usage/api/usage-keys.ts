/**
 * The usage feature's query keys, in one factory (TanStack Query practice): every key starts with
 * `['usage']`, so signing out or a reset can drop them together, and a feed is cached per usage point
 * and fetch window. (The usage points themselves are the portal's shared query, src/lib/usage-points.ts.)
 */
export interface FeedWindow {
  publishedMin: string;
  publishedMax: string;
}

export const usageKeys = {
  all: ['usage'] as const,
  feeds: (usagePointId: string) => [...usageKeys.all, 'feed', usagePointId] as const,
  feed: (usagePointId: string, window: FeedWindow) =>
    [...usageKeys.feeds(usagePointId), window.publishedMin, window.publishedMax] as const,
};
