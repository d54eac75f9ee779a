/**
 * The tariff as OpenEI's U.S. Utility Rate Database (URDB) publishes it, the subset this portal prices.
 * Field names are URDB's own, exactly (https://openei.org/services/doc/rest/util_rates?version=7, "Output
 * fields"), so a custodian can serve a rate it already keeps in URDB form and an analyst can read ours
 * with URDB tools. ESPI itself carries no prices or schedules (docs/openapi.yaml, "Rate plans").
 *
 * Conventions URDB fixes: a structure is an array of periods, each an array of tiers; a schedule is 12
 * rows (January first) of 24 hours (midnight first) holding a 0-based period index; `max` of a tier is
 * the cumulative upper bound of that tier within the billing period (absent on the last tier); `rate` and
 * `adj` (riders, fuel adjustments) add up to the price of a unit.
 */

/** One tier of an energy period: dollars per kWh up to `max` kWh in the billing period. */
export interface EnergyTier {
  max?: number;
  rate: number;
  adj?: number;
  /** URDB's unit of `max`; only `kWh` (per billing period) is priced here. */
  unit?: 'kWh';
}

/** One tier of a demand period: dollars per kW of the billing period's peak, up to `max` kW. */
export interface DemandTier {
  max?: number;
  rate: number;
  adj?: number;
}

/** A 12 x 24 matrix of period indices: [month 0-11][hour 0-23]. */
export type Schedule = number[][];

export interface UrdbTariff {
  /** URDB's id of the rate ("label"); here the custodian's plan id. */
  label: string;
  name: string;
  utility: string;
  sector: 'Residential' | 'Commercial' | 'Industrial' | 'Lighting';
  description?: string;
  /** Where the rate is published. */
  source?: string;
  /** Epoch seconds the rate took effect. */
  startdate?: number;
  energyratestructure?: EnergyTier[][];
  energyweekdayschedule?: Schedule;
  energyweekendschedule?: Schedule;
  demandratestructure?: DemandTier[][];
  demandweekdayschedule?: Schedule;
  demandweekendschedule?: Schedule;
  demandrateunit?: 'kW';
  /** Demand charged on the billing period's highest demand at any hour, by month. */
  flatdemandstructure?: DemandTier[][];
  /** 12 entries: the flat-demand period of each month. */
  flatdemandmonths?: number[];
  flatdemandunit?: 'kW';
  /** The customer (fixed) charge of the first meter. */
  fixedchargefirstmeter?: number;
  fixedchargeunits?: '$/month' | '$/day';
  /** The least a billing period costs. */
  mincharge?: number;
  minchargeunits?: '$/month';
}
