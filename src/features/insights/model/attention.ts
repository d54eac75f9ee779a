/**
 * What needs the customer's attention beneath the bills, from the alerts they chose (kept at the
 * custodian): a budget passed or on course to be, data that stopped arriving, and use far above the same
 * days a year before. Pure: bills, insights and the time in, notices out.
 */
import type { BudgetCheck } from '../../../espi/index.ts';
import type { UsagePointInsights } from '../../../espi/index.ts';
import type { InsightSettings } from '../api/insight-settings.ts';
import type { ServiceBill } from './service-bill.ts';

/** Meters publish a day at a time, often a day behind: more than two days without a reading is late. */
export const DATA_LATE_SECONDS = 2 * 86_400;
/** Half as much again as the same weekdays a year before. */
export const FAR_ABOVE_LAST_YEAR = 0.5;

export type Notice =
  | { kind: 'budget'; service: string; label: string; check: BudgetCheck; currency?: number }
  | { kind: 'dataLate'; usagePointId: string; title: string; through: number }
  | {
      kind: 'aboveLastYear';
      usagePointId: string;
      title: string;
      change: number;
      unit: string;
      days: number;
    };

export function noticesFor(
  bills: readonly ServiceBill[],
  yearInsights: ReadonlyMap<string, UsagePointInsights | undefined>,
  alerts: InsightSettings['alerts'],
  nowSeconds: number,
): Notice[] {
  const notices: Notice[] = [];
  for (const bill of bills) {
    const check = bill.budget;
    if (alerts.budgetPassed && check && check.state !== 'within')
      notices.push({
        kind: 'budget',
        service: bill.service,
        label: bill.label,
        check,
        ...(bill.currency === undefined ? {} : { currency: bill.currency }),
      });
    for (const meter of bill.meters) {
      const through = meter.insights?.span?.end;
      if (alerts.dataLate && through !== undefined && nowSeconds - through > DATA_LATE_SECONDS)
        notices.push({ kind: 'dataLate', usagePointId: meter.usagePointId, title: meter.title, through });
      const recent = yearInsights.get(meter.usagePointId)?.recent;
      if (alerts.aboveLastYear && recent && recent.change >= FAR_ABOVE_LAST_YEAR)
        notices.push({
          kind: 'aboveLastYear',
          usagePointId: meter.usagePointId,
          title: meter.title,
          change: recent.change,
          unit: meter.insights?.unit ?? '',
          days: recent.days,
        });
    }
  }
  return notices;
}
