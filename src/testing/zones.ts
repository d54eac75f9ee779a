/**
 * Five zones as LocalTimeParameters describe them, for property tests that check the clock and the
 * aggregation against the IANA rules the browser's Intl knows: US Pacific and Eastern, Europe/London,
 * Australia/Lord_Howe (a 30-minute DST, southern hemisphere) and Asia/Tokyo (no DST). Rules as in force
 * since 2008 (Lord Howe's present rule), so tests draw instants from 2010 on.
 */
import {
  createLocalTime,
  encodeDstRule,
  type EpochSeconds,
  type LocalTime,
  millisOf,
  type TimeZoneRules,
  usZoneRules,
} from '../espi/index.ts';

/** The first (operator 2) or last (7) Sunday of a month, at an hour. */
const sunday = (month: number, operator: 2 | 7, hour: number) =>
  encodeDstRule({ month, operator, dayOfMonth: 0, dayOfWeek: 7, hour, seconds: 0 });

export interface TestZone {
  iana: string;
  rules: TimeZoneRules;
  /** The lengths a local day may have, hours. */
  dayHours: readonly number[];
}

export const TEST_ZONES: readonly TestZone[] = [
  { iana: 'America/Los_Angeles', rules: usZoneRules('Pacific'), dayHours: [23, 24, 25] },
  { iana: 'America/New_York', rules: usZoneRules('Eastern'), dayHours: [23, 24, 25] },
  {
    iana: 'Europe/London',
    // Last Sunday of March 01:00 GMT to last Sunday of October 02:00 BST.
    rules: { tzOffset: 0, dstOffset: 3600, dstStartRule: sunday(3, 7, 1), dstEndRule: sunday(10, 7, 2) },
    dayHours: [23, 24, 25],
  },
  {
    iana: 'Australia/Lord_Howe',
    // UTC+10:30; first Sunday of October 02:00 standard to first Sunday of April 02:00 daylight, 30 minutes.
    rules: { tzOffset: 37800, dstOffset: 1800, dstStartRule: sunday(10, 2, 2), dstEndRule: sunday(4, 2, 2) },
    dayHours: [23.5, 24, 24.5],
  },
  { iana: 'Asia/Tokyo', rules: { tzOffset: 32400 }, dayHours: [24] },
];

export function clockOf(zone: TestZone): LocalTime {
  return createLocalTime({ meta: { relatedHrefs: [] }, ...zone.rules });
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, seconds, as Intl (the IANA database) has it. */
export function intlOffset(iana: string, epochSeconds: EpochSeconds): number {
  let format = offsetFormats.get(iana);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' });
    offsetFormats.set(iana, format);
  }
  const name = format.formatToParts(new Date(millisOf(epochSeconds))).find((p) => p.type === 'timeZoneName');
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name?.value ?? '');
  if (!match) return 0; // "GMT" alone is UTC
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

/** 2010-01-01 to 2036-01-01 UTC: years the rules above hold for. */
export const RULES_SPAN = { start: 1_262_304_000, end: 2_082_758_400 };
