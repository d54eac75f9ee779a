/**
 * Prices interval readings under a URDB tariff (urdb.ts), billing period by billing period, in the
 * customer's local time: each reading falls in the schedule's cell of its local month and hour, on the
 * weekday or weekend matrix by its local day, so a DST change moves the peak with the wall clock.
 *
 * How each charge is read (the engine's reading of URDB, stated where URDB leaves a choice):
 * - energy: a reading's kWh go to the energy period of its start's local hour; within a billing period a
 *   period's kWh fill its tiers in order, `max` counting that period's kWh (a tiered plan has one period);
 * - time-of-use demand (`demandratestructure`): the highest kW of any reading in the period's hours in the
 *   billing period, through that period's tiers;
 * - flat demand (`flatdemandstructure`): the highest kW of any reading in the billing period, through the
 *   tiers of the period `flatdemandmonths` gives the billing period's first local month;
 * - fixed: `fixedchargefirstmeter` per billing period (`$/month`) or per local day (`$/day`);
 * - minimum: `mincharge` tops a billing period up to it.
 * A reading's demand is its energy over its length (a 15-minute 0.5 kWh reading is 2 kW), as meters
 * measure demand over the interval. Readings are placed whole by their start; none here straddles an hour.
 */
import { civilFromDays, weekdayOfDays, type LocalTime } from '../local-time.ts';
import type { DemandTier, EnergyTier, Schedule, UrdbTariff } from './urdb.ts';

/** Interval energy in kWh, in columns sorted by start (from a MeterReading: `energy-series.ts`). */
export interface EnergySeries {
  count: number;
  /** Epoch seconds. */
  start: Float64Array;
  /** Seconds. */
  duration: Uint32Array;
  kWh: Float64Array;
}

export interface BillingPeriod {
  /** Epoch seconds, start included, end excluded. */
  start: number;
  end: number;
}

/**
 * What pricing needs of each reading once, whatever the tariff: its local month, hour and day kind, and
 * the billing period it falls in (-1 outside them). Several tariffs priced over one series share it.
 */
export interface PreparedSeries {
  series: EnergySeries;
  periods: readonly BillingPeriod[];
  /** 0-11. */
  month: Uint8Array;
  hour: Uint8Array;
  /** 1 on Saturday and Sunday. */
  weekend: Uint8Array;
  billingPeriod: Int32Array;
  /** Local month (0-11) each billing period starts in, local days it spans. */
  periodMonth: Uint8Array;
  periodDays: Uint16Array;
}

const DAY = 86_400;

export function prepareSeries(
  series: EnergySeries,
  periods: readonly BillingPeriod[],
  clock: LocalTime,
): PreparedSeries {
  const n = series.count;
  const month = new Uint8Array(n);
  const hour = new Uint8Array(n);
  const weekend = new Uint8Array(n);
  const billingPeriod = new Int32Array(n).fill(-1);
  let p = 0;
  // A local day's month and weekday are worked out once per day, not per reading (96 a day at 15 minutes).
  let day = NaN;
  let dayMonth = 0;
  let dayWeekend = 0;
  for (let i = 0; i < n; i++) {
    const t = series.start[i] as number;
    const local = t + clock.offsetAt(t);
    const localDay = Math.floor(local / DAY);
    if (localDay !== day) {
      day = localDay;
      dayMonth = civilFromDays(day).month - 1;
      dayWeekend = weekdayOfDays(day) >= 6 ? 1 : 0;
    }
    month[i] = dayMonth;
    hour[i] = Math.floor((local - day * DAY) / 3600);
    weekend[i] = dayWeekend;
    while (p < periods.length && t >= (periods[p] as BillingPeriod).end) p++;
    const period = periods[p];
    if (period && t >= period.start) billingPeriod[i] = p;
  }
  const periodMonth = new Uint8Array(periods.length);
  const periodDays = new Uint16Array(periods.length);
  periods.forEach((period, k) => {
    periodMonth[k] = clock.toLocal(period.start).month - 1;
    // Local days: a DST day has 23 or 25 hours, so count days by the calendar, not by 86,400 s.
    let days = 0;
    for (let d = clock.startOfLocalDay(period.start); d < period.end; d = clock.addLocalDays(d, 1)) days++;
    periodDays[k] = days;
  });
  return { series, periods, month, hour, weekend, billingPeriod, periodMonth, periodDays };
}

export interface EnergyLine {
  /** Index into `energyratestructure`. */
  period: number;
  tier: number;
  kWh: number;
  /** Dollars per kWh: the tier's rate plus adjustment. */
  price: number;
  cost: number;
}

export interface DemandLine {
  kind: 'time-of-use' | 'flat';
  /** Index into `demandratestructure` or `flatdemandstructure`. */
  period: number;
  tier: number;
  /** The part of the peak in this tier. */
  kW: number;
  price: number;
  cost: number;
}

export interface PeriodBill extends BillingPeriod {
  kWh: number;
  /** Seconds of readings in the period: less than its length when data is missing. */
  coveredSeconds: number;
  energy: EnergyLine[];
  demand: DemandLine[];
  /** Highest demand in the billing period, kW. */
  peakKw: number;
  energyCost: number;
  demandCost: number;
  fixedCost: number;
  /** What `mincharge` added, 0 when the bill reached it. */
  minimumTopUp: number;
  total: number;
}

