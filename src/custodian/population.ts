/**
 * Synthetic customers beside the three demo accounts: households and small businesses who granted
 * the bulk aggregators access, so a bulk feed carries many customers (issue 20). They cannot sign in;
 * they exist as meters and grants. Each is derived from its number alone (`rc-s00042`), so a million of
 * them cost no memory until one is looked up, and the same number is the same customer on every run.
 */
import {
  electricity,
  findCustomer,
  findUsagePoint,
  gas,
  solarExport,
  usagePoint,
  type Customer,
  type TimeZoneName,
  type UsagePointInfo,
} from './directory.ts';
import { createPrng, hashString } from './prng.ts';

/** Numbers 1..POPULATION_SIZE name synthetic customers; enough for a 50,000-meter bulk and more. */
export const POPULATION_SIZE = 200_000;

const CUSTOMER_ID = /^rc-s(\d{6})$/;
const USAGE_POINT_ID = /^up-s(\d{6})-[a-z0-9]+$/;
const SURNAMES = ['Alvarez', 'Brennan', 'Chen', 'Dubois', 'Eze', 'Fischer', 'Gupta', 'Haddad', 'Ito'];
const TRADES = ['Dental Practice', 'Bicycle Shop', 'Print Studio', 'Laundromat', 'Florist', 'Taproom'];

export function syntheticCustomerId(n: number): string {
  return `rc-s${String(n).padStart(6, '0')}`;
}

/**
 * Odd numbers are households (15-minute electricity with time-of-use costs, solar at every third, daily
 * gas), even ones small businesses (three hourly electricity meters with time-of-use costs, hourly gas).
 */
export function syntheticCustomer(n: number): Customer | undefined {
  if (!Number.isInteger(n) || n < 1 || n > POPULATION_SIZE) return undefined;
  const id = syntheticCustomerId(n);
  const random = createPrng(hashString(id));
  const zone: TimeZoneName = n % 4 < 2 ? 'America/Los_Angeles' : 'America/New_York';
  const town = zone === 'America/Los_Angeles' ? 'Fresno, CA 93721' : 'Syracuse, NY 13202';
  const address = `${10 + Math.floor(random() * 980)} Synthetic Street, ${town}`;
  const meter = (
    suffix: string,
    fields: Omit<
      UsagePointInfo,
      'id' | 'customerId' | 'zone' | 'address' | 'seed' | 'solarWatts' | 'active'
    > & { solarWatts?: number },
  ) => usagePoint({ id: `up-${id.slice(3)}-${suffix}`, customerId: id, zone, address, ...fields });
  const household = n % 2 === 1;
  const surname = SURNAMES[n % SURNAMES.length] ?? 'Doe';
  const usagePoints = household
    ? [
        meter('e', {
          title: 'Home electricity',
          serviceKind: 0,
          meterId: `E-S${n}`,
          site: 'Home',
          intervalLength: 900,
          baseLoad: 400 + Math.floor(random() * 600),
          solarWatts: n % 3 === 0 ? 4000 : 0,
          readings: n % 3 === 0 ? [electricity(true), solarExport] : [electricity(true)],
        }),
        meter('g', {
          title: 'Home gas',
          serviceKind: 1,
          meterId: `G-S${n}`,
          site: 'Home',
          intervalLength: 86_400,
          baseLoad: 40 + Math.floor(random() * 60),
          readings: [gas],
        }),
      ]
    : [
        ...['Main service', 'HVAC', 'Lighting'].map((role, i) =>
          meter(String(i + 1), {
            title: role,
            serviceKind: 0,
            meterId: `E-S${n}-${i + 1}`,
            site: 'Shop',
            intervalLength: 3600,
            baseLoad: 1_500 + Math.floor(random() * 8_000),
            readings: [electricity(true)],
          }),
        ),
        meter('g', {
          title: 'Gas',
          serviceKind: 1,
          meterId: `G-S${n}`,
          site: 'Shop',
          intervalLength: 3600,
          baseLoad: 100 + Math.floor(random() * 800),
          readings: [gas],
        }),
      ];
  return {
    id,
    username: id,
    displayName: household ? `The ${surname} household` : `${surname} ${TRADES[n % TRADES.length] ?? 'Shop'}`,
    email: `${id}@customers.example`,
    zone,
    usagePoints,
  };
}

/** A demo or synthetic customer. */
export function findAnyCustomer(id: string): Customer | undefined {
  const match = CUSTOMER_ID.exec(id);
  return match ? syntheticCustomer(Number(match[1])) : findCustomer(id);
}

/** A demo or synthetic usage point. */
export function findAnyUsagePoint(id: string): UsagePointInfo | undefined {
  const match = USAGE_POINT_ID.exec(id);
  if (!match) return findUsagePoint(id);
  return syntheticCustomer(Number(match[1]))?.usagePoints.find((up) => up.id === id);
}
