/**
 * Everything the bill-first pages say about one usage point, computed where the document is read (the
 * parse worker) from its typed arrays and precomputed aggregates: totals per flow, the current period's
 * cost so far and projected bill, the last complete period against the one before and the same period a
 * year earlier (split into days, use and price: bill-change.ts), the last week against the same week a year
 * earlier, a day-by-day series of this period and the last, and the hour-by-weekday profile of the last 13
 * weeks (day-profile.ts). Plain numbers out, so it crosses to the page by structured clone.
 */
import { totalsOf, type Aggregation } from '../aggregate.ts';
import { dataThrough, flowReadings, type Flow, type FlowReading } from '../flows.ts';
import { createLocalTime, type LocalTime, type TimeZoneRules } from '../local-time.ts';
import type { EspiDocument, UsagePoint } from '../model.ts';
import { currentAndPrevious, givenBillingPeriods, localDaysBetween, type Period } from '../periods.ts';
import { aggregateOrSlice } from '../precompute.ts';
import { costToCurrency } from '../units.ts';
import { splitBillChange, type BillChange } from './bill-change.ts';
import { hourlyProfile, type HourlyProfile } from './day-profile.ts';
import { projectBill, type BillProjection } from './projection.ts';

/** The profile's window: 13 whole weeks, so every weekday counts the same number of times. */
export const PROFILE_DAYS = 91;
/** The recent stretch set against the same days a year before (364 days: the same weekdays). */
export const RECENT_DAYS = 7;
const YEAR_OF_WEEKS = 364;

export interface FlowTotal {
  flow: Flow;
  unit: string;
  use: number;
  /** Currency units; absent when no reading carries a cost. */
  cost?: number;
  readings: number;
}

export interface PeriodFigures {
  start: number;
  end: number;
  kind: Period['kind'];
  /** Local days of the whole period. */
  periodDays: number;
  /** Local days holding data. */
  days: number;
  /** The data covers the whole period. */
  complete: boolean;
  /** Delivered use over the days with data, display unit. */
  use: number;
  /** Currency units; absent when no reading (nor the custodian's summary) gives a cost. */
  cost?: number;
  /** The cost is the custodian's UsageSummary for the period (billLastPeriod / billToDate). */
  costFromSummary: boolean;
}

export interface RecentAgainstLastYear {
  days: number;
  use: number;
  lastYearUse: number;
  /** use / lastYearUse - 1: 0.5 is half as much again. */
  change: number;
}

export interface UsagePointInsights {
  /** Index into the document's usagePoints. */
  index: number;
  serviceKind?: number;
  /** The delivered reading's display unit. */
  unit: string;
  currency?: number;
  span?: { start: number; end: number; days: number };
  flows: FlowTotal[];
  /** Delivered use per local day with data over the whole span. */
  averagePerDay?: number;
  current?: PeriodFigures & { projection?: BillProjection };
  last?: PeriodFigures;
  beforeLast?: PeriodFigures;
  lastYear?: PeriodFigures;
  /** The last complete period against the one before and the same period a year earlier. */
  changeVsBefore?: BillChange;
  changeVsLastYear?: BillChange;
  recent?: RecentAgainstLastYear;
  /** Day by day, this period and the last, aligned on the day of the period: cost where given, else use. */
  daily?: { measure: 'cost' | 'use'; current: number[]; last: number[] };
  profile?: HourlyProfile;
}

function sumOf(agg: Aggregation, column: Float64Array): { sum: number; any: boolean } {
  let sum = 0;
  let any = false;
  for (let i = 0; i < agg.count; i++) {
    const v = column[i] ?? NaN;
    if (!Number.isNaN(v)) {
      sum += v;
      any = true;
    }
  }
  return { sum, any };
}

interface Reader {
  clock: LocalTime;
  delivered: FlowReading;
  dataStart: number;
  dataEnd: number;
  usagePoint: UsagePoint;
}

const days = (r: Reader, start: number, end: number): Aggregation =>
  aggregateOrSlice(r.delivered.meterReading, { resolution: 'day', clock: r.clock, range: { start, end } });