export interface TariffBill {
  label: string;
  periods: PeriodBill[];
  kWh: number;
  total: number;
}

interface TierPart {
  tier: number;
  amount: number;
  price: number;
}

/** `amount` spread over tiers in order, each up to its cumulative `max`. */
export function fillTiers(amount: number, tiers: readonly (EnergyTier | DemandTier)[]): TierPart[] {
  const parts: TierPart[] = [];
  let below = 0;
  for (let t = 0; t < tiers.length && below < amount; t++) {
    const tier = tiers[t] as EnergyTier;
    const top = tier.max === undefined || t === tiers.length - 1 ? Infinity : tier.max;
    const inTier = Math.min(amount, top) - below;
    if (inTier > 0) parts.push({ tier: t, amount: inTier, price: tier.rate + (tier.adj ?? 0) });
    below = Math.max(below, top);
  }
  return parts;
}

function periodAt(
  weekday: Schedule | undefined,
  weekend: Schedule | undefined,
  prepared: PreparedSeries,
  i: number,
): number {
  const matrix = prepared.weekend[i] ? (weekend ?? weekday) : weekday;
  return matrix?.[prepared.month[i] as number]?.[prepared.hour[i] as number] ?? 0;
}

/** The bill of each billing period of `prepared` under `tariff`. */
export function priceTariff(tariff: UrdbTariff, prepared: PreparedSeries): TariffBill {
  const { series, periods } = prepared;
  const nPeriods = periods.length;
  const energyPeriods = tariff.energyratestructure?.length ?? 0;
  const demandPeriods = tariff.demandratestructure?.length ?? 0;
  const kWhBy = new Float64Array(nPeriods * Math.max(1, energyPeriods));
  const demandPeak = new Float64Array(nPeriods * Math.max(1, demandPeriods));
  const peak = new Float64Array(nPeriods);
  const kWhTotal = new Float64Array(nPeriods);
  const covered = new Float64Array(nPeriods);

  for (let i = 0; i < series.count; i++) {
    const b = prepared.billingPeriod[i] as number;
    if (b < 0) continue;
    const kWh = series.kWh[i] as number;
    const seconds = series.duration[i] as number;
    const kW = seconds > 0 ? kWh / (seconds / 3600) : 0;
    kWhTotal[b] = (kWhTotal[b] as number) + kWh;
    covered[b] = (covered[b] as number) + seconds;
    if (kW > (peak[b] as number)) peak[b] = kW;
    if (energyPeriods) {
      const e = periodAt(tariff.energyweekdayschedule, tariff.energyweekendschedule, prepared, i);
      kWhBy[b * energyPeriods + e] = (kWhBy[b * energyPeriods + e] as number) + kWh;
    }
    if (demandPeriods) {
      const d = periodAt(tariff.demandweekdayschedule, tariff.demandweekendschedule, prepared, i);
      const at = b * demandPeriods + d;
      if (kW > (demandPeak[at] as number)) demandPeak[at] = kW;
    }
  }

  const bills = periods.map((period, b): PeriodBill => {
    const energy: EnergyLine[] = [];
    tariff.energyratestructure?.forEach((tiers, e) => {
      for (const part of fillTiers(kWhBy[b * energyPeriods + e] as number, tiers))
        energy.push({
          period: e,
          tier: part.tier,
          kWh: part.amount,
          price: part.price,
          cost: part.amount * part.price,
        });
    });
    const demand: DemandLine[] = [];
    const demandLines = (kind: DemandLine['kind'], d: number, kW: number, tiers: readonly DemandTier[]) => {
      for (const part of fillTiers(kW, tiers))
        demand.push({
          kind,
          period: d,
          tier: part.tier,
          kW: part.amount,
          price: part.price,
          cost: part.amount * part.price,
        });
    };
    tariff.demandratestructure?.forEach((tiers, d) =>
      demandLines('time-of-use', d, demandPeak[b * demandPeriods + d] as number, tiers),
    );
    const flatPeriod = tariff.flatdemandmonths?.[prepared.periodMonth[b] as number] ?? 0;
    const flatTiers = tariff.flatdemandstructure?.[flatPeriod];
    if (flatTiers) demandLines('flat', flatPeriod, peak[b] as number, flatTiers);

    const energyCost = energy.reduce((sum, line) => sum + line.cost, 0);
    const demandCost = demand.reduce((sum, line) => sum + line.cost, 0);
    const fixed = tariff.fixedchargefirstmeter ?? 0;
    const fixedCost =
      tariff.fixedchargeunits === '$/day' ? fixed * (prepared.periodDays[b] as number) : fixed;
    const beforeMinimum = energyCost + demandCost + fixedCost;
    const minimumTopUp = Math.max(0, (tariff.mincharge ?? 0) - beforeMinimum);
    return {
      ...period,
      kWh: kWhTotal[b] as number,
      coveredSeconds: covered[b] as number,
      energy,
      demand,
      peakKw: peak[b] as number,
      energyCost,
      demandCost,
      fixedCost,
      minimumTopUp,
      total: beforeMinimum + minimumTopUp,
    };
  });
  return {
    label: tariff.label,
    periods: bills,
    kWh: bills.reduce((sum, bill) => sum + bill.kWh, 0),
    total: bills.reduce((sum, bill) => sum + bill.total, 0),
  };
}
