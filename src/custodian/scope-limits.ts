/**
 * What an ESPI scope lets a token read at this custodian (reference 4.3 function blocks): which
 * services (FB 5 electricity, 10 gas, 11 water), whether received energy (FB 7/8), interval costs
 * (FB 12), usage summaries (FB 15, with costs FB 16), and how much history (HistoryLength).
 * IntervalDuration is not enforced: the mock serves each meter at its own interval length.
 */

const MONTH = 31 * 86_400;

export interface ScopeLimits {
  functionBlocks: Set<number>;
  /** ServiceKinds readable; every kind when the scope names no commodity block. */
  serviceKinds: Set<number>;
  received: boolean;
  intervalCosts: boolean;
  summaries: boolean;
  summaryCosts: boolean;
  /** Seconds of history before "now"; Infinity when the scope does not say. */
  historySeconds: number;
  bulkId?: string;
}

function terms(scope: string): Map<string, string> {
  return new Map(
    scope
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => {
        const eq = t.indexOf('=');
        return [eq < 0 ? t : t.slice(0, eq), eq < 0 ? '' : t.slice(eq + 1)] as [string, string];
      }),
  );
}

export function scopeLimits(scope: string): ScopeLimits {
  const t = terms(scope);
  const functionBlocks = new Set(
    (t.get('FB') ?? '')
      .split('_')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
  );
  const kinds = [
    [5, 0],
    [10, 1],
    [11, 2],
  ].flatMap(([fb, kind]) => (functionBlocks.has(fb as number) ? [kind as number] : []));
  const history = Number(t.get('HistoryLength'));
  const bulkId = t.get('BR');
  return {
    functionBlocks,
    serviceKinds: new Set(kinds.length ? kinds : [0, 1, 2]),
    received: functionBlocks.has(7) || functionBlocks.has(8),
    intervalCosts: functionBlocks.has(12),
    summaries: functionBlocks.has(15) || functionBlocks.has(16),
    summaryCosts: functionBlocks.has(16),
    // Small values are months in the RI's seed data (reference 4.3); the grammar says seconds.
    historySeconds: !(history > 0) ? Infinity : history <= 120 ? history * MONTH : history,
    ...(bulkId ? { bulkId } : {}),
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
