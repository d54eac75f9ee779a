/**
 * Times as the custodian's clock reads them. The clock gives local calendar parts (LocalTimeParameters,
 * DST included); Intl only spells them, in UTC, so the browser's own zone never shifts a reading.
 */
import { DISPLAY_LOCALE, type EpochSeconds, formatUtcOffset, type LocalTime } from '../../../espi/index.ts';

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
const monthOnlyFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { timeZone: 'UTC', month: 'short' });
const monthDayFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
});
const hourFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { timeZone: 'UTC', hour: 'numeric' });

function wall(clock: LocalTime, epochSeconds: EpochSeconds): Date {
  const p = clock.toLocal(epochSeconds);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

export function formatDay(clock: LocalTime, epochSeconds: EpochSeconds): string {
  return dateFormat.format(wall(clock, epochSeconds));
}

export function formatDateTime(clock: LocalTime, epochSeconds: EpochSeconds): string {
  return dateTimeFormat.format(wall(clock, epochSeconds));
}

/** `Nov 2026`, or `Nov` when the year is clear from around it. */
export function formatMonth(
  clock: LocalTime,
  epochSeconds: EpochSeconds,
  length: 'long' | 'short' = 'long',
): string {
  return (length === 'long' ? monthFormat : monthOnlyFormat).format(wall(clock, epochSeconds));
}

/** `Nov 3`. */
export function formatMonthDay(clock: LocalTime, epochSeconds: EpochSeconds): string {
  return monthDayFormat.format(wall(clock, epochSeconds));
}

/** `6 AM`. */
export function formatHour(clock: LocalTime, epochSeconds: EpochSeconds): string {
  return hourFormat.format(wall(clock, epochSeconds));
}

/**
 * An interval as a person reads it: `Nov 3, 2026, 1:00 AM – 1:15 AM (UTC-08:00)`, whole local days as
 * dates. The offset is named because a fall-back night has two 1:00 AMs; an interval across the change
 * names both (`1:00 AM (UTC-07:00) – 1:00 AM (UTC-08:00)`).
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
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  const endText = sameDay ? timeFormat.format(wall(clock, end)) : formatDateTime(clock, end);
  if (s.offset !== e.offset)
    return `${formatDateTime(clock, start)} (${formatUtcOffset(s.offset)}) – ${endText} (${formatUtcOffset(e.offset)})`;
  return `${formatDateTime(clock, start)} – ${endText} (${formatUtcOffset(s.offset)})`;
}

/**
 * The zone as it applies to the days shown: the offset in force on them (`US Pacific Time (UTC-08:00)`
 * in November, not the standard offset marked "DST"), and the change when one falls inside.
 */
export function zoneOnDays(clock: LocalTime, start: number, end: number): string {
  const place = clock.placeName ?? (clock.hasDst ? 'Local time' : undefined);
  const first = clock.offsetAt(start);
  const changes: { at: number; offset: number }[] = [];
  for (let year = clock.toLocal(start).year; year <= clock.toLocal(end).year; year++) {
    const t = clock.dstTransitions(year);
    for (const at of t ? [t.start, t.end].sort((a, b) => a - b) : []) {
      if (at > start && at < end) changes.push({ at, offset: clock.offsetAt(at) });
    }
  }
  let offsets = formatUtcOffset(first);
  if (changes.length > 2) {
    const daylight = Math.max(first, ...changes.map((c) => c.offset));
    const standard = Math.min(first, ...changes.map((c) => c.offset));
    offsets = `${formatUtcOffset(standard)}; ${formatUtcOffset(daylight)} in daylight saving time`;
  } else {
    for (const change of changes)
      offsets += `, ${formatUtcOffset(change.offset)} from ${formatDay(clock, change.at)}`;
  }
  return place ? `${place} (${offsets})` : offsets;
}

/** The local days a period covers, `Nov 1 – Nov 30, 2026`-style, whatever hour its ends fall on. */
export function formatDays(clock: LocalTime, start: number, end: number): string {
  const first = formatDay(clock, start);
  const last = formatDay(clock, Math.max(start, end - 1));
  return first === last ? first : `${first} – ${last}`;
}
