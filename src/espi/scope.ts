/**
 * ESPI scope strings (docs/espi.md 4.3; GBIO `espi/scope.md`, `espi/authorization_scope.md`): parsed, formatted
 * back, and described in plain words for the consent page and the authorizations list.
 *
 * Grammar: `Scope = [FBTerms] [ValueTerms] [ResourceTerms]`, each term `Name=value;`. In practice the last `;`
 * is often missing, and custodians add terms of their own: both are accepted, unknown terms are kept.
 * A scope is one OAuth scope token (commas and spaces were removed from the syntax for that reason).
 */
import { countOf } from './plural.ts';

export type FunctionBlockCategory =
  'access' | 'usage' | 'summary' | 'meters' | 'delivery' | 'personal' | 'technical';

export interface FunctionBlock {
  /** Name in the GBA documents. */
  name: string;
  /** What it means for the customer, in plain words. */
  plain: string;
  category: FunctionBlockCategory;
}

/**
 * Every function block the reference lists (section 4.3), names from GBIO `authorization_scope.md` unless the
 * GBA certification pages (GBA-web) give a newer one. 20-26, 30, 52-54, 57 and 62-69 are in no source found.
 */
export const FUNCTION_BLOCKS: Readonly<Record<number, FunctionBlock>> = {
  1: { name: 'Common Data Custodian', plain: 'Ongoing access to your energy data', category: 'access' },
  2: {
    name: 'Green Button Download My Data',
    plain: 'A one-time copy of your data as a file',
    category: 'access',
  },
  3: {
    name: 'Core Green Button Connect My Data',
    plain: 'Ongoing access to your energy data',
    category: 'access',
  },
  4: { name: 'Interval Metering', plain: 'Meter readings at regular intervals', category: 'usage' },
  5: {
    name: 'Interval Electricity Metering',
    plain: 'Electricity use at regular intervals',
    category: 'usage',
  },
  6: {
    name: 'Demand Electricity Metering',
    plain: 'Electricity demand (your peak power draw)',
    category: 'usage',
  },
  7: {
    name: 'Net Metering',
    plain: 'Net metering: energy used minus energy sent to the grid',
    category: 'usage',
  },
  8: {
    name: 'Forward and Reverse Metering',
    plain: 'Energy you took from the grid and energy you sent back (solar)',
    category: 'usage',
  },
  9: { name: 'Register Values', plain: 'Meter register (dial) readings', category: 'usage' },
  10: { name: 'Gas (Natural Gas Interval Metering)', plain: 'Natural gas use', category: 'usage' },
  11: { name: 'Water (Water Interval Metering)', plain: 'Water use', category: 'usage' },
  12: { name: 'Cost of Interval Data', plain: 'The cost of your use in each interval', category: 'usage' },
  13: {
    name: 'Security and Privacy classes (HTTPS)',
    plain: 'Encrypted connections (HTTPS)',
    category: 'technical',
  },
  14: {
    name: 'Authorization and Authentication (OAuth)',
    plain: 'Sign-in and permission handling (OAuth)',
    category: 'technical',
  },
  15: { name: 'Usage Summary', plain: 'Bill summaries (use per billing period)', category: 'summary' },
  16: { name: 'Usage Summary with Cost', plain: 'Bill summaries with costs', category: 'summary' },
  17: {
    name: 'Power Quality Summary',
    plain: 'Power quality summaries (voltage, interruptions)',
    category: 'summary',
  },
  18: { name: 'Multiple Usage Points', plain: 'Data of several meters', category: 'meters' },
  19: { name: 'Partial update data', plain: 'Updates that carry only new readings', category: 'technical' },
  27: {
    name: 'Usage Summary with Demands and Previous Day Attributes',
    plain: 'Summary peak demand and previous-day figures',
    category: 'summary',
  },
  28: {
    name: 'Usage Summary Costs for Current Billing Period',
    plain: 'Costs so far in the current billing period',
    category: 'summary',
  },
  29: {
    name: 'Temperature (Temperature Interval Metering)',
    plain: 'Temperature readings',
    category: 'usage',
  },
  31: { name: 'Core REST Services', plain: 'Standard data access interface', category: 'technical' },
  32: {
    name: 'Resource Level REST',
    plain: 'Access to individual meters and readings',
    category: 'technical',
  },
  33: { name: 'Management REST Interfaces', plain: 'Data management by the utility', category: 'technical' },
  34: {
    name: 'SFTP for Bulk',
    plain: 'Delivery in bulk files (SFTP) together with other customers',
    category: 'delivery',
  },
  35: {
    name: 'REST for Bulk',
    plain: 'Delivery in bulk together with other customers',
    category: 'delivery',
  },
  36: {
    name: 'Third Party (Client) Dynamic Registration',
    plain: 'Automatic app registration',
    category: 'technical',
  },
  37: { name: 'Query Parameters', plain: 'Requests for chosen date ranges', category: 'technical' },
  38: { name: 'On Demand Requests', plain: 'Requests without notification', category: 'technical' },
  39: { name: 'PUSH model', plain: 'Notification when new data is ready', category: 'technical' },
  40: {
    name: 'Offline Authorization',
    plain: 'Permission granted outside the online sign-in',
    category: 'technical',
  },
  // The GBA's own documents disagree on 41 and 44: authorization_scope.md and connect_function_blocks.md say
  // 41 = Authorization, 44 = ApplicationInformation; api_specification.md and the Swagger docs swap them.
  41: {
    name: 'Manage Authorization Resource (41 and 44 are swapped in some GBA documents)',
    plain: 'Management of permissions by the app',
    category: 'technical',
  },
  42: {
    name: 'Third Party Core REST Services',
    plain: "The app's notification interface",
    category: 'technical',
  },
  43: {
    name: 'Third Party Management REST Services',
    plain: "The app's management interface",
    category: 'technical',
  },
  44: {
    name: 'Manage ApplicationInformation Resource (41 and 44 are swapped in some GBA documents)',
    plain: "Management of the app's registration",
    category: 'technical',
  },
  45: {
    name: 'Administrative access (used by the reference implementation, undefined elsewhere)',
    plain: 'Administrative access',
    category: 'technical',
  },
  46: { name: 'Core RetailCustomer', plain: 'Your customer account information', category: 'personal' },
  47: {
    name: 'REST for RetailCustomer Bulk',
    plain: 'Customer account information delivered in bulk',
    category: 'personal',
  },
  48: {
    name: 'SFTP for RetailCustomer Bulk',
    plain: 'Customer account information delivered in bulk files',
    category: 'personal',
  },
  49: {
    name: 'RetailCustomer Management REST',
    plain: 'Management of customer records by the utility',
    category: 'technical',
  },
  50: {
    name: 'RetailCustomer Resource Level REST',
    plain: 'Access to individual customer records',
    category: 'technical',
  },
  51: { name: 'Retail Customer Common', plain: 'Your name and account details', category: 'personal' },
  55: {
    name: 'Retail Customer Demographic Information',
    plain: 'Demographic information about you',
    category: 'personal',
  },
  56: {
    name: 'Retail Customer Billing Information',
    plain: 'Your billing information',
    category: 'personal',
  },
  58: {
    name: 'Retail Customer Service-Location Information',
    plain: 'Your service address',
    category: 'personal',
  },
  59: {
    name: 'Retail Customer Service-Supplier Information',
    plain: 'Your energy supplier',
    category: 'personal',
  },
  60: {
    name: 'Retail Customer Meter Information',
    plain: 'Information about your meters',
    category: 'personal',
  },
  61: {
    name: 'Retail Customer End-Device Information',
    plain: 'Information about your devices',
    category: 'personal',
  },
};

