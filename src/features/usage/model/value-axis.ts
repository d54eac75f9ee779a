/**
 * How wide a value axis must be for its labels: a fixed width cut "2,800,000" to "800,000". The axis's
 * ticks are round numbers up to just past the data, so the widest label is about that of the round
 * number past the largest magnitude (or of a fraction of it, which may carry more decimals).
 */
import { LABEL_CHAR_PX } from './time-ticks.ts';

/** The tick mark and the space between label and plot. */
const TICK_PX = 14;
const MIN_WIDTH_PX = 36;

/** The round number (one significant digit) at or past `v` > 0. */
function roundPast(v: number): number {
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / step) * step;
}

export function valueAxisWidth(min: number, max: number, format: (value: number) => string): number {
  const labels: string[] = [];
  for (const extent of [max, -min]) {
    if (!(extent > 0) || !Number.isFinite(extent)) continue;
    const end = roundPast(extent) * Math.sign(extent === max ? 1 : -1);
    labels.push(format(end), format(end * 0.875), format(end * 0.125));
  }
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.max(MIN_WIDTH_PX, Math.ceil(longest * LABEL_CHAR_PX) + TICK_PX);
}
