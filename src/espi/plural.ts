/**
 * Counts with their nouns in the right form ("1 reading", "2 readings", "1.5 therms"), by the language's
 * plural rules (Intl.PluralRules) rather than a "(s)" left for the reader. The nouns are English, so the
 * rules are English's unless a caller names another language; the numbers are written in the display locale.
 */
import { DISPLAY_LOCALE } from './display-locale.ts';

const pluralRules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string, maximumFractionDigits: number): Intl.PluralRules {
  const key = `${locale}|${maximumFractionDigits}`;
  let rules = pluralRules.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { maximumFractionDigits });
    pluralRules.set(key, rules);
  }
  return rules;
}

/**
 * The form of a noun for `count` as it is printed: `maximumFractionDigits` must match the printed number,
 * since 0.9996 printed as "1" reads "1 therm".
 */
export function nounFor(
  count: number,
  singular: string,
  plural = `${singular}s`,
  options: { locale?: string; maximumFractionDigits?: number } = {},
): string {
  const category = rulesFor(options.locale ?? 'en', options.maximumFractionDigits ?? 3).select(count);
  return category === 'one' ? singular : plural;
}

/** `1 reading`, `1,234 readings`: a whole count, grouped, with its noun. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString(DISPLAY_LOCALE)} ${nounFor(count, singular, plural)}`;
}
