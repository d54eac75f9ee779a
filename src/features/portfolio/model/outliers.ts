/**
 * Meters that stand out, each with the reason in figures a person can check: readings that stopped,
 * use far from the meter's own history (the same month a year before), and many estimated readings.
 * Free of React.
 */
import type { MeterRow } from './portfolio.ts';

const DAY = 86_400;

/**
 * The thresholds, chosen against the custodian's normal meters: a month's use moves with the weather by
 * a few percent from year to year, a modem gap loses hours not days, and a normal meter has about 1 in
 * 100 readings estimated.
 */
export const OUTLIER_RULES = {
  /** Readings ending this long before the custodian's data end: the meter stopped sending. */
  stoppedDays: 2,
  /** Average use per reading this far (either way) from the same month a year before. */
  useChange: 0.5,
  /** This share of the month's readings estimated. */
  estimatedShare: 0.2,
} as const;

export type OutlierReason =
  { kind: 'stopped'; since: number } | { kind: 'use'; change: number } | { kind: 'estimated'; share: number };

/**
 * Why a meter stands out, if it does. Use is compared per reading, so readings missing in either month
 * (a stopped meter, a modem gap) read as what they are, not as a drop in use.
 */
export function outlierReasons(row: MeterRow, dataEnd: number): OutlierReason[] {
  const reasons: OutlierReason[] = [];
  if (row.readingsEnd <= dataEnd - OUTLIER_RULES.stoppedDays * DAY)
    reasons.push({ kind: 'stopped', since: row.readingsEnd });
  const before = row.yearAgo;
  if (before && before.readings > 0 && before.use > 0 && row.readings > 0) {
    const change = row.use / row.readings / (before.use / before.readings) - 1;
    if (Math.abs(change) >= OUTLIER_RULES.useChange) reasons.push({ kind: 'use', change });
  }
  if (row.readings > 0) {
    const share = row.estimated / row.readings;
    if (share >= OUTLIER_RULES.estimatedShare) reasons.push({ kind: 'estimated', share });
  }
  return reasons;
}

export interface Outlier {
  row: MeterRow;
  reasons: OutlierReason[];
}

/** The meters that stand out, those with more reasons first, then by cost. */
export function findOutliers(rows: readonly MeterRow[], dataEnd: number): Outlier[] {
  return rows
    .map((row) => ({ row, reasons: outlierReasons(row, dataEnd) }))
    .filter((o) => o.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || b.row.cost - a.row.cost);
}
