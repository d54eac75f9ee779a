/**
 * This period against the last, as running totals day by day: a small drawing of two lines (plain SVG, so
 * the home page loads no chart library), described in words beside it for a screen reader.
 */
import { money } from './format.ts';
import { DISPLAY_LOCALE } from '../../../espi/index.ts';

const WIDTH = 300;
const HEIGHT = 90;

function runningTotal(values: readonly number[]): number[] {
  let total = 0;
  return values.map((v) => (total += Number.isNaN(v) ? 0 : v));
}

function path(points: readonly number[], days: number, max: number): string {
  return points
    .map((v, i) => {
      const x = days > 1 ? (i / (days - 1)) * WIDTH : 0;
      const y = HEIGHT - (max > 0 ? (v / max) * HEIGHT : 0);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function PeriodChart(props: {
  id: string;
  measure: 'cost' | 'use';
  unit: string;
  currency?: number;
  current: readonly number[];
  last: readonly number[];
}) {
  const { measure, unit, currency } = props;
  const current = runningTotal(props.current);
  const last = runningTotal(props.last);
  const days = Math.max(current.length, last.length);
  if (days < 2) return null;
  const max = Math.max(...current, ...last);
  const value = (v: number) =>
    measure === 'cost'
      ? money(v, currency)
      : `${new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 0 }).format(v)} ${unit}`;
  const sameDay = last[current.length - 1];
  const summary =
    `Running ${measure === 'cost' ? 'cost' : 'use'}: ${value(current.at(-1) ?? 0)} after ${current.length} days this period` +
    (sameDay === undefined ? '.' : `, against ${value(sameDay)} after as many days of the last one`) +
    (last.length > 0 ? ` (${value(last.at(-1) ?? 0)} over all ${last.length} days).` : '.');
  return (
    <figure className="period-chart" aria-labelledby={`${props.id}-caption`}>
      <svg
        viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="none"
      >
        <path d={path(last, days, max)} className="period-chart__last" />
        <path d={path(current, days, max)} className="period-chart__current" />
      </svg>
      <figcaption id={`${props.id}-caption`}>
        <span className="key key--current">This period</span>{' '}
        <span className="key key--last">Last period</span>
      </figcaption>
    </figure>
  );
}
