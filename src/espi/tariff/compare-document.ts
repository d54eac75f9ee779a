/**
 * The plan comparison of one meter's feed, where the feed is read (the parse worker): the feed's usage
 * point's delivered electricity, on the clock of its LocalTimeParameters (else the custodian's zone),
 * priced under each plan. Only the comparison, a few kilobytes, goes back to the page.
 */
import { createLocalTime, type TimeZoneRules } from '../local-time.ts';
import type { EspiDocument } from '../model.ts';
import { comparePlans, type PlanComparison } from './compare.ts';
import { deliveredEnergyReading, energySeries } from './energy-series.ts';
import type { RatePlan } from './rate-plan.ts';

export interface CompareRatesOptions {
  plans: RatePlan[];
  currentPlanId: string;
  zone?: TimeZoneRules;
}

/** Undefined when the feed holds no interval electricity delivered, or not one whole month of it. */
export function compareRatesIn(doc: EspiDocument, options: CompareRatesOptions): PlanComparison | undefined {
  for (const usagePoint of doc.usagePoints) {
    const reading = deliveredEnergyReading(usagePoint);
    if (!reading) continue;
    const ltp =
      usagePoint.localTime ?? (doc.localTimeParameters.length === 1 ? doc.localTimeParameters[0] : undefined);
    const clock = createLocalTime(ltp, options.zone);
    return comparePlans(energySeries(reading), clock, options.plans, options.currentPlanId);
  }
  return undefined;
}
