import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

/** Reads retry a network blip or a 5xx twice with backoff; a 4xx or a lost session never. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failureCount, error) => failureCount < 2 && error instanceof ApiError && error.retryable,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        refetchOnWindowFocus: false,
      },
      // Writes are never retried blindly: a retried grant or revoke must carry its idempotency key.
      mutations: { retry: false },
    },
  });
}
