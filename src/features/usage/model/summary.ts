/**
 * The overview's figures for one usage point: the current period so far, set beside the previous one like
 * for like (the same days of it while the current one is under way, daily averages once both are whole),
 * how fresh the data is, what is missing or estimated, and the cost so far with a projection to the
 * period's true end. Periods come from the period model (`espi/periods.ts`): the custodian's billing periods
 * where its UsageSummaries give them, calendar months in its zone otherwise.
 */
import {
  aggregate,
  type Aggregation,
  costToCurrency,
  coverageOf,
  currentAndPrevious,
  givenBillingPeriods,
  type LocalTime,
  type Period,
  type PeriodCoverage,
  totalsOf,
  type UsagePoint,
  type UsageSummary,
} from '../../../espi/index.ts';
import { dataThrough, flowReadings, type FlowReading } from './readings.ts';

export interface PeriodFigures {
  period: Period;
  /** What the figures add up: the period cut to the data, epoch seconds. */
  span: { start: number; end: number };
  coverage: PeriodCoverage;
  /** Consumption (delivered) in `unit`; net of exports where the usage point has received readings. */
  energy: number;
  net?: number;
  /** Highest rate over one interval (kW for electricity), where the unit is energy per hour. */
  peakDemand?: { value: number; unit: string; at: number };
  /** Use per local day with data (a 25-hour day is one day). */
  averagePerDay: number;
  /** In currency units; undefined when no reading carries a cost. */
  cost?: number;
  /** Intervals expected in the span but absent. */
  missingIntervals: number;
  estimatedReadings: number;
}

/**
 * The current period against the previous one, like for like: `sameDays` while the current period is under
 * way (its first n days against the previous period's first n), `perDay` (daily averages) otherwise.
 */
export interface Comparison {
  basis: 'sameDays' | 'perDay';
  /** The previous period's figures over the days compared. */
  previous: PeriodFigures;
  /** Relative change of use per day: 0.04 is 4 % more. */
  use: number;
  cost?: number;
}

/** The cost so far carried on at its daily rate to the period's end. */
export interface Projection {
  soFar: number;
  /** Local days the cost so far covers. */
  days: number;
  /** Local days of the whole period. */
  periodDays: number;
  projected: number;
  /** The cost so far is the custodian's bill to date (UsageSummary billToDate), not the readings' costs. */
  fromSummary: boolean;
}

export interface UsagePointSummary {
  unit: string;
  currency?: number;
  dataThrough?: number;
  current?: PeriodFigures;
  /** The whole previous period, as far as the data covers it. */
  previous?: PeriodFigures;
  comparison?: Comparison;
  projection?: Projection;
}

/** Demand units for energy units: kWh over an hour is kW. */
const DEMAND_UNITS: Readonly<Record<string, string>> = { kWh: 'kW', Wh: 'W', kVAh: 'kVA', kVArh: 'kVAr' };

/** A straight line drawn from under three days of a period says little: no projection until then. */
const MIN_PROJECTION_DAYS = 3;

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

interface Flows {
  clock: LocalTime;
  delivered: FlowReading;
  received: FlowReading | undefined;
  /** The span of the delivered readings. */
  dataStart: number;
  dataEnd: number;
}

/** Figures of `period` over the part of [from, to) the data covers. */
function figures(flows: Flows, period: Period, from: number, to: number): PeriodFigures | undefined {
  const { clock, delivered, received } = flows;
  const span = { start: Math.max(from, flows.dataStart), end: Math.min(to, flows.dataEnd) };
  if (span.end <= span.start) return undefined;
  const options = { resolution: 'interval' as const, clock, range: span };
  const d = aggregate(delivered.meterReading, options);
  const dTotals = totalsOf(d);
  if (dTotals.readings === 0) return undefined;
  const rTotals = received ? totalsOf(aggregate(received.meterReading, options)) : undefined;
  const interval = typicalInterval(delivered);
  const gapSeconds = d.gaps.reduce((sum, gap) => sum + gap.duration, 0);
  const demandUnit = DEMAND_UNITS[delivered.unit.unit];
  const peak = demandUnit && delivered.unit.combine === 'sum' ? peakRate(d) : undefined;
  const coverage = coverageOf(clock, period, span.start, span.end);
  return {
    period,
    span,
    coverage,
    energy: dTotals.value,
    ...(rTotals ? { net: dTotals.value - (Number.isNaN(rTotals.value) ? 0 : rTotals.value) } : {}),
    ...(peak && demandUnit ? { peakDemand: { ...peak, unit: demandUnit } } : {}),
    averagePerDay: dTotals.value / coverage.days,
    ...(Number.isNaN(dTotals.cost) ? {} : { cost: dTotals.cost }),
    missingIntervals: interval > 0 ? Math.round(gapSeconds / interval) : 0,
    estimatedReadings: dTotals.estimated + (rTotals?.estimated ?? 0),
  };
}

