/**
 * Times as the custodian's clock reads them. The clock gives local calendar parts (LocalTimeParameters,
 * DST included); Intl only spells them, in UTC, so the browser's own zone never shifts a reading.
 */
import { formatUtcOffset, type LocalTime } from '../../espi/local-time.ts';
import { DISPLAY_LOCALE } from '../../espi/display-locale.ts';

const dateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeZone: 'UTC',
  hour: 'numeric',
  minute: '2-digit',
});
const monthFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
});

function wall(clock: LocalTime, epochSeconds: number): Date {
  const p = clock.toLocal(epochSeconds);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

export function formatDay(clock: LocalTime, epochSeconds: number): string {
  return dateFormat.format(wall(clock, epochSeconds));
}

export function formatDateTime(clock: LocalTime, epochSeconds: number): string {
  return dateTimeFormat.format(wall(clock, epochSeconds));
}

export function formatMonth(clock: LocalTime, epochSeconds: number): string {
  return monthFormat.format(wall(clock, epochSeconds));
}

/**
 * An interval as a person reads it: `Nov 3, 2026, 1:00 AM – 1:15 AM (UTC-08:00)`, whole local days as
 * dates. The offset is named because a fall-back night has two 1:00 AMs.
 */
export function formatInterval(clock: LocalTime, start: number, end: number): string {
  const s = clock.toLocal(start);
  const e = clock.toLocal(end);
  const wholeDays = s.hour === 0 && s.minute === 0 && e.hour === 0 && e.minute === 0;
  if (wholeDays) {
    const lastDay = formatDay(clock, clock.addLocalDays(end, -1));
    const first = formatDay(clock, start);
    return first === lastDay ? first : `${first} – ${lastDay}`;
  }
  const offset = formatUtcOffset(s.offset);
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  const endText = sameDay ? timeFormat.format(wall(clock, end)) : formatDateTime(clock, end);
  return `${formatDateTime(clock, start)} – ${endText} (${offset})`;
}

/** The local days a period covers, `Nov 1 – Nov 30, 2026`-style, whatever hour its ends fall on. */
export function formatDays(clock: LocalTime, start: number, end: number): string {
  const first = formatDay(clock, start);
  const last = formatDay(clock, Math.max(start, end - 1));
  return first === last ? first : `${first} – ${last}`;
}