/**
 * Blocks that name data a customer can stop sharing (usage, summaries, personal records): what a change
 * of an authorization chooses from. FB 4 is implied by the commodity blocks (5, 10, 11, 29); access and
 * protocol blocks say nothing a customer chooses.
 */
export function isDataBlock(fb: number): boolean {
  const category = FUNCTION_BLOCKS[fb]?.category;
  return fb !== 4 && (category === 'usage' || category === 'summary' || category === 'personal');
}

/** Commodity blocks: interval metering (FB 4) needs at least one of them (docs/espi.md 4.3). */
export const COMMODITY_BLOCKS: ReadonlySet<number> = new Set([5, 10, 11, 29]);

export interface ScopeTerm {
  key: string;
  value: string;
}

export interface HistoryLength {
  raw: string;
  /** Seconds of history, when the value could be read as seconds or months. */
  seconds?: number;
  /** True when a small number was read as months (see `MONTHS_THRESHOLD`). */
  asMonths: boolean;
}

export interface EspiScope {
  functionBlocks: number[];
  /** Seconds (900) or a named period (`monthly`), in the scope's order. */
  intervalDurations: (number | string)[];
  /** MacroPeriodKind: billingPeriod, daily, monthly, seasonal, weekly. */
  blockDurations: string[];
  historyLength?: HistoryLength;
  subscriptionFrequency?: number | string;
  accountCollection?: number;
  /** `BR=` bulk id: the authorization is part of Batch/Bulk/{bulkId} (docs/espi.md 4.5). */
  bulkId?: string;
  /** Terms this module does not know, kept in order so formatting gives them back. */
  unknownTerms: ScopeTerm[];
  /** What could not be read, in words; the rest of the scope is still parsed. */
  problems: string[];
}

