import { describe, expect, it } from 'vitest';
import { unitOptions } from './unit-options.ts';

describe('unitOptions', () => {
  it('offers gas in therms as kWh exactly and as volumes by estimate', () => {
    const options = unitOptions('therm', 1);
    expect(options.map((o) => o.unit)).toEqual(['therm', 'kWh', 'ccf', 'm³']);
    // 1 US therm = 105,480,400 J = 29.3001 kWh (NIST SP 811).
    expect(options[1]?.factor).toBeCloseTo(29.3001, 4);
    expect(options[1]?.estimate).toBe(false);
    // The US therm is 105,480,400 J, 99,976 BTU(IT); at 1,038 BTU per cubic foot that is 96.32 ft3.
    expect(options[2]?.factor).toBeCloseTo(105_480_400 / 1055.05585262 / 1038 / 100, 9);
    expect(options[2]?.estimate).toBe(true);
  });

  it('offers water in gallons, litres, cubic metres and ccf', () => {
    const options = unitOptions('gal', 2);
    expect(options.map((o) => o.unit)).toEqual(['gal', 'L', 'm³', 'ccf']);
    expect(options.find((o) => o.unit === 'L')?.factor).toBeCloseTo(3.785411784, 9);
    expect(options.find((o) => o.unit === 'ccf')?.factor).toBeCloseTo(3.785411784 / 2831.6846592, 9);
  });

  it('has nothing to convert for electricity', () => {
    expect(unitOptions('kWh', 0)).toEqual([{ unit: 'kWh', factor: 1, estimate: false }]);
  });
});
