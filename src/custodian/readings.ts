/**
 * The seeded data generator. Every reading is a pure function of (meter, time): a daily load shape,
 * weekday and seasonal patterns, day-to-day "weather", rooftop solar, and per-reading noise from a
 * hash of the meter seed and the time, never Math.random. Any time window is therefore generated on
 * its own, lazily, and agrees with every other window. Days are local days of the meter's zone, so
 * DST days hold 23 or 25 hours of readings.
 */
import {
  createLocalTime,
  type EpochSeconds,
  type IntervalReadings,
  type LocalTime,
  type LocalTimeParameters,
  NO_QUALITY,
  usZoneRules,
} from '../espi/index.ts';
import type { ReadingSpec, TimeZoneName, UsagePointInfo } from './directory.ts';
import { hashString, unitNoise } from './prng.ts';

const DAY = 86_400;
/** Published data lags: a day's readings appear 30 hours after it ends (custodians publish late). */
export const PUBLICATION_LAG = 30 * 3600;
export const HISTORY_DAYS = 730;
/** ReadingQuality code 8: estimated (reference section 6). */
export const ESTIMATED = 8;

export interface Zone {
  id: string;
  /** The LocalTimeParameters fields the custodian publishes for this zone. */
  parameters: Omit<LocalTimeParameters, 'meta'>;
  clock: LocalTime;
}

const ZONES: Record<TimeZoneName, Zone> = {
  'America/New_York': zone('eastern', 'Eastern'),
  'America/Los_Angeles': zone('pacific', 'Pacific'),
};

function zone(id: string, name: 'Eastern' | 'Pacific'): Zone {
  const parameters = usZoneRules(name);
  return { id, parameters, clock: createLocalTime({ meta: { relatedHrefs: [] }, ...parameters }) };
}

export function zoneOf(name: TimeZoneName): Zone {
  return ZONES[name];
}

export function allZones(): Zone[] {
  return Object.values(ZONES);
}

/** The end of published data: the local midnight whose day was published 30 h after it ended. */
export function dataEnd(z: Zone, nowSeconds: EpochSeconds): number {
  return z.clock.startOfLocalDay(nowSeconds - PUBLICATION_LAG);
}

export function dataStart(z: Zone, nowSeconds: EpochSeconds): number {
  return z.clock.addLocalDays(dataEnd(z, nowSeconds), -HISTORY_DAYS);
}

/** One IntervalBlock's span: a local day for sub-daily meters, a local month (or its published part) for daily ones. */
export interface BlockSpan {
  /** URL segment and id part: `20250614` or `202506`. */
  key: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Blocks lying wholly inside [from, to), clipped to the published data. */
export function blockSpans(
  up: UsagePointInfo,
  from: number,
  to: number,
  nowSeconds: EpochSeconds,
): BlockSpan[] {
  const z = zoneOf(up.zone);
  const { clock } = z;
  const first = Math.max(from, dataStart(z, nowSeconds));
  const last = Math.min(to, dataEnd(z, nowSeconds));
  const spans: BlockSpan[] = [];
  if (first >= last) return spans;
  const monthly = up.intervalLength >= DAY;
  let start = monthly ? clock.startOfLocalMonth(first) : clock.startOfLocalDay(first);
  if (start < first) start = monthly ? clock.addLocalMonths(start, 1) : clock.addLocalDays(start, 1);
  while (start < last) {
    const next = monthly ? clock.addLocalMonths(start, 1) : clock.addLocalDays(start, 1);
    const end = Math.min(next, last);
    // A month block is published as far as the data goes; a day block only whole.
    if (end < next && !(monthly && last === dataEnd(z, nowSeconds))) break;
    const p = clock.toLocal(start);
    spans.push({
      key: monthly ? `${p.year}${pad(p.month)}` : `${p.year}${pad(p.month)}${pad(p.day)}`,
      start,
      end,
    });
    start = next;
  }
  return spans;
}

/** The block a URL key names, if it is published. */
export function blockSpanByKey(
  up: UsagePointInfo,
  key: string,
  nowSeconds: EpochSeconds,
): BlockSpan | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})?$/.exec(key);
  if (!match) return undefined;
  const { clock } = zoneOf(up.zone);
  const start = clock.fromLocal(Number(match[1]), Number(match[2]), Number(match[3] ?? 1));
  const next = match[3] ? clock.addLocalDays(start, 1) : clock.addLocalMonths(start, 1);
  return blockSpans(up, start, next, nowSeconds).find((s) => s.key === key);
}

// --- Load model ------------------------------------------------------------------------------------

const RESIDENTIAL = [
  0.55, 0.5, 0.48, 0.47, 0.5, 0.6, 0.85, 1.1, 1.05, 0.9, 0.85, 0.85, 0.85, 0.85, 0.9, 1.0, 1.2, 1.5, 1.7,
  1.65, 1.5, 1.3, 1.0, 0.75,
];
const BUSINESS = [
  0.45, 0.45, 0.45, 0.5, 0.8, 1.1, 1.3, 1.5, 1.6, 1.65, 1.65, 1.6, 1.6, 1.6, 1.55, 1.45, 1.25, 1.0, 0.8, 0.65,
  0.55, 0.5, 0.45, 0.45,
];
const WEATHER_SEED = hashString('regional-weather');

function seasonal(serviceKind: number, dayOfYear: number, weather: number): number {
  const phase = (peakDay: number) => Math.cos((2 * Math.PI * (dayOfYear - peakDay)) / 365.25);
  if (serviceKind === 1) return 0.2 + 1.3 * Math.max(0, phase(20)) * weather;
  if (serviceKind === 2) return 1 + 0.3 * phase(200) * weather;
  return 1 + (0.35 * Math.max(0, phase(200)) + 0.15 * Math.max(0, phase(15))) * weather;
}

