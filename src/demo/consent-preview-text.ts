/**
 * The consent preview's chart in words: what a screen reader hears instead of the bars, and what every
 * reader sees under them (the total, the highest bar and when, the unit), plus the bars' labels. Days
 * and months are the customer's (the meter's zone), as the custodian cut them.
 */
import type { PreviewSeries } from '../custodian/oauth/consent-preview.ts';
import { millisOf } from '../espi/index.ts';

export function bucketLabel(
  series: PreviewSeries,
  start: number,
  timeZone: string,
  locale = 'en-US',
): string {
  const options: Intl.DateTimeFormatOptions =
    series.bucket === 'month'
      ? { month: 'short', year: 'numeric', timeZone }
      : { month: 'short', day: 'numeric', timeZone };
  return new Intl.DateTimeFormat(locale, options).format(millisOf(start));
}

export function previewSummary(series: PreviewSeries, timeZone: string, locale = 'en-US'): string {
  if (series.points.length === 0) return 'No readings in this window yet.';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const total = series.points.reduce((sum, p) => sum + p.value, 0);
  const highest = series.points.reduce((max, p) => (p.value > max.value ? p : max));
  const count = series.points.length;
  const buckets = `${count} ${series.bucket}${count === 1 ? '' : 's'}`;
  return (
    `${series.reading}: ${number.format(total)} ${series.unit} over ${buckets}; the most in ` +
    `${bucketLabel(series, highest.start, timeZone, locale)}, ${number.format(highest.value)} ${series.unit}.`
  );
}
