/**
 * The rate plans the mock custodian publishes (`GET /api/customer/v1/rate-plans`, docs/openapi.yaml):
 * three residential plans for the household in Sacramento (a tiered one and two time-of-use ones) and
 * three general-service plans for businesses in Maine (flat, time-of-use, and one with demand charges),
 * each tariff in OpenEI URDB's JSON form (`source`: the demo utility's own tariff page, `.example`).
 * The numbers are modelled on published tariffs, named in each plan's `modelledOn`, and are not those
 * utilities' rates. Every customer is on one plan; a meter may
 * choose among the plans of its class of service.
 */
import type { RatePlan, Schedule, UrdbTariff } from '../espi/index.ts';
import type { Customer, UsagePointInfo } from './directory.ts';

/** 1 January 2025, 00:00 UTC: when the plans took effect. */
const EFFECTIVE = 1_735_689_600;
const SUMMER = [6, 7, 8, 9];

/** A 12 x 24 schedule from a rule on (month 1-12, hour 0-23). */
function schedule(periodOf: (month: number, hour: number) => number): Schedule {
  return Array.from({ length: 12 }, (_, m) => Array.from({ length: 24 }, (_, h) => periodOf(m + 1, h)));
}
const always = (period: number) => schedule(() => period);
const inHours = (hour: number, from: number, to: number) => hour >= from && hour < to;
const isSummer = (month: number) => SUMMER.includes(month);

function tariff(fields: Omit<UrdbTariff, 'startdate' | 'source'> & { source: string }): UrdbTariff {
  return { startdate: EFFECTIVE, ...fields };
}

const RESIDENTIAL_UTILITY = 'Green Button Demo Utility (Sacramento service area)';
const BUSINESS_UTILITY = 'Green Button Demo Utility (Maine service area)';

