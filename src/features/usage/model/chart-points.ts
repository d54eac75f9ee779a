/**
 * The rows a chart draws: at most about two points per horizontal pixel in all (downsample.ts, min/max per
 * pixel column, so peaks and troughs survive), the union of the points each visible series keeps. Rows that
 * fit already pass through untouched.
 */
import { minMaxDownsample, targetPointsFor } from '../../../espi/index.ts';
import type { ChartData, ChartRow } from './series.ts';

export type NumericKey = 'delivered' | 'received' | 'net' | 'cost' | 'compare';

export function chartPoints(
  rows: readonly ChartRow[],
  keys: readonly NumericKey[],
  widthPx: number,
): ChartRow[] {
  const budget = targetPointsFor(widthPx);
  if (rows.length <= budget || keys.length === 0) return rows.slice();
  const perSeries = Math.max(4, Math.floor(budget / keys.length));
  // Plain loops: Float64Array.from with a mapping function is several times slower on 35,000 rows.
  const n = rows.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rows[i]?.start ?? 0;
  const keep = new Uint8Array(n);
  const y = new Float64Array(n);
  for (const key of keys) {
    for (let i = 0; i < n; i++) y[i] = rows[i]?.[key] ?? NaN;
    const picked = minMaxDownsample(x, y, perSeries);
    for (let k = 0; k < picked.length; k++) keep[picked[k] ?? 0] = 1;
  }
  const out: ChartRow[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (keep[i] && row) out.push(row);
  }
  return out;
}

/** Narrower than this, bars blur into a comb: steps read better. */
const MIN_BAR_PX = 3;

export type ChartForm = 'bars' | 'steps' | 'lines';

/**
 * Totals per hour, day, month or period are bars, one per bucket and series, so none is read as a curve
 * between buckets; steps (flat across each bucket) where the bars would not fit; interval readings, peaks
 * and averages are lines.
 */
export function chartForm(
  data: Pick<ChartData, 'resolution' | 'combine' | 'rows'>,
  seriesCount: number,
  plotWidth: number,
): ChartForm {
  if (data.resolution === 'interval' || data.combine !== 'sum') return 'lines';
  return data.rows.length * Math.max(1, seriesCount) * MIN_BAR_PX <= plotWidth ? 'bars' : 'steps';
}

/**
 * Where a key moves the keyboard reader (a slider over `count` values) from `index`: the keys of the ARIA
 * slider pattern, Left/Down and Right/Up one, Home/End to the ends, Page Up/Down a tenth of the way.
 * Undefined for any other key (left to the browser), and when there is nothing to read.
 */
export function stepCursor(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const page = Math.max(1, Math.round(count / 10));
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(index + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageUp':
      return clamp(index + page);
    case 'PageDown':
      return clamp(index - page);
    default:
      return undefined;
  }
}
