/**
 * The units time travels in through the portal, as types. ESPI, the customer API and the model count
 * instants in epoch seconds; the browser's `Date.now()` and Intl count epoch milliseconds; calendar code
 * counts days since 1970-01-01; URLs and forms carry local dates as `YYYY-MM-DD`. All are plain numbers
 * or strings at run time, and a value in one unit passed where another is meant is wrong by a factor of
 * 1,000 or 86,400 without any error.
 *
 * These are "flavoured" types: a plain number or string is accepted where one is expected (arithmetic
 * results, literals, JSON), but a value already known to be in one unit is refused where another is
 * expected, which is the mistake that matters. A strict brand would need a cast after every addition.
 */
declare const unit: unique symbol;

type Flavour<T, U extends string> = T & { readonly [unit]?: U };

/** An instant, seconds since 1970-01-01T00:00:00Z (ESPI `TimeType`). */
export type EpochSeconds = Flavour<number, 'epoch seconds'>;
/** An instant, milliseconds since 1970-01-01T00:00:00Z (`Date.now()`, `Date#getTime()`, Intl). */
export type EpochMillis = Flavour<number, 'epoch milliseconds'>;
/** A calendar day, days since 1970-01-01 (proleptic Gregorian), in whatever zone the caller reckons in. */
export type EpochDays = Flavour<number, 'epoch days'>;
/** A calendar day as `YYYY-MM-DD`, in the zone of the data it belongs to (never UTC by accident). */
export type LocalDate = Flavour<string, 'local date'>;

export function millisOf(instant: EpochSeconds): EpochMillis {
  return instant * 1000;
}

/** Whole seconds, rounded down: an instant inside a second belongs to that second. */
export function secondsOf(instant: EpochMillis): EpochSeconds {
  return Math.floor(instant / 1000);
}

export function nowInSeconds(now: EpochMillis = Date.now()): EpochSeconds {
  return secondsOf(now);
}

/** RFC 3339 in UTC to the second, as ESPI and the customer API write instants: `2026-11-01T07:00:00Z`. */
export function isoSeconds(instant: EpochSeconds): string {
  return new Date(millisOf(Math.floor(instant))).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The instant an RFC 3339 / ISO 8601 text names, in whole seconds; NaN when it names none. */
export function secondsOfIso(text: string): EpochSeconds {
  return secondsOf(Date.parse(text));
}
