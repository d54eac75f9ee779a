/**
 * The overview's figures for one usage point: this period and the one before (energy, peak demand,
 * average per day, cost), how fresh the data is, what is missing or estimated, and the cost so far in the
 * billing period with a projection to its end. Periods are billing periods where the custodian's
 * UsageSummary names one, calendar months in the custodian's zone otherwise.
 */
import { aggregate, totalsOf, type Aggregation } from '../../espi/aggregate.ts';
import type { LocalTime } from '../../espi/local-time.ts';
import type { UsagePoint, UsageSummary } from '../../espi/model.ts';
import { costToCurrency } from '../../espi/units.ts';
import { dataThrough, flowReadings, type FlowReading } from './readings.ts';

export interface Period {
  start: number;
  end: number;
  /** 'billing' when the custodian's UsageSummary gave it, 'month' when it is a calendar month. */
  kind: 'billing' | 'month';
}

export interface PeriodFigures {
  period: Period;
  /** Consumption (delivered) in `unit`; net of exports where the usage point has received readings. */
  energy: number;
  net?: number;
  /** Highest rate over one interval (kW for electricity), where the unit is energy per hour. */
  peakDemand?: { value: number; unit: string; at: number };
  averagePerDay: number;
  /** In currency units; undefined when no reading carries a cost. */
  cost?: number;
  /** Seconds of the period the data covers (up to `dataThrough`). */
  covered: number;
  /** Intervals expected in the covered span but absent. */
  missingIntervals: number;
  estimatedReadings: number;
}

export interface UsagePointSummary {
  unit: string;
  currency?: number;
  dataThrough?: number;
  current?: PeriodFigures;
  previous?: PeriodFigures;
  /** Cost so far in the current period and its straight-line projection to the period's end. */
  projection?: { soFar: number; projected: number; fromSummary: boolean };
}

/** Demand units for energy units: kWh over an hour is kW. */
const DEMAND_UNITS: Readonly<Record<string, string>> = { kWh: 'kW', Wh: 'W', kVAh: 'kVA', kVArh: 'kVAr' };

function latestSummary(usagePoint: UsagePoint): UsageSummary | undefined {
  let latest: UsageSummary | undefined;
  for (const s of usagePoint.usageSummaries) {
    if (!s.billingPeriod) continue;
    if (!latest?.billingPeriod || s.billingPeriod.start > latest.billingPeriod.start) latest = s;
  }
  return latest;
}

/** The period containing `at`, and the one before it. */
export function periodsAround(
  at: number,
  clock: LocalTime,
  summary: UsageSummary | undefined,
): { current: Period; previous: Period } {
  const billing = summary?.billingPeriod;
  if (billing && billing.duration > 0 && at >= billing.start && at < billing.start + billing.duration * 2) {
    const start = billing.start + (at >= billing.start + billing.duration ? billing.duration : 0);
    return {
      current: { start, end: start + billing.duration, kind: 'billing' },
      previous: { start: start - billing.duration, end: start, kind: 'billing' },
    };
  }
  const start = clock.startOfLocalMonth(at);
  return {
    current: { start, end: clock.addLocalMonths(start, 1), kind: 'month' },
    previous: { start: clock.addLocalMonths(start, -1), end: start, kind: 'month' },
  };
}

function typicalInterval(reading: FlowReading): number {
  const length = reading.meterReading.readingType?.intervalLength;
  if (length && length > 0) return length;
  const { duration, count } = reading.meterReading.readings;
  return count > 0 ? (duration[count >> 1] ?? 0) : 0;
}

/** The highest rate over one interval: an interval's energy over its length in hours. */
function peakRate(agg: Aggregation): { value: number; at: number } | undefined {
  let peak: { value: number; at: number } | undefined;
  for (let i = 0; i < agg.count; i++) {
    const value = agg.value[i] ?? NaN;
    const hours = ((agg.end[i] ?? 0) - (agg.start[i] ?? 0)) / 3600;
    if (Number.isNaN(value) || hours <= 0) continue;
    if (!peak || value / hours > peak.value) peak = { value: value / hours, at: agg.start[i] ?? 0 };
  }
  return peak;
}

function figures(
  period: Period,
  clock: LocalTime,
  delivered: FlowReading,
  received: FlowReading | undefined,
  through: number,
): PeriodFigures | undefined {
  const coveredEnd = Math.min(period.end, through);
  if (coveredEnd <= period.start) return undefined;
  const options = { resolution: 'interval' as const, clock, range: { start: period.start, end: coveredEnd } };
  const d = aggregate(delivered.meterReading, options);
  const dTotals = totalsOf(d);
  if (dTotals.readings === 0) return undefined;
  const rTotals = received ? totalsOf(aggregate(received.meterReading, options)) : undefined;
  const interval = typicalInterval(delivered);
  const gapSeconds = d.gaps.reduce((sum, gap) => sum + gap.duration, 0);
  const demandUnit = DEMAND_UNITS[delivered.unit.unit];
  const peak = demandUnit && delivered.unit.combine === 'sum' ? peakRate(d) : undefined;
  const covered = coveredEnd - period.start;
  return {
    period,
    energy: dTotals.value,
    ...(rTotals ? { net: dTotals.value - (Number.isNaN(rTotals.value) ? 0 : rTotals.value) } : {}),
    ...(peak && demandUnit ? { peakDemand: { ...peak, unit: demandUnit } } : {}),
    averagePerDay: (dTotals.value / covered) * 86400,
    ...(Number.isNaN(dTotals.cost) ? {} : { cost: dTotals.cost }),
    covered,
    missingIntervals: interval > 0 ? Math.round(gapSeconds / interval) : 0,
    estimatedReadings: dTotals.estimated + (rTotals?.estimated ?? 0),
  };
}

/**
 * Figures for the period holding the latest data and the one before. `now` bounds the projection: a
 * period already over needs none.
 */
export function summarizeUsagePoint(
  usagePoint: UsagePoint,
  clock: LocalTime,
  now: number,
): UsagePointSummary {
  const flows = flowReadings(usagePoint);
  const delivered = flows.find((f) => f.flow === 'delivered') ?? flows[0];
  const received = flows.find((f) => f.flow === 'received');
  const through = dataThrough(usagePoint);
  const summary = latestSummary(usagePoint);
  const currency = delivered?.meterReading.readingType?.currency ?? summary?.currency;
  const base: UsagePointSummary = {
    unit: delivered?.unit.unit ?? '',
    ...(currency === undefined ? {} : { currency }),
    ...(through === undefined ? {} : { dataThrough: through }),
  };
  if (!delivered || through === undefined) return base;

  const { current, previous } = periodsAround(through - 1, clock, summary);
  const currentFigures = figures(current, clock, delivered, received, through);
  const previousFigures = figures(previous, clock, delivered, received, through);
  let projection: UsagePointSummary['projection'];
  const elapsed = Math.min(now, through) - current.start;
  const length = current.end - current.start;
  const summaryBill =
    summary?.billToDate !== undefined && current.kind === 'billing'
      ? costToCurrency(summary.billToDate)
      : undefined;
  const soFar = summaryBill ?? currentFigures?.cost;
  // A straight line drawn from under three days of a month says little: no projection until then.
  if (soFar !== undefined && elapsed >= 3 * 86400 && now < current.end) {
    projection = { soFar, projected: (soFar / elapsed) * length, fromSummary: summaryBill !== undefined };
  }
  return {
    ...base,
    ...(currentFigures ? { current: currentFigures } : {}),
    ...(previousFigures ? { previous: previousFigures } : {}),
    ...(projection ? { projection } : {}),
  };
}
