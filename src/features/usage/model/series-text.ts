/**
 * The chart's rows in words, one wording for the tooltip, the keyboard reader's announcement, the table's
 * notes and the summary under the chart, so a sighted reader and a screen-reader user are told the same.
 */
import { formatMoney, formatQuantity, type LocalTime } from '../../../espi/index.ts';
import type { NumericKey } from './chart-points.ts';
import { formatInterval } from './format-time.ts';
import type { ChartData, ChartRow } from './series.ts';
import { seriesLabel } from './series-style.ts';

export interface RowWording {
  clock: LocalTime;
  /** The series shown, in drawing order. */
  lines: readonly NumericKey[];
  unit: string;
  currency?: number | undefined;
  netMetered: boolean;
}

/** One value of a row: `1.234 kWh`, `$0.21`, or `no reading` for a gap. */
export function valueText(row: ChartRow, key: NumericKey, wording: RowWording, withUnit = true): string {
  const value = row[key];
  if (value === null) return 'no reading';
  if (key === 'cost') return formatMoney(value, wording.currency);
  return formatQuantity(value, withUnit ? wording.unit : '', undefined, 3);
}

/** What else a row's figures rest on: estimates in it, and only part of its period having data. */
export function rowNotes(row: ChartRow): string[] {
  const notes: string[] = [];
  if (row.estimated > 0)
    notes.push(`includes ${row.estimated} estimated ${row.estimated === 1 ? 'reading' : 'readings'}`);
  if (row.partial) notes.push(`partial: ${row.partial.days} of ${row.partial.periodDays} days`);
  return notes;
}

/** A note standing on its own (a tooltip line, a table cell). */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A row read out: `Jan 5, 2025: use 12.3 kWh; includes 2 estimated readings`. */
export function rowSentence(row: ChartRow, wording: RowWording): string {
  const when = formatInterval(wording.clock, row.start, row.end);
  const values = wording.lines.map((key) => {
    const label = seriesLabel(key, wording.netMetered);
    return `${wording.lines.length === 1 ? label.toLowerCase() : label} ${valueText(row, key, wording)}`;
  });
  return [`${when}: ${values.join(', ')}`, ...rowNotes(row)].join('; ');
}

/**
 * The chart in a sentence, for those who cannot see it (its caption names the days): the total of the first
 * series where readings add up (else how many buckets), and its highest bucket with when. Partial periods
 * count with what they hold.
 */
export function chartSummary(data: ChartData, wording: RowWording): string {
  const key = wording.lines.find((k) => k !== 'cost' && k !== 'compare');
  if (!key) return '';
  const label = seriesLabel(key, wording.netMetered).toLowerCase();
  let total = 0;
  let counted = 0;
  let peak: ChartRow | undefined;
  for (const row of data.rows) {
    const value = row[key];
    if (value === null || row.end <= row.start) continue;
    total += value;
    counted++;
    if (!peak || value > (peak[key] ?? -Infinity)) peak = row;
  }
  if (!peak) return 'No readings.';
  const bucket = data.resolution === 'billing' ? 'billing period' : data.resolution;
  const parts = [
    data.combine === 'sum'
      ? `${capitalized(label)} ${formatQuantity(total, wording.unit, undefined, 3)} in all`
      : `${counted} ${counted === 1 ? bucket : `${bucket}s`} of ${label}`,
    `the highest ${bucket === 'interval' ? 'reading' : bucket} ${formatInterval(wording.clock, peak.start, peak.end)}, ${valueText(peak, key, wording)}`,
  ];
  return `${parts.join('; ')}.`;
}