/**
 * HistoryLength is seconds per the grammar, but the reference implementation's seed data uses
 * `HistoryLength=13` and the GBA's 2025 consent page shows it as "13 months" (docs/espi.md 4.3). No real
 * history is shorter than a day, so values up to this threshold are read as months (a heuristic).
 */
export const MONTHS_THRESHOLD = 600;
/** A month of history as the 2025 GBA consent page counts it: 30 days. */
const MONTH_SECONDS = 30 * 86400;

const numberOrName = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);

export function parseScope(text: string): EspiScope {
  const scope: EspiScope = {
    functionBlocks: [],
    intervalDurations: [],
    blockDurations: [],
    unknownTerms: [],
    problems: [],
  };
  for (const rawTerm of text.trim().split(';')) {
    const term = rawTerm.trim();
    if (term === '') continue;
    const eq = term.indexOf('=');
    const key = eq < 0 ? term : term.slice(0, eq).trim();
    const value = eq < 0 ? '' : term.slice(eq + 1).trim();
    const list = value.split('_').filter((v) => v !== '');
    switch (key.toLowerCase()) {
      case 'fb':
        for (const item of list) {
          if (!/^\d+$/.test(item)) scope.problems.push(`Function block "${item}" is not a number.`);
          else if (!scope.functionBlocks.includes(Number(item))) scope.functionBlocks.push(Number(item));
        }
        break;
      case 'intervalduration':
        scope.intervalDurations.push(...list.map(numberOrName));
        break;
      case 'blockduration':
        scope.blockDurations.push(...list);
        break;
      case 'historylength': {
        const n = /^\d+$/.test(value) ? Number(value) : undefined;
        if (n === undefined) {
          scope.historyLength = { raw: value, asMonths: false };
          scope.problems.push(`HistoryLength "${value}" is not a number of seconds.`);
        } else if (n <= MONTHS_THRESHOLD) {
          scope.historyLength = { raw: value, seconds: n * MONTH_SECONDS, asMonths: true };
        } else {
          scope.historyLength = { raw: value, seconds: n, asMonths: false };
        }
        break;
      }
      case 'subscriptionfrequency':
        scope.subscriptionFrequency = numberOrName(value);
        break;
      case 'accountcollection':
        if (/^\d+$/.test(value)) scope.accountCollection = Number(value);
        else scope.problems.push(`AccountCollection "${value}" is not a number.`);
        break;
      case 'br':
        if (value === '') scope.problems.push('BR= has no bulk id.');
        else scope.bulkId = value;
        break;
      default:
        scope.unknownTerms.push({ key, value });
    }
  }
  return scope;
}

/** The scope as one string, terms in grammar order, without a trailing `;` (the common practice). */
export function formatScope(scope: EspiScope): string {
  const terms: string[] = [];
  if (scope.functionBlocks.length > 0) terms.push(`FB=${scope.functionBlocks.join('_')}`);
  if (scope.intervalDurations.length > 0) terms.push(`IntervalDuration=${scope.intervalDurations.join('_')}`);
  if (scope.blockDurations.length > 0) terms.push(`BlockDuration=${scope.blockDurations.join('_')}`);
  if (scope.historyLength) terms.push(`HistoryLength=${scope.historyLength.raw}`);
  if (scope.subscriptionFrequency !== undefined)
    terms.push(`SubscriptionFrequency=${scope.subscriptionFrequency}`);
  if (scope.accountCollection !== undefined) terms.push(`AccountCollection=${scope.accountCollection}`);
  if (scope.bulkId !== undefined) terms.push(`BR=${scope.bulkId}`);
  for (const t of scope.unknownTerms) terms.push(t.value === '' ? t.key : `${t.key}=${t.value}`);
  return terms.join(';');
}

// --- Plain words ------------------------------------------------------------------------------------------

/** "15 minutes", "1 hour", "395 days (about 13 months)", "3 years". */
export function durationInWords(seconds: number): string {
  if (seconds % 86400 === 0) {
    const days = seconds / 86400;
    if (days >= 365 && days % 365 === 0) return countOf(days / 365, 'year');
    if (days >= 28 && days <= 31) return '1 month';
    if (days >= 60) return `${countOf(days, 'day')} (about ${countOf(Math.round(days / 30.44), 'month')})`;
    if (days % 7 === 0) return countOf(days / 7, 'week');
    return countOf(days, 'day');
  }
  if (seconds % 3600 === 0) return countOf(seconds / 3600, 'hour');
  if (seconds % 60 === 0) return countOf(seconds / 60, 'minute');
  return countOf(seconds, 'second');
}

const NAMED_PERIODS: Readonly<Record<string, string>> = {
  billingperiod: 'billing period',
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  seasonal: 'season',
};

function periodInWords(value: number | string): string {
  return typeof value === 'number' ? durationInWords(value) : (NAMED_PERIODS[value.toLowerCase()] ?? value);
}

