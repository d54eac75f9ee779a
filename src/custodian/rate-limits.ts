/**
 * Throttles against brute force and floods (issue 13), with rate-limiter-flexible's in-memory limiter:
 * it has no Node-only dependency, so the browser demo's worker host runs the same limits as the
 * sandbox server. Budgets are spent before the work is done (not after a failure), so a burst of
 * parallel guesses is counted in full before any of them is checked.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * `sign-in`: attempts per username across both sign-ins (the authorize page and the password grant);
 * a success clears them, ten without one lock the account for 15 minutes.
 * `token`: token-endpoint requests per client id, whatever their grant.
 */
export type LimitScope = 'sign-in' | 'token';

const BUDGETS: Record<LimitScope, { points: number; duration: number; blockDuration: number }> = {
  'sign-in': { points: 10, duration: 15 * 60, blockDuration: 15 * 60 },
  token: { points: 100, duration: 10, blockDuration: 0 },
};

export interface RateLimits {
  /** Spends one attempt: undefined when allowed, otherwise the whole seconds to wait (Retry-After). */
  attempt(scope: LimitScope, key: string): Promise<number | undefined>;
  /** Clears a key's spent attempts (a successful sign-in). */
  forgive(scope: LimitScope, key: string): Promise<void>;
  /** Forgets every count (the demo's reset). */
  reset(): void;
}

export function createRateLimits(): RateLimits {
  const build = () =>
    Object.fromEntries(
      Object.entries(BUDGETS).map(([scope, budget]) => [scope, new RateLimiterMemory(budget)]),
    ) as Record<LimitScope, RateLimiterMemory>;
  let limiters = build();
  return {
    async attempt(scope, key) {
      try {
        await limiters[scope].consume(key.toLowerCase());
        return undefined;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      }
    },
    async forgive(scope, key) {
      await limiters[scope].delete(key.toLowerCase());
    },
    reset() {
      limiters = build();
    },
  };
}
