/**
 * What an ESPI scope lets a token read at this custodian (docs/espi.md 4.3 function blocks): which
 * services (FB 5 electricity, 10 gas, 11 water), whether received energy (FB 7/8), interval costs
 * (FB 12), usage summaries (FB 15, with costs FB 16), and how much history (HistoryLength).
 * IntervalDuration is not enforced: the mock serves each meter at its own interval length.
 */
import { formatScope, parseScope } from '../espi/index.ts';

export interface ScopeLimits {
  functionBlocks: Set<number>;
  /** ServiceKinds readable; every kind when the scope names no commodity block. */
  serviceKinds: Set<number>;
  received: boolean;
  intervalCosts: boolean;
  summaries: boolean;
  summaryCosts: boolean;
  /** Seconds of history before "now"; Infinity when the scope does not say (small values are months: espi/scope.ts). */
  historySeconds: number;
  bulkId?: string;
}

export function scopeLimits(scope: string): ScopeLimits {
  const parsed = parseScope(scope);
  const functionBlocks = new Set(parsed.functionBlocks);
  const kinds = [
    [5, 0],
    [10, 1],
    [11, 2],
  ].flatMap(([fb, kind]) => (functionBlocks.has(fb as number) ? [kind as number] : []));
  return {
    functionBlocks,
    serviceKinds: new Set(kinds.length ? kinds : [0, 1, 2]),
    received: functionBlocks.has(7) || functionBlocks.has(8),
    intervalCosts: functionBlocks.has(12),
    summaries: functionBlocks.has(15) || functionBlocks.has(16),
    summaryCosts: functionBlocks.has(16),
    historySeconds: parsed.historyLength?.seconds ?? Infinity,
    ...(parsed.bulkId ? { bulkId: parsed.bulkId } : {}),
  };
}

/** True when `requested` grants nothing `ceiling` does not: its function blocks and history fit inside. */
export function isScopeWithin(requested: string, ceiling: string): boolean {
  const r = scopeLimits(requested);
  const c = scopeLimits(ceiling);
  if (r.functionBlocks.size === 0) return false;
  return (
    [...r.functionBlocks].every((fb) => c.functionBlocks.has(fb)) && r.historySeconds <= c.historySeconds
  );
}

/**
 * A token's ESPI scope held to its authorization's current scope: the function blocks both grant and
 * the shorter history, the token's other terms kept. A token keeps the scope it was issued with, while
 * the customer may narrow the authorization afterwards (authorization-changes.ts); the narrowing must
 * bind the tokens already issued at once, not at their next refresh.
 */
export function narrowScope(tokenScope: string, authorizationScope: string): string {
  const token = parseScope(tokenScope);
  const authorization = parseScope(authorizationScope);
  const allowed = new Set(authorization.functionBlocks);
  const shorter =
    (authorization.historyLength?.seconds ?? Infinity) < (token.historyLength?.seconds ?? Infinity)
      ? authorization.historyLength
      : token.historyLength;
  return formatScope({
    ...token,
    functionBlocks: token.functionBlocks.filter((fb) => allowed.has(fb)),
    ...(shorter ? { historyLength: shorter } : {}),
  });
}
