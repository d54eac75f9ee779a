/**
 * The rows a chart draws: at most about two points per horizontal pixel in all (downsample.ts, min/max per
 * pixel column, so peaks and troughs survive), the union of the points each visible series keeps. Rows that
 * fit already pass through untouched.
 */
import { minMaxDownsample, targetPointsFor } from '../../espi/downsample.ts';
import type { ChartRow } from './series.ts';

export type NumericKey = 'delivered' | 'received' | 'net' | 'cost' | 'compare';

export function chartPoints(
  rows: readonly ChartRow[],
  keys: readonly NumericKey[],
  widthPx: number,
): ChartRow[] {
  const budget = targetPointsFor(widthPx);
  if (rows.length <= budget || keys.length === 0) return rows.slice();
  const perSeries = Math.max(4, Math.floor(budget / keys.length));
  const x = Float64Array.from(rows, (row) => row.start);
  const keep = new Uint8Array(rows.length);
  for (const key of keys) {
    const y = Float64Array.from(rows, (row) => row[key] ?? NaN);
    for (const i of minMaxDownsample(x, y, perSeries)) keep[i] = 1;
  }
  const out: ChartRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (keep[i] && row) out.push(row);
  }
  return out;
}
