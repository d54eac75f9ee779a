/**
 * Meters side by side: up to eight usage points over the same local month at the same resolution (day
 * or hour), each meter's primary flow per bucket (delivered, or net for a net meter), lined up on the
 * buckets' starts, with each meter's total and highest bucket. The URL holds `meters`, `month` and `res`.
 * Free of React.
 */
import { civilFromDays, daysFromCivil } from '../../../espi/index.ts';
import { dateOfDay, dayNumber, type DayRange } from './range.ts';
import type { ChartData } from './series.ts';

/** Meters one chart shows at most: more lines than a reader can tell apart by colour and dash. */
export const MAX_COMPARED = 8;
export const COMPARE_RESOLUTIONS = ['day', 'hour'] as const;
export type CompareResolution = (typeof COMPARE_RESOLUTIONS)[number];

export interface CompareState {
  ids: string[];
  /** `YYYY-MM`. */
  month: string;
  resolution: CompareResolution;
}

/** The month before the one `today` (`YYYY-MM-DD`) is in: the latest whole month. */
export function lastWholeMonth(today: string): string {
  const day = civilFromDays(dayNumber(today) ?? 0);
  const previous = civilFromDays(daysFromCivil(day.year, day.month, 1) - 1);
  return `${previous.year}-${String(previous.month).padStart(2, '0')}`;
}

export function readCompareState(params: URLSearchParams, today: string): CompareState {
  const month = params.get('month') ?? '';
  return {
    ids: [...new Set((params.get('meters') ?? '').split(',').filter(Boolean))].slice(0, MAX_COMPARED),
    month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : lastWholeMonth(today),
    resolution: params.get('res') === 'hour' ? 'hour' : 'day',
  };
}

/** The local days of a `YYYY-MM` month. */
export function monthRange(month: string): DayRange {
  const [year = 1970, monthNumber = 1] = month.split('-').map(Number);
  return {
    from: dateOfDay(daysFromCivil(year, monthNumber, 1)),
    to: dateOfDay(daysFromCivil(year, monthNumber + 1, 1) - 1),
  };
}

export interface ComparedMeter {
  id: string;
  name: string;
  unit: string;
  /** Per bucket start (epoch seconds): the meter's value, null where it has no readings. */
  values: Map<number, number | null>;
  total: number;
  highest: { start: number; end: number; value: number } | undefined;
  estimated: number;
}

/** One meter's chart rows as a compared series: its primary flow, totalled, its highest bucket found. */
export function comparedMeter(id: string, name: string, data: ChartData): ComparedMeter {
  const net = data.flows.length === 1 && data.flows[0] === 'net';
  const values = new Map<number, number | null>();
  let total = 0;
  let estimated = 0;
  let highest: ComparedMeter['highest'];
  for (const row of data.rows) {
    const value = net ? row.net : row.delivered;
    values.set(row.start, value);
    estimated += row.estimated;
    if (value === null) continue;
    total += value;
    if (!highest || value > highest.value) highest = { start: row.start, end: row.end, value };
  }
  return { id, name, unit: data.unit, values, total, highest, estimated };
}

export interface CompareRow {
  start: number;
  end: number;
  /** In the meters' order; null where a meter has no reading. */
  values: (number | null)[];
}

/** Every bucket any meter has, in time order, each meter's value in it. */
export function compareRows(meters: readonly ComparedMeter[], buckets: readonly ChartData[]): CompareRow[] {
  const spans = new Map<number, number>();
  for (const data of buckets) for (const row of data.rows) spans.set(row.start, row.end);
  return [...spans]
    .sort(([a], [b]) => a - b)
    .map(([start, end]) => ({ start, end, values: meters.map((m) => m.values.get(start) ?? null) }));
}
