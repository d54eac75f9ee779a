import { afterEach, describe, expect, it, vi } from 'vitest';
import { FALLBACK_LOCALE, localeOrFallback } from './display-locale.ts';

describe('localeOrFallback', () => {
  it('keeps a locale the browser reports', () => {
    expect(localeOrFallback('de-DE')).toBe('de-DE');
    expect(localeOrFallback('en-GB')).toBe('en-GB');
    expect(localeOrFallback('en-US-u-ca-gregory')).toBe('en-US-u-ca-gregory');
  });

  it('falls back to en-US for a POSIX C locale and for the root locale', () => {
    expect(localeOrFallback('en-US-u-va-posix')).toBe(FALLBACK_LOCALE);
    expect(localeOrFallback('en-US-u-nu-latn-va-posix')).toBe(FALLBACK_LOCALE);
    expect(localeOrFallback('und')).toBe(FALLBACK_LOCALE);
    expect(FALLBACK_LOCALE).toBe('en-US');
  });
});

describe('the portal’s formatters in a browser that reports a POSIX C locale', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('write money and large numbers as in en-US, not "$ 114.56" and "1234567"', async () => {
    // Such a runtime: Intl's default locale is ICU's POSIX variant.
    const NumberFormat = Intl.NumberFormat;
    function posixDefault(locales?: string | string[], options?: Intl.NumberFormatOptions) {
      return new NumberFormat(locales ?? 'en-US-u-va-posix', options);
    }
    vi.stubGlobal('Intl', { ...Intl, NumberFormat: posixDefault });
    expect(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(114.56)).toBe(
      '$\u00a0114.56',
    );
    vi.resetModules();
    const { formatMoney, formatQuantity } = await import('./units.ts');
    expect(formatMoney(114.56, 840)).toBe('$114.56');
    expect(formatQuantity(1_234_567, 'Wh')).toBe('1,234,567 Wh');
  });
});
