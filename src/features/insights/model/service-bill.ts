/**
 * The bill of each service (electricity, gas, ...), from its meters' insights: a customer is billed per
 * service, and a bakery's two electricity meters make one electricity bill. Sums only: the figures are
 * worked out per meter in the worker (espi/insights/). The projection's range adds the meters' ranges, the
 * widest it can be.
 */
import { checkBudget, type BudgetCheck } from '../../../espi/index.ts';
import type { UsagePointInsights } from '../../../espi/index.ts';
import { serviceKindName, serviceLabel } from '../../../espi/index.ts';

export interface MeterInsights {
  usagePointId: string;
  title: string;
  serviceKind: number;
  /** IANA zone of the service address, to write dates in. */
  timeZone?: string;
  insights?: UsagePointInsights;
}

export interface ServiceBill {
  /** ServiceKind name (`electricity`): the key budgets are kept under. */
  service: string;
  label: string;
  meters: MeterInsights[];
  currency?: number;
  /** The period under way (the first meter's), with the cost so far over the days with data. */
  period?: { start: number; end: number; days: number; periodDays: number; kind: 'billing' | 'month' };
  soFar?: number;
  projection?: { projected: number; low: number; high: number };
  last?: { start: number; end: number; cost: number };
  /** Day by day, this period and the last, summed over the meters. */
  daily?: { measure: 'cost' | 'use'; unit: string; current: number[]; last: number[] };
  /** The oldest of the meters' latest readings: how fresh the bill is. */
  through?: number;
  budget?: BudgetCheck;
}

const sum = (values: readonly (number | undefined)[]): number | undefined =>
  values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, b) => a + (b ?? 0), 0);

function addSeries(series: readonly (readonly number[])[]): number[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length }, (_, i) => series.reduce((total, s) => total + (s[i] ?? NaN), 0));
}

/** The services in the order of their first meter; `budgets` by service name. */
export function serviceBills(
  meters: readonly MeterInsights[],
  budgets: ReadonlyMap<string, number>,
): ServiceBill[] {
  const byService = new Map<string, MeterInsights[]>();
  for (const meter of meters) {
    const name = serviceKindName(meter.serviceKind);
    byService.set(name, [...(byService.get(name) ?? []), meter]);
  }
  return [...byService].map(([service, group]) => {
    const loaded = group.flatMap((m) => (m.insights ? [m.insights] : []));
    const first = loaded[0];
    const bill: ServiceBill = {
      service,
      label: serviceLabel(group[0]?.serviceKind),
      meters: group,
      ...(first?.currency === undefined ? {} : { currency: first.currency }),
    };
    if (!first?.current || loaded.length < group.length) return bill;
    const current = loaded.map((i) => i.current);
    const soFar = sum(current.map((c) => c?.cost));
    const projections = current.map((c) => c?.projection);
    const projected = sum(projections.map((p) => p?.projected));
    const lastCost = sum(loaded.map((i) => (i.last?.complete ? i.last.cost : undefined)));
    const measures = loaded.map((i) => i.daily?.measure);
    const measure = measures.every((m) => m === 'cost') ? 'cost' : 'use';
    const budget = budgets.get(service);
    const check =
      budget !== undefined && soFar !== undefined ? checkBudget(budget, soFar, projected) : undefined;
    return {
      ...bill,
      period: {
        start: first.current.start,
        end: first.current.end,
        days: first.current.days,
        periodDays: first.current.periodDays,
        kind: first.current.kind,
      },
      ...(soFar === undefined ? {} : { soFar }),
      ...(projected === undefined
        ? {}
        : {
            projection: {
              projected,
              low: sum(projections.map((p) => p?.low)) ?? projected,
              high: sum(projections.map((p) => p?.high)) ?? projected,
            },
          }),
      ...(lastCost !== undefined && first.last
        ? { last: { start: first.last.start, end: first.last.end, cost: lastCost } }
        : {}),
      daily: {
        measure,
        unit: first.unit,
        current: addSeries(loaded.map((i) => i.daily?.current ?? [])),
        last: addSeries(loaded.map((i) => i.daily?.last ?? [])),
      },
      through: Math.min(...loaded.map((i) => i.span?.end ?? Infinity)),
      ...(check ? { budget: check } : {}),
    };
  });
}