export const RATE_PLANS: readonly RatePlan[] = [
  {
    id: 'res-tiered',
    summary: 'One price all day: the first 350 kWh of each month at the lower price, the rest higher.',
    modelledOn: "Pacific Gas and Electric's Schedule E-1 (residential tiered), 2024",
    energyPeriods: [{ name: 'All day', kind: 'all-day' }],
    tariff: tariff({
      label: 'res-tiered',
      name: 'Residential tiered (R-1)',
      utility: RESIDENTIAL_UTILITY,
      sector: 'Residential',
      source: 'https://utility.example/tariffs/R-1',
      description: 'Tier 1 up to 350 kWh per billing period, tier 2 above; a minimum of $10.50 a month.',
      energyratestructure: [
        [
          { max: 350, rate: 0.3102, adj: 0.0118, unit: 'kWh' },
          { rate: 0.3884, adj: 0.0118, unit: 'kWh' },
        ],
      ],
      energyweekdayschedule: always(0),
      energyweekendschedule: always(0),
      mincharge: 10.5,
      minchargeunits: '$/month',
    }),
  },
  {
    // The household's plan: the rates its readings' costs carry (readings.ts `touRate`).
    id: 'res-tou-weekdays',
    summary: 'Peak 4–9 pm on weekdays, a shoulder 7 am–4 pm, off-peak nights and weekend evenings.',
    modelledOn: "Sacramento Municipal Utility District's residential Time-of-Day rate (structure), 2024",
    energyPeriods: [
      { name: 'Off-peak', kind: 'off-peak' },
      { name: 'Shoulder (October–May)', kind: 'shoulder' },
      { name: 'Shoulder (June–September)', kind: 'shoulder' },
      { name: 'Peak 4–9 pm weekdays (October–May)', kind: 'peak' },
      { name: 'Peak 4–9 pm weekdays (June–September)', kind: 'peak' },
    ],
    tariff: tariff({
      label: 'res-tou-weekdays',
      name: 'Residential time-of-use, 4–9 pm weekdays (R-TOD)',
      utility: RESIDENTIAL_UTILITY,
      sector: 'Residential',
      source: 'https://utility.example/tariffs/R-TOD',
      description: 'Summer is June to September. Weekends have no peak. A $12 monthly service charge.',
      energyratestructure: [
        [{ rate: 0.28, unit: 'kWh' }],
        [{ rate: 0.33, unit: 'kWh' }],
        [{ rate: 0.38, unit: 'kWh' }],
        [{ rate: 0.45, unit: 'kWh' }],
        [{ rate: 0.52, unit: 'kWh' }],
      ],
      energyweekdayschedule: schedule((m, h) =>
        inHours(h, 16, 21) ? (isSummer(m) ? 4 : 3) : inHours(h, 7, 16) ? (isSummer(m) ? 2 : 1) : 0,
      ),
      energyweekendschedule: schedule((m, h) => (inHours(h, 7, 16) ? (isSummer(m) ? 2 : 1) : 0)),
      fixedchargefirstmeter: 12,
      fixedchargeunits: '$/month',
    }),
  },
  {
    id: 'res-tou-daily',
    summary: 'Peak 4–9 pm every day, one lower price at all other hours.',
    modelledOn: "Pacific Gas and Electric's Schedule E-TOU-C (peak 4–9 pm every day), 2024",
    energyPeriods: [
      { name: 'Off-peak (October–May)', kind: 'off-peak' },
      { name: 'Off-peak (June–September)', kind: 'off-peak' },
      { name: 'Peak 4–9 pm (October–May)', kind: 'peak' },
      { name: 'Peak 4–9 pm (June–September)', kind: 'peak' },
    ],
    tariff: tariff({
      label: 'res-tou-daily',
      name: 'Residential time-of-use, 4–9 pm every day (R-TOU-C)',
      utility: RESIDENTIAL_UTILITY,
      sector: 'Residential',
      source: 'https://utility.example/tariffs/R-TOU-C',
      description: 'Summer is June to September; the peak applies on weekends too.',
      energyratestructure: [
        [{ rate: 0.2512, adj: 0.0118, unit: 'kWh' }],
        [{ rate: 0.2741, adj: 0.0118, unit: 'kWh' }],
        [{ rate: 0.3398, adj: 0.0118, unit: 'kWh' }],
        [{ rate: 0.4486, adj: 0.0118, unit: 'kWh' }],
      ],
      energyweekdayschedule: schedule((m, h) => (inHours(h, 16, 21) ? 2 : 0) + (isSummer(m) ? 1 : 0)),
      energyweekendschedule: schedule((m, h) => (inHours(h, 16, 21) ? 2 : 0) + (isSummer(m) ? 1 : 0)),
      fixedchargefirstmeter: 0.3,
      fixedchargeunits: '$/day',
    }),
  },
  {
    id: 'gs-flat',
    summary: 'One price for energy at all hours and a monthly customer charge; no demand charge.',
    modelledOn:
      "Central Maine Power's Small General Service (SGS-S) delivery rate with standard-offer supply, 2024",
    energyPeriods: [{ name: 'All day', kind: 'all-day' }],
    tariff: tariff({
      label: 'gs-flat',
      name: 'Small general service (SGS)',
      utility: BUSINESS_UTILITY,
      sector: 'Commercial',
      source: 'https://utility.example/tariffs/SGS',
      description: 'Energy at one price; a $22.50 monthly customer charge.',
      energyratestructure: [[{ rate: 0.2214, adj: 0.0096, unit: 'kWh' }]],
      energyweekdayschedule: always(0),
      energyweekendschedule: always(0),
      fixedchargefirstmeter: 22.5,
      fixedchargeunits: '$/month',
    }),
  },
  {
    id: 'gs-tou',
    summary: 'Energy dearer noon–8 pm on weekdays and cheaper at night and weekends; no demand charge.',
    modelledOn: "Central Maine Power's Small General Service time-of-use option (SGS-TOU), 2024",
    energyPeriods: [
      { name: 'Off-peak', kind: 'off-peak' },
      { name: 'Peak noon–8 pm weekdays', kind: 'peak' },
    ],
    tariff: tariff({
      label: 'gs-tou',
      name: 'Small general service, time-of-use (SGS-TOU)',
      utility: BUSINESS_UTILITY,
      sector: 'Commercial',
      source: 'https://utility.example/tariffs/SGS-TOU',
      description: 'Peak noon to 8 pm Monday to Friday; a $27.00 monthly customer charge.',
      energyratestructure: [
        [{ rate: 0.1688, adj: 0.0096, unit: 'kWh' }],
        [{ rate: 0.2935, adj: 0.0096, unit: 'kWh' }],
      ],
      energyweekdayschedule: schedule((_, h) => (inHours(h, 12, 20) ? 1 : 0)),
      energyweekendschedule: always(0),
      fixedchargefirstmeter: 27,
      fixedchargeunits: '$/month',
    }),
  },
  {
    // The business and commercial customers' plan.
    id: 'gs-demand',
    summary:
      'Cheaper energy, plus a charge on the month’s highest 15-minute or hourly demand and on the weekday afternoon peak.',
    modelledOn:
      "Central Maine Power's Medium General Service (MGS-S) delivery rate with standard-offer supply, 2024",
    energyPeriods: [{ name: 'All day', kind: 'all-day' }],
    tariff: tariff({
      label: 'gs-demand',
      name: 'Medium general service with demand (MGS)',
      utility: BUSINESS_UTILITY,
      sector: 'Commercial',
      source: 'https://utility.example/tariffs/MGS',
      description:
        'Demand: $13.48 per kW of the month’s highest demand, and $4.10 per kW of the highest between noon and 8 pm on weekdays; a $65.00 monthly customer charge.',
      energyratestructure: [[{ rate: 0.1392, adj: 0.0096, unit: 'kWh' }]],
      energyweekdayschedule: always(0),
      energyweekendschedule: always(0),
      flatdemandstructure: [[{ rate: 13.48 }]],
      flatdemandmonths: Array.from({ length: 12 }, () => 0),
      flatdemandunit: 'kW',
      demandratestructure: [[{ rate: 0 }], [{ rate: 4.1 }]],
      demandweekdayschedule: schedule((_, h) => (inHours(h, 12, 20) ? 1 : 0)),
      demandweekendschedule: always(0),
      demandrateunit: 'kW',
      fixedchargefirstmeter: 65,
      fixedchargeunits: '$/month',
    }),
  },
];