const perDayChange = (now: number, nowDays: number, before: number, beforeDays: number) =>
  now / nowDays / (before / beforeDays) - 1;

function compare(
  flows: Flows,
  current: PeriodFigures,
  previousPeriod: Period,
  previous: PeriodFigures,
): Comparison {
  // Under way since the period began: the previous period's same first days, if the data holds them.
  const underWay = current.span.start === current.period.start && current.span.end < current.period.end;
  let basis: Comparison['basis'] = 'perDay';
  let against = previous;
  if (underWay && flows.dataStart <= previousPeriod.start) {
    const sameEnd = flows.clock.addLocalDays(previousPeriod.start, current.coverage.days);
    const sameDays = figures(
      flows,
      previousPeriod,
      previousPeriod.start,
      Math.min(sameEnd, previousPeriod.end),
    );
    if (sameDays && sameDays.coverage.days === current.coverage.days) {
      basis = 'sameDays';
      against = sameDays;
    }
  }
  const days = current.coverage.days;
  const beforeDays = against.coverage.days;
  return {
    basis,
    previous: against,
    use: perDayChange(current.energy, days, against.energy, beforeDays),
    ...(current.cost !== undefined && against.cost !== undefined
      ? { cost: perDayChange(current.cost, days, against.cost, beforeDays) }
      : {}),
  };
}

/** The summary for exactly this period, whose billToDate is the custodian's cost so far. */
function summaryOf(usagePoint: UsagePoint, period: Period): UsageSummary | undefined {
  return usagePoint.usageSummaries.find((s) => s.billingPeriod?.start === period.start);
}

function projectionOf(usagePoint: UsagePoint, current: PeriodFigures, now: number): Projection | undefined {
  const { period, coverage } = current;
  if (now >= period.end || current.span.start !== period.start || coverage.days < MIN_PROJECTION_DAYS)
    return undefined;
  const billToDate = period.kind === 'billing' ? summaryOf(usagePoint, period)?.billToDate : undefined;
  const soFar = billToDate === undefined ? current.cost : costToCurrency(billToDate);
  if (soFar === undefined) return undefined;
  return {
    soFar,
    days: coverage.days,
    periodDays: coverage.periodDays,
    projected: (soFar / coverage.days) * coverage.periodDays,
    fromSummary: billToDate !== undefined,
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
  const readings = flowReadings(usagePoint);
  const delivered = readings.find((f) => f.flow === 'delivered') ?? readings[0];
  const received = readings.find((f) => f.flow === 'received');
  const through = dataThrough(usagePoint);
  const currency =
    delivered?.meterReading.readingType?.currency ??
    usagePoint.usageSummaries.find((s) => s.currency)?.currency;
  const base: UsagePointSummary = {
    unit: delivered?.unit.unit ?? '',
    ...(currency === undefined ? {} : { currency }),
    ...(through === undefined ? {} : { dataThrough: through }),
  };
  const firstStart = delivered?.meterReading.readings.start[0];
  if (!delivered || through === undefined || firstStart === undefined) return base;

  const flows: Flows = { clock, delivered, received, dataStart: firstStart, dataEnd: through };
  const periods = currentAndPrevious(clock, givenBillingPeriods(usagePoint.usageSummaries), through - 1);
  if (!periods) return base;
  const current = figures(flows, periods.current, periods.current.start, periods.current.end);
  const previous = periods.previous
    ? figures(flows, periods.previous, periods.previous.start, periods.previous.end)
    : undefined;
  const comparison =
    current && previous && periods.previous ? compare(flows, current, periods.previous, previous) : undefined;
  const projection = current ? projectionOf(usagePoint, current, now) : undefined;
  return {
    ...base,
    ...(current ? { current } : {}),
    ...(previous ? { previous } : {}),
    ...(comparison ? { comparison } : {}),
    ...(projection ? { projection } : {}),
  };
}