/** The custodian's own cost of a period where it gives one: billLastPeriod of the summary that follows it. */
function summaryCost(r: Reader, period: Period, complete: boolean): number | undefined {
  const summaries = r.usagePoint.usageSummaries;
  if (complete) {
    const after = summaries.find((s) => s.billingPeriod?.start === period.end);
    if (after?.billLastPeriod !== undefined) return costToCurrency(after.billLastPeriod);
  }
  const own = summaries.find((s) => s.billingPeriod?.start === period.start);
  return own?.billToDate === undefined ? undefined : costToCurrency(own.billToDate);
}

function periodFigures(r: Reader, period: Period): PeriodFigures | undefined {
  const start = Math.max(period.start, r.dataStart);
  const end = Math.min(period.end, r.dataEnd);
  if (end <= start) return undefined;
  const agg = days(r, start, end);
  const use = sumOf(agg, agg.value);
  if (!use.any) return undefined;
  const cost = sumOf(agg, agg.cost);
  let withData = 0;
  for (let i = 0; i < agg.count; i++) if ((agg.readings[i] ?? 0) > 0) withData += 1;
  const complete = r.dataStart <= period.start && r.dataEnd >= period.end;
  const fromSummary = period.kind === 'billing' ? summaryCost(r, period, complete) : undefined;
  const periodCost = fromSummary ?? (cost.any ? cost.sum : undefined);
  return {
    start: period.start,
    end: period.end,
    kind: period.kind,
    periodDays: localDaysBetween(r.clock, period.start, period.end),
    days: withData,
    complete,
    use: use.sum,
    ...(periodCost === undefined ? {} : { cost: periodCost }),
    costFromSummary: fromSummary !== undefined,
  };
}

const yearBefore = (clock: LocalTime, p: Period): Period => ({
  start: clock.addLocalMonths(p.start, -12),
  end: clock.addLocalMonths(p.end, -12),
  kind: p.kind,
});

function change(earlier: PeriodFigures | undefined, later: PeriodFigures | undefined) {
  if (!earlier?.complete || !later?.complete || earlier.cost === undefined || later.cost === undefined)
    return undefined;
  return splitBillChange(
    { days: earlier.periodDays, use: earlier.use, cost: earlier.cost },
    { days: later.periodDays, use: later.use, cost: later.cost },
  );
}

/** Each whole local day's value of `column` from `start`, in order; NaN for a day without data. */
function dailyValues(r: Reader, start: number, end: number, measure: 'cost' | 'use'): number[] {
  if (end <= start) return [];
  const agg = days(r, start, end);
  const column = measure === 'cost' ? agg.cost : agg.value;
  return Array.from({ length: agg.count }, (_, i) => column[i] ?? NaN);
}

function recentAgainstLastYear(r: Reader): RecentAgainstLastYear | undefined {
  const end = r.clock.startOfLocalDay(r.dataEnd);
  const start = r.clock.addLocalDays(end, -RECENT_DAYS);
  const lastYearStart = r.clock.addLocalDays(start, -YEAR_OF_WEEKS);
  if (lastYearStart < r.dataStart) return undefined;
  const now = totalsOf(days(r, start, end));
  const before = totalsOf(days(r, lastYearStart, r.clock.addLocalDays(end, -YEAR_OF_WEEKS)));
  if (!(before.value > 0) || Number.isNaN(now.value)) return undefined;
  return {
    days: RECENT_DAYS,
    use: now.value,
    lastYearUse: before.value,
    change: now.value / before.value - 1,
  };
}

function flowTotals(readings: readonly FlowReading[], clock: LocalTime): FlowTotal[] {
  return readings
    .filter((f) => f.flow !== 'net')
    .map((f) => {
      const totals = totalsOf(aggregateOrSlice(f.meterReading, { resolution: 'month', clock }));
      return {
        flow: f.flow,
        unit: f.unit.unit,
        use: totals.value,
        ...(Number.isNaN(totals.cost) ? {} : { cost: totals.cost }),
        readings: totals.readings,
      };
    });
}

