/**
 * The bill a period will end at: the cost so far carried on at its average daily cost to the period's end,
 * with a range from how much the days so far varied. Low and high carry the remaining days at the lower
 * and upper quartile of the daily costs so far (nearest rank), so one unusual day moves neither much.
 */
export interface BillProjection {
  soFar: number;
  /** Local days the cost so far covers. */
  days: number;
  /** Local days of the whole period. */
  periodDays: number;
  projected: number;
  low: number;
  high: number;
}

/** A straight line drawn from under three days of a period says little: no projection until then. */
export const MIN_PROJECTION_DAYS = 3;

/** The nearest-rank quantile q (0..1) of values sorted ascending. */
export function nearestRank(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? NaN;
}

/**
 * `dailyCosts`: the cost of each whole local day so far (days without a cost left out); without them the
 * range is the projection itself. Undefined under MIN_PROJECTION_DAYS days.
 */
export function projectBill(
  soFar: number,
  days: number,
  periodDays: number,
  dailyCosts: readonly number[] = [],
): BillProjection | undefined {
  if (days < MIN_PROJECTION_DAYS || periodDays < days) return undefined;
  const remaining = periodDays - days;
  const projected = soFar + (soFar / days) * remaining;
  const sorted = dailyCosts.filter((c) => !Number.isNaN(c)).sort((a, b) => a - b);
  const spread = sorted.length >= MIN_PROJECTION_DAYS;
  const low = spread ? soFar + nearestRank(sorted, 0.25) * remaining : projected;
  const high = spread ? soFar + nearestRank(sorted, 0.75) * remaining : projected;
  return {
    soFar,
    days,
    periodDays,
    projected,
    low: Math.min(low, projected),
    high: Math.max(high, projected),
  };
}
