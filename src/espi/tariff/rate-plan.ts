/**
 * A rate plan as the custodian publishes it (`GET /rate-plans`, docs/openapi.yaml): a URDB tariff, kept
 * exactly in URDB's form, with what URDB does not carry beside it: what a person calls each energy period
 * and which kind of time-of-use period it is, so a peak / off-peak / shoulder split can be worded.
 */
import type { TariffBill } from './price.ts';
import type { UrdbTariff } from './urdb.ts';

export type TimeOfUseKind = 'peak' | 'shoulder' | 'off-peak' | 'all-day';

export interface EnergyPeriodName {
  name: string;
  kind: TimeOfUseKind;
}

export interface RatePlan {
  id: string;
  /** One sentence a customer reads: who the plan suits, its hours. */
  summary: string;
  /** The published tariff the numbers were modelled on (not that utility's rate). */
  modelledOn: string;
  /** One entry per period of `tariff.energyratestructure`, in its order. */
  energyPeriods: EnergyPeriodName[];
  tariff: UrdbTariff;
}

export interface TimeOfUseShare {
  kind: TimeOfUseKind;
  /** The plan's names of the periods of this kind ("Peak (4-9 pm weekdays)"). */
  names: string[];
  kWh: number;
  cost: number;
  /** Share of the bill's kWh, 0-1. */
  shareOfUse: number;
}

const KIND_ORDER: TimeOfUseKind[] = ['peak', 'shoulder', 'off-peak', 'all-day'];

/**
 * A bill's energy by kind of time-of-use period (peak, shoulder, off-peak; "all-day" for a plan without
 * time of use), summed over its billing periods. Demand and fixed charges belong to no period and are
 * left out, so the costs add up to the bill's energy charges.
 */
export function timeOfUseSplit(plan: RatePlan, bill: TariffBill): TimeOfUseShare[] {
  const byKind = new Map<TimeOfUseKind, TimeOfUseShare>();
  let totalKWh = 0;
  for (const period of bill.periods)
    for (const line of period.energy) {
      const name = plan.energyPeriods[line.period] ?? { name: `Period ${line.period + 1}`, kind: 'all-day' };
      const share = byKind.get(name.kind) ?? { kind: name.kind, names: [], kWh: 0, cost: 0, shareOfUse: 0 };
      if (!share.names.includes(name.name)) share.names.push(name.name);
      share.kWh += line.kWh;
      share.cost += line.cost;
      totalKWh += line.kWh;
      byKind.set(name.kind, share);
    }
  return KIND_ORDER.flatMap((kind) => {
    const share = byKind.get(kind);
    return share ? [{ ...share, shareOfUse: totalKWh > 0 ? share.kWh / totalKWh : 0 }] : [];
  });
}