function weekdayFactor(residential: boolean, weekday: number): number {
  if (residential) return weekday >= 5 ? 1.1 : 1;
  return weekday === 6 ? 0.45 : weekday === 5 ? 0.6 : 1;
}

/** Rooftop PV output (W): clear-sky bell over the day length, seasonal irradiance, daily cloud cover. */
function solarPower(
  up: UsagePointInfo,
  t: number,
  standardOffset: number,
  dayOfYear: number,
  localDay: number,
) {
  if (up.solarWatts === 0) return 0;
  const solarHour = ((((t + standardOffset) % DAY) + DAY) % DAY) / 3600;
  const halfDay = 6 + 1.6 * Math.sin((2 * Math.PI * (dayOfYear - 80)) / 365.25);
  const fromSunrise = solarHour - (12 - halfDay);
  if (fromSunrise <= 0 || fromSunrise >= 2 * halfDay) return 0;
  const elevation = Math.sin((Math.PI * fromSunrise) / (2 * halfDay));
  const irradiance = 0.6 + 0.4 * Math.sin((2 * Math.PI * (dayOfYear - 80)) / 365.25);
  const clouds = 0.35 + 0.65 * Math.sqrt(unitNoise(WEATHER_SEED ^ up.seed, localDay));
  return up.solarWatts * 0.8 * elevation * elevation * irradiance * clouds;
}

/** Household time-of-use rates, dollars per kWh: peak 16:00-21:00 on weekdays, higher in summer. */
function touRate(hour: number, weekday: number, month: number): number {
  const summer = month >= 6 && month <= 9;
  if (weekday < 5 && hour >= 16 && hour < 21) return summer ? 0.52 : 0.45;
  if (hour >= 7 && hour < 16) return summer ? 0.38 : 0.33;
  return 0.28;
}

export interface GeneratedBlock {
  readings: IntervalReadings;
  /** Sum of values and of costs (hundred-thousandths of USD). */
  total: number;
  totalCost: number;
}

/** The readings of one block of one MeterReading. */
export function generateBlock(
  up: UsagePointInfo,
  spec: ReadingSpec,
  span: BlockSpan,
  withCost: boolean,
): GeneratedBlock {
  const { clock, parameters } = zoneOf(up.zone);
  const standardOffset = parameters.tzOffset ?? 0;
  const daily = up.intervalLength >= DAY;
  const starts: number[] = [];
  for (let t = span.start; t < span.end; t = daily ? clock.addLocalDays(t, 1) : t + up.intervalLength)
    starts.push(t);

  const start = new Float64Array(starts.length);
  const duration = new Uint32Array(starts.length);
  const value = new Float64Array(starts.length);
  const quality = new Uint8Array(starts.length).fill(NO_QUALITY);
  const cost = withCost ? new Float64Array(starts.length) : undefined;
  const residential = up.customerId === 'rc-1001';
  const shape = residential ? RESIDENTIAL : BUSINESS;
  let count = 0;
  let total = 0;
  let totalCost = 0;
  for (let i = 0; i < starts.length; i++) {
    const t = starts[i] ?? 0;
    const length = daily ? (starts[i + 1] ?? span.end) - t : up.intervalLength;
    const local = clock.toLocal(t);
    const localDay = Math.floor((t + local.offset) / DAY);
    const dayOfYear = (localDay % 365.2425) + 0.5;
    const weekday = (localDay + 3) % 7; // 1970-01-01 was a Thursday; 0 = Monday
    // A meter-communication gap: four hours missing every 97 days (sub-daily meters).
    if (!daily && (localDay + up.seed) % 97 === 0 && local.hour >= 9 && local.hour < 13) continue;
    const weather = 0.7 + 0.6 * unitNoise(WEATHER_SEED, localDay);
    const profile = daily ? 1 : (shape[local.hour] ?? 1);
    const noise = 0.8 + 0.4 * unitNoise(up.seed ^ hashString(spec.key), Math.floor(t / 60));
    const load =
      (up.baseLoad *
        profile *
        weekdayFactor(residential, weekday) *
        seasonal(up.serviceKind, dayOfYear, weather) *
        noise *
        length) /
      3600;
    const pv = (solarPower(up, t + length / 2, standardOffset, dayOfYear, localDay) * length) / 3600;
    const raw = spec.flowDirection === 19 ? Math.max(0, pv - load) : Math.max(0, load - pv);
    const v = Math.round(raw);
    start[count] = t;
    duration[count] = length;
    value[count] = v;
    if ((localDay + up.seed) % 23 === 7 && (daily || (local.hour >= 14 && local.hour < 18)))
      quality[count] = ESTIMATED;
    if (cost) {
      // Cost in hundred-thousandths of a dollar (docs/espi.md 2.2): Wh x $/kWh x 100.
      const c = Math.round(v * touRate(local.hour, weekday, local.month) * 100);
      cost[count] = c;
      totalCost += c;
    }
    total += v;
    count++;
  }
  return {
    readings: {
      count,
      start: start.subarray(0, count),
      duration: duration.subarray(0, count),
      value: value.subarray(0, count),
      quality: quality.subarray(0, count),
      ...(cost ? { cost: cost.subarray(0, count) } : {}),
    },
    total,
    totalCost,
  };
}

/** Flat tariffs for bill summaries of meters without interval costs: per raw unit, hundred-thousandths of USD. */
export function flatCost(spec: ReadingSpec, total: number): number {
  // electricity $0.18/kWh (Wh raw); gas $1.60/therm (milli-therm raw); water $0.012/gal.
  const perRaw = spec.uom === 72 ? 18 : spec.uom === 169 ? 160 : 1200;
  return Math.round(total * perRaw);
}
