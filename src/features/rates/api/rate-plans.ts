/**
 * The custodian's rate plans (`GET {customerApiBaseUrl}/rate-plans`, docs/openapi.yaml): every plan with
 * its tariff in OpenEI URDB's JSON form, and each electricity meter's current plan and the plans it may
 * choose. Checked here, at the edge, against URDB's shapes (a schedule 12 months of 24 hours, periods
 * the schedules name present in the structure), so the pricing worker never meets a tariff it would
 * misprice in silence.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { RatePlan } from '../../../espi/index.ts';
import type { ApiClient } from '../../../lib/api-client.ts';
import { parseResponse } from '../../../lib/parse-response.ts';

const money = z.number().check(z.nonnegative());
const energyTier = z.object({
  max: z.optional(z.number().check(z.positive())),
  rate: z.number(),
  adj: z.optional(z.number()),
  unit: z.optional(z.literal('kWh')),
});
const demandTier = z.object({
  max: z.optional(z.number().check(z.positive())),
  rate: z.number(),
  adj: z.optional(z.number()),
});
const periodIndex = z.int().check(z.nonnegative());
/** URDB's 12 x 24 matrix: January to December, midnight to 11 pm. */
const schedule = z.array(z.array(periodIndex).check(z.length(24))).check(z.length(12));

const tariffSchema = z
  .object({
    label: z.string(),
    name: z.string(),
    utility: z.string(),
    sector: z.enum(['Residential', 'Commercial', 'Industrial', 'Lighting']),
    description: z.optional(z.string()),
    source: z.optional(z.string()),
    startdate: z.optional(z.number()),
    energyratestructure: z.optional(z.array(z.array(energyTier).check(z.minLength(1)))),
    energyweekdayschedule: z.optional(schedule),
    energyweekendschedule: z.optional(schedule),
    demandratestructure: z.optional(z.array(z.array(demandTier).check(z.minLength(1)))),
    demandweekdayschedule: z.optional(schedule),
    demandweekendschedule: z.optional(schedule),
    demandrateunit: z.optional(z.literal('kW')),
    flatdemandstructure: z.optional(z.array(z.array(demandTier).check(z.minLength(1)))),
    flatdemandmonths: z.optional(z.array(periodIndex).check(z.length(12))),
    flatdemandunit: z.optional(z.literal('kW')),
    fixedchargefirstmeter: z.optional(money),
    fixedchargeunits: z.optional(z.enum(['$/month', '$/day'])),
    mincharge: z.optional(money),
    minchargeunits: z.optional(z.literal('$/month')),
  })
  .check(
    z.refine(
      (t) =>
        fitsStructure(t.energyratestructure, t.energyweekdayschedule, t.energyweekendschedule) &&
        fitsStructure(t.demandratestructure, t.demandweekdayschedule, t.demandweekendschedule) &&
        (t.flatdemandmonths ?? []).every((p) => p < (t.flatdemandstructure?.length ?? 0)),
      'a schedule names a period its rate structure does not have',
    ),
  );

function fitsStructure(structure: unknown[] | undefined, ...schedules: (number[][] | undefined)[]): boolean {
  const periods = structure?.length ?? 0;
  return schedules.every((s) => s === undefined || s.every((row) => row.every((p) => p < periods)));
}

const ratePlanSchema = z.object({
  id: z.string(),
  summary: z.string(),
  modelledOn: z.string(),
  energyPeriods: z.array(
    z.object({ name: z.string(), kind: z.enum(['peak', 'shoulder', 'off-peak', 'all-day']) }),
  ),
  tariff: tariffSchema,
});

const ratePlansSchema = z.object({
  ratePlans: z.array(ratePlanSchema),
  servicePoints: z.array(
    z.object({
      usagePointId: z.string(),
      currentPlanId: z.nullable(z.string()),
      plans: z.array(z.object({ planId: z.string(), eligible: z.boolean(), reason: z.string() })),
    }),
  ),
});

export type ServicePointPlans = z.output<typeof ratePlansSchema>['servicePoints'][number];

/** Typed with the engine's RatePlan: if the schema and the engine drift apart, the typecheck fails. */
export interface RatePlans {
  ratePlans: RatePlan[];
  servicePoints: ServicePointPlans[];
}

export const rateKeys = {
  all: ['rates'] as const,
  plans: () => [...rateKeys.all, 'plans'] as const,
  comparison: (usagePointId: string, window: string) =>
    [...rateKeys.all, 'comparison', usagePointId, window] as const,
};

export function parseRatePlans(body: unknown): RatePlans {
  return parseResponse(ratePlansSchema, body, 'The utility sent rate plans the portal could not read.');
}

export function ratePlansQuery(client: ApiClient, customerApiBaseUrl: string) {
  return queryOptions({
    queryKey: rateKeys.plans(),
    queryFn: async ({ signal }) =>
      parseRatePlans(await client.json(`${customerApiBaseUrl}/rate-plans`, { signal })),
    // Tariffs change a few times a year.
    staleTime: 60 * 60_000,
  });
}
