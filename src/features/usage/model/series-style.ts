/**
 * How each series looks: an Okabe-Ito colour (global.css `--series-*`, distinguishable under the common
 * colour-vision deficiencies) and a line style of its own, so no series is told apart by colour alone.
 */
import type { SeriesKey } from './range.ts';

export interface SeriesStyle {
  label: string;
  colorVar: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash?: string;
  width: number;
}

export const SERIES_STYLES: Readonly<Record<SeriesKey, SeriesStyle>> = {
  delivered: { label: 'From the grid', colorVar: '--series-1', width: 2 },
  received: { label: 'Sent to the grid', colorVar: '--series-2', dash: '7 4', width: 2 },
  net: { label: 'Net use', colorVar: '--series-3', dash: '2 3', width: 2.5 },
  compare: { label: 'A year earlier', colorVar: '--series-4', dash: '12 4 2 4', width: 1.5 },
  cost: { label: 'Cost', colorVar: '--series-6', dash: '1 4', width: 2 },
};

/** A single-flow usage point's line is simply its use. */
export function seriesLabel(key: SeriesKey, netMetered: boolean): string {
  if (key === 'delivered' && !netMetered) return 'Use';
  return SERIES_STYLES[key].label;
}
