/**
 * Why a bill changed: the difference between two periods' costs split into three effects that add up to
 * it exactly, each a question a customer asks.
 *
 * With d days, u use per day and p price (cost / use) for the earlier (0) and later (1) period:
 * - more days:     (d1 - d0) × u0 × p0    (the earlier cost per day, for the extra days)
 * - more use:      d1 × (u1 - u0) × p0    (the change in daily use, at the earlier price)
 * - higher prices: d1 × u1 × (p1 - p0)    (the change in price, on the later use)
 * Their sum is d1·u1·p1 - d0·u0·p0, the change in cost. The order (days, then use, then price) is a choice:
 * another order moves the small cross terms between effects, never the total.
 */
export interface PeriodCost {
  /** Local days of the period the figures cover. */
  days: number;
  /** Use over those days, in the usage point's display unit. */
  use: number;
  /** Cost over those days, currency units. */
  cost: number;
}

export interface BillChange {
  /** later.cost - earlier.cost */
  total: number;
  days: number;
  use: number;
  price: number;
}

/** The split, or undefined when the earlier period has no days or no use (no price per unit to carry). */
export function splitBillChange(earlier: PeriodCost, later: PeriodCost): BillChange | undefined {
  if (earlier.days <= 0 || earlier.use <= 0 || later.days <= 0) return undefined;
  const u0 = earlier.use / earlier.days;
  const p0 = earlier.cost / earlier.use;
  const u1 = later.use / later.days;
  const p1 = later.use > 0 ? later.cost / later.use : p0;
  return {
    total: later.cost - earlier.cost,
    days: (later.days - earlier.days) * u0 * p0,
    use: later.days * (u1 - u0) * p0,
    price: later.days * u1 * (p1 - p0),
  };
}
