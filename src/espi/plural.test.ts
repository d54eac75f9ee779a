import { describe, expect, it } from 'vitest';
import { countOf, nounFor } from './plural.ts';

describe('plural forms', () => {
  it('writes a count with its noun, singular for one only', () => {
    expect(countOf(1, 'estimated reading')).toBe('1 estimated reading');
    expect(countOf(0, 'estimated reading')).toBe('0 estimated readings');
    expect(countOf(1234, 'meter')).toBe('1,234 meters');
    expect(countOf(2, 'interval missing', 'intervals missing')).toBe('2 intervals missing');
  });

  it('chooses the form for the number as printed', () => {
    expect(nounFor(1.5, 'therm', 'therms')).toBe('therms');
    expect(nounFor(1.0004, 'therm', 'therms', { maximumFractionDigits: 3 })).toBe('therm');
    expect(nounFor(1.04, 'therm', 'therms', { maximumFractionDigits: 2 })).toBe('therms');
  });
});
