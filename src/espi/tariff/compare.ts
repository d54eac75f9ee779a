/**
 * "Which plan would have cost least": a meter's last twelve whole local months priced under each plan it
 * may choose, with its current plan's time-of-use split. Past use is taken as it was (no one moves their
 * laundry for a plan they are not on), so the answer is what last year's use would have cost.
 */
import type { LocalTime } from '../local-time.ts';
import {
  prepareSeries,
  priceTariff,
  type BillingPeriod,
  type EnergySeries,
  type TariffBill,
} from './price.ts';
import { timeOfUseSplit, type RatePlan, type TimeOfUseShare } from './rate-plan.ts';

export interface ComparedMonth extends BillingPeriod {
  /** The local calendar month: its label, whatever zone the page runs in. */
  year: number;
  /** 1-12. */
  month: number;
  /** Readings cover less of the month than its length (missing data, or the meter's first month). */
  partial: boolean;
  coveredFraction: number;
}

export interface PlanComparison {
  months: ComparedMonth[];
  /** Every plan priced, cheapest first. */
  bills: TariffBill[];
  currentPlanId: string;
  cheapestPlanId: string;
  /** What the cheapest plan would have saved against the current one (0 when the current is cheapest). */
  saving: number;
  currentSplit: TimeOfUseShare[];
}

/**
 * Up to twelve whole local months before the month the data ends in (a month the data ends inside is
 * not over: its bill is not known). Fewer when the data begins later: a partial year.
 */
export function lastTwelveMonths(series: EnergySeries, clock: LocalTime): BillingPeriod[] {
  if (series.count === 0) return [];
  const last = series.count - 1;
  const dataEnd = (series.start[last] as number) + (series.duration[last] as number);
  const end = clock.startOfLocalMonth(dataEnd);
  const first = clock.startOfLocalMonth(series.start[0] as number);
  const months: BillingPeriod[] = [];
  for (let start = clock.addLocalMonths(end, -12); start < end; start = clock.addLocalMonths(start, 1))
    if (start >= first) months.push({ start, end: clock.addLocalMonths(start, 1) });
  return months;
}

/** `plans` priced over the last twelve months of `series`; undefined when no whole month is there. */
export function comparePlans(
  series: EnergySeries,
  clock: LocalTime,
  plans: readonly RatePlan[],
  currentPlanId: string,
): PlanComparison | undefined {
  const periods = lastTwelveMonths(series, clock);
  const current = plans.find((p) => p.id === currentPlanId);
  if (periods.length === 0 || !current) return undefined;
  const prepared = prepareSeries(series, periods, clock);
  const bills = plans.map((plan) => priceTariff(plan.tariff, prepared)).sort((a, b) => a.total - b.total);
  const currentBill = bills.find((b) => b.label === current.tariff.label) as TariffBill;
  const cheapest = bills[0] as TariffBill;
  const months = currentBill.periods.map(({ start, end, coveredSeconds }) => {
    const coveredFraction = Math.min(1, coveredSeconds / (end - start));
    const { year, month } = clock.toLocal(start);
    // A few hours short (a meter's hiccup) is still the month's bill; a tenth missing is not.
    return { start, end, year, month, coveredFraction, partial: coveredFraction < 0.9 };
  });
  const planOf = (bill: TariffBill) => plans.find((p) => p.tariff.label === bill.label) as RatePlan;
  return {
    months,
    bills,
    currentPlanId,
    cheapestPlanId: planOf(cheapest).id,
    saving: currentBill.total - cheapest.total,
    currentSplit: timeOfUseSplit(current, currentBill),
  };
}