function usagePointInsights(
  doc: EspiDocument,
  index: number,
  now: number,
  fallback?: TimeZoneRules,
): UsagePointInsights {
  const usagePoint = doc.usagePoints[index] as UsagePoint;
  const ltp =
    usagePoint.localTime ?? (doc.localTimeParameters.length === 1 ? doc.localTimeParameters[0] : undefined);
  const clock = createLocalTime(ltp, fallback);
  const readings = flowReadings(usagePoint);
  const delivered = readings.find((f) => f.flow === 'delivered') ?? readings[0];
  const currency =
    delivered?.meterReading.readingType?.currency ??
    usagePoint.usageSummaries.find((s) => s.currency)?.currency;
  const base: UsagePointInsights = {
    index,
    ...(usagePoint.serviceKind === undefined ? {} : { serviceKind: usagePoint.serviceKind }),
    unit: delivered?.unit.unit ?? '',
    ...(currency === undefined ? {} : { currency }),
    flows: flowTotals(readings, clock),
  };
  const through = dataThrough(usagePoint);
  const first = delivered?.meterReading.readings.start[0];
  if (!delivered || through === undefined || first === undefined) return base;
  const r: Reader = { clock, delivered, dataStart: first, dataEnd: through, usagePoint };
  const spanDays = localDaysBetween(clock, first, through);
  const deliveredUse = base.flows.find((f) => f.flow === delivered.flow)?.use ?? NaN;

  const given = givenBillingPeriods(usagePoint.usageSummaries);
  const periods = currentAndPrevious(clock, given, through - 1);
  const current = periods && periodFigures(r, periods.current);
  const lastPeriod = periods?.previous;
  const last = lastPeriod && periodFigures(r, lastPeriod);
  const beforeLastPeriod = lastPeriod && currentAndPrevious(clock, given, lastPeriod.start - 1)?.current;
  const beforeLast = beforeLastPeriod && periodFigures(r, beforeLastPeriod);
  const lastYear = lastPeriod && periodFigures(r, yearBefore(clock, lastPeriod));

  let projection: BillProjection | undefined;
  if (current && current.cost !== undefined && current.start >= first && now < current.end) {
    const dayCosts = dailyValues(r, current.start, clock.startOfLocalDay(through), 'cost');
    projection = projectBill(current.cost, current.days, current.periodDays, dayCosts);
  }
  const measure = current?.cost !== undefined ? 'cost' : 'use';
  const profileEnd = clock.startOfLocalDay(through);
  const hours = aggregateOrSlice(delivered.meterReading, {
    resolution: 'hour',
    clock,
    range: { start: Math.max(first, clock.addLocalDays(profileEnd, -PROFILE_DAYS)), end: profileEnd },
  });
  const changeVsBefore = change(beforeLast, last);
  const changeVsLastYear = change(lastYear, last);
  const recent = recentAgainstLastYear(r);
  return {
    ...base,
    span: { start: first, end: through, days: spanDays },
    ...(spanDays > 0 && !Number.isNaN(deliveredUse) ? { averagePerDay: deliveredUse / spanDays } : {}),
    ...(current ? { current: { ...current, ...(projection ? { projection } : {}) } } : {}),
    ...(last ? { last } : {}),
    ...(beforeLast ? { beforeLast } : {}),
    ...(lastYear ? { lastYear } : {}),
    ...(changeVsBefore ? { changeVsBefore } : {}),
    ...(changeVsLastYear ? { changeVsLastYear } : {}),
    ...(recent ? { recent } : {}),
    ...(periods
      ? {
          daily: {
            measure,
            current: dailyValues(r, Math.max(periods.current.start, first), through, measure),
            last: lastPeriod
              ? dailyValues(r, Math.max(lastPeriod.start, first), lastPeriod.end, measure)
              : [],
          },
        }
      : {}),
    ...(hours.count > 0 ? { profile: hourlyProfile(hours, clock, hours.start[0] ?? 0, profileEnd) } : {}),
  };
}

/** Insights for every usage point of `doc` (aggregates precomputed first: precompute.ts). */
export function documentInsights(
  doc: EspiDocument,
  now: number,
  fallback?: TimeZoneRules,
): UsagePointInsights[] {
  return doc.usagePoints.map((_, index) => usagePointInsights(doc, index, now, fallback));
}