export interface ScopeDescription {
  /** One sentence for a list row: "Electricity use at regular intervals (1 hour), bill summaries; 13 months of history; ongoing." */
  summary: string;
  /** What data, one plain item per function block that names data (usage, summaries, personal data). */
  data: string[];
  access: 'one-time' | 'ongoing';
  accessText: string;
  /** "15 minutes or 1 hour", when the scope says. */
  intervalLength?: string;
  /** "day", "month": how the readings are grouped when delivered. */
  blockLength?: string;
  /** "13 months", "395 days (about 13 months)". */
  history?: string;
  /** "daily", "every 1 hour". */
  updates?: string;
  /** "Covers 3 meters or accounts". */
  accounts?: string;
  /** Set when the scope includes bulk access (`BR=`). */
  bulk?: string;
  /** True when the scope shares personal or account data (function blocks 46-61). */
  personalData: boolean;
  /** Protocol blocks that say nothing to a customer, grouped for a "technical details" disclosure. */
  technical: { fb: number; name: string }[];
  /** Function blocks no source defines. */
  unknownFunctionBlocks: number[];
  /** Unknown terms and unreadable values, for the technical details. */
  notes: string[];
}

export function describeScope(input: EspiScope | string): ScopeDescription {
  const scope = typeof input === 'string' ? parseScope(input) : input;
  const fbs = new Set(scope.functionBlocks);
  const data: string[] = [];
  const technical: { fb: number; name: string }[] = [];
  const unknownFunctionBlocks: number[] = [];
  let delivery: string | undefined;
  for (const fb of [...fbs].sort((a, b) => a - b)) {
    const block = FUNCTION_BLOCKS[fb];
    if (!block) unknownFunctionBlocks.push(fb);
    else if (block.category === 'technical') technical.push({ fb, name: block.name });
    else if (block.category === 'delivery') delivery ??= block.plain;
    else if (block.category !== 'access') {
      // 4 (interval metering) is implied by 5, 10, 11 or 29, which name the commodity.
      if (fb === 4 && [5, 10, 11, 29].some((c) => fbs.has(c))) continue;
      if (!data.includes(block.plain)) data.push(block.plain);
    }
  }
  const oneTime = fbs.has(2) && !fbs.has(3);
  const access = oneTime ? 'one-time' : 'ongoing';
  const intervalLength =
    scope.intervalDurations.length > 0 ? scope.intervalDurations.map(periodInWords).join(' or ') : undefined;
  const blockLength =
    scope.blockDurations.length > 0 ? scope.blockDurations.map(periodInWords).join(' or ') : undefined;
  const h = scope.historyLength;
  const history =
    h?.seconds === undefined
      ? undefined
      : h.asMonths
        ? countOf(Number(h.raw), 'month')
        : durationInWords(h.seconds);
  const freq = scope.subscriptionFrequency;
  const updates =
    freq === undefined ? undefined : typeof freq === 'number' ? `every ${durationInWords(freq)}` : freq;
  const accounts =
    scope.accountCollection === undefined
      ? undefined
      : `Covers ${countOf(scope.accountCollection, 'meter')} or accounts`;
  const bulk =
    scope.bulkId !== undefined
      ? `Shared in bulk with the app's other customers (bulk request ${scope.bulkId})`
      : delivery;
  const accessText = oneTime
    ? 'One time: the app receives a copy of your data once.'
    : 'Ongoing: the app keeps receiving new data until you revoke access or it expires.';

  const dataText =
    data.length > 0
      ? data.map((d, i) => (i === 0 ? d : d.charAt(0).toLowerCase() + d.slice(1))).join(', ')
      : 'No data named';
  const parts = [intervalLength ? `${dataText} (intervals of ${intervalLength})` : dataText];
  if (history) parts.push(`${history} of history`);
  parts.push(access);
  if (bulk) parts.push('bulk');
  return {
    summary: `${parts.join('; ')}.`,
    data,
    access,
    accessText,
    ...(intervalLength ? { intervalLength } : {}),
    ...(blockLength ? { blockLength } : {}),
    ...(history ? { history } : {}),
    ...(updates ? { updates } : {}),
    ...(accounts ? { accounts } : {}),
    ...(bulk ? { bulk } : {}),
    personalData: [...fbs].some((fb) => FUNCTION_BLOCKS[fb]?.category === 'personal'),
    technical,
    unknownFunctionBlocks,
    notes: [
      ...scope.unknownTerms.map((t) => `Unrecognised term ${t.value === '' ? t.key : `${t.key}=${t.value}`}`),
      ...scope.problems,
    ],
  };
}

/** The bulk id a scope marks, matched exactly (the RI's `LIKE '%BR=1%'` also matches BR=17: docs/espi.md 4.5). */
export function bulkIdOf(scope: string): string | undefined {
  return parseScope(scope).bulkId;
}