/** Each customer's plan: the household on its time-of-use plan, businesses on the demand plan. */
const CURRENT_PLAN: Record<string, string> = {
  'rc-1001': 'res-tou-weekdays',
  'rc-2001': 'gs-demand',
  'rc-3001': 'gs-demand',
};

const isResidential = (customer: Customer) => CURRENT_PLAN[customer.id]?.startsWith('res-') ?? false;

export interface PlanEligibility {
  planId: string;
  eligible: boolean;
  reason: string;
}

/** Whether a meter may take a plan, and why: plans follow the class of service (residential or general). */
function eligibility(customer: Customer, up: UsagePointInfo, plan: RatePlan): PlanEligibility {
  const residentialPlan = plan.tariff.sector === 'Residential';
  const home = isResidential(customer);
  if (!up.active)
    return {
      planId: plan.id,
      eligible: false,
      reason: 'The meter is disconnected: it can change to no plan.',
    };
  if (residentialPlan !== home)
    return {
      planId: plan.id,
      eligible: false,
      reason: home
        ? 'General-service plans are for business premises; this meter serves a home.'
        : 'Residential plans are for homes; this meter serves a business.',
    };
  return {
    planId: plan.id,
    eligible: true,
    reason: home
      ? 'Open to every residential electricity meter, with or without rooftop solar.'
      : 'Open to every general-service electricity meter of this account.',
  };
}

/** The customer API's answer: every published plan, and each electricity meter's plan and choices. */
export function ratePlansFor(customer: Customer) {
  const current = CURRENT_PLAN[customer.id];
  return {
    ratePlans: RATE_PLANS,
    servicePoints: customer.usagePoints
      .filter((up) => up.serviceKind === 0)
      .map((up) => ({
        usagePointId: up.id,
        currentPlanId: current ?? null,
        plans: RATE_PLANS.map((plan) => eligibility(customer, up, plan)),
      })),
  };
}
