/**
 * The locale numbers, money and dates are written in: the one the browser reports, unless it reports
 * none. A POSIX `C` locale (a kiosk or a browser started without LANG, as WebKitGTK is on a server)
 * reaches Intl as `en-US-u-va-posix`, which writes "$ 114.56" and "1234567" without grouping; `und`
 * is ICU's root locale, as bare. Both fall back to en-US, the language the portal is written in.
 */
export const FALLBACK_LOCALE = 'en-US';

/** `reported` (a BCP 47 tag) unless it names no real locale, then the fallback. */
export function localeOrFallback(reported: string): string {
  const none = reported === 'und' || /-va-posix(?:-|$)/i.test(reported);
  return none ? FALLBACK_LOCALE : reported;
}

/** The locale every formatter in the portal is built with. */
export const DISPLAY_LOCALE = localeOrFallback(new Intl.NumberFormat().resolvedOptions().locale);
