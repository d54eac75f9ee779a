/**
 * What the rate comparison page says, from the worker's PlanComparison: each plan's year against the
 * current plan's, month by month, and the sentence that answers "would another plan have cost less?".
 * Pure (no React), so the wording and the arithmetic are tested without a page.
 */
import type { PlanComparison, RatePlan } from '../../../espi/index.ts';

export interface PlanRow {
  plan: RatePlan;
  total: number;
  /** Against the current plan: negative is cheaper. */
  difference: number;
  monthly: number[];
  current: boolean;
  cheapest: boolean;
}

export interface ComparisonView {
  rows: PlanRow[];
  current: PlanRow;
  cheapest: PlanRow;
  saving: number;
  /** Month labels ("Nov 2025"), in the order of each row's `monthly`. */
  months: { label: string; partial: boolean }[];
  /** Fewer than twelve months, or some of them with data missing. */
  partialYear: boolean;
}

const monthLabel = (year: number, month: number) =>
  new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 1),
  );

export function comparisonView(comparison: PlanComparison, plans: readonly RatePlan[]): ComparisonView {
  const currentBill = comparison.bills.find((b) => b.label === comparison.currentPlanId);
  const rows = comparison.bills.flatMap((bill): PlanRow[] => {
    const plan = plans.find((p) => p.tariff.label === bill.label);
    if (!plan) return [];
    return [
      {
        plan,
        total: bill.total,
        difference: bill.total - (currentBill?.total ?? bill.total),
        monthly: bill.periods.map((p) => p.total),
        current: plan.id === comparison.currentPlanId,
        cheapest: plan.id === comparison.cheapestPlanId,
      },
    ];
  });
  const current = rows.find((r) => r.current) as PlanRow;
  const cheapest = rows.find((r) => r.cheapest) as PlanRow;
  return {
    rows,
    current,
    cheapest,
    saving: comparison.saving,
    months: comparison.months.map((m) => ({ label: monthLabel(m.year, m.month), partial: m.partial })),
    partialYear: comparison.months.length < 12 || comparison.months.some((m) => m.partial),
  };
}

/** Savings under a cent are no saving: the plans cost the same. */
const CENT = 0.005;

/** The answer in one sentence, money formatted by `money`. */
export function verdict(view: ComparisonView, money: (amount: number) => string): string {
  const span = view.months.length === 12 ? 'the last 12 months' : `the last ${view.months.length} months`;
  if (view.cheapest.current || view.saving < CENT) {
    const next = view.rows.find((r) => !r.current);
    return next
      ? `Your current plan, ${view.current.plan.tariff.name}, cost least over ${span}: the next cheapest, ${next.plan.tariff.name}, would have cost ${money(next.difference)} more.`
      : `Your current plan, ${view.current.plan.tariff.name}, is the only plan this meter can take.`;
  }
  return `${view.cheapest.plan.tariff.name} would have cost least over ${span}: ${money(view.saving)} less than your current plan, ${view.current.plan.tariff.name} (${money(view.cheapest.total)} instead of ${money(view.current.total)}).`;
}
