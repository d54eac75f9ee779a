import { describe, expect, it } from 'vitest';
import type { ReadingType } from './model.ts';
import {
  convertEnergy,
  convertVolume,
  costToCurrency,
  displayUnitFor,
  formatCost,
  formatMoney,
  formatQuantity,
  gasEnergyToVolume,
  gasVolumeToEnergy,
  measureOf,
  powerOfTen,
  rawToDisplayFactor,
  scaleValue,
} from './units.ts';

const meta = { relatedHrefs: [] };
const rt = (fields: Omit<ReadingType, 'meta'>): ReadingType => ({ meta, ...fields });

describe('scaling', () => {
  it('applies powerOfTenMultiplier, missing = 0', () => {
    expect(scaleValue(1330890000, -3)).toBe(1330890);
    expect(scaleValue(412, 3)).toBe(412000);
    expect(scaleValue(612, undefined)).toBe(612);
    expect(powerOfTen(-3)).toBe(0.001);
    expect(powerOfTen(undefined)).toBe(1);
  });

  it('reads cost in hundred-thousandths', () => {
    expect(costToCurrency(974)).toBeCloseTo(0.00974, 10);
    expect(costToCurrency(115780000)).toBe(1157.8);
  });
});

describe('displayUnitFor', () => {
  it('shows Wh as kWh and W as kW, peaks for demand', () => {
    expect(displayUnitFor(rt({ uom: 72, kind: 12 }))).toEqual({ unit: 'kWh', factor: 1e-3, combine: 'sum' });
    expect(displayUnitFor(rt({ uom: 38, kind: 8 }))).toEqual({ unit: 'kW', factor: 1e-3, combine: 'max' });
  });

  it('shows milli-therms as therms', () => {
    const gas = rt({ uom: 169, powerOfTenMultiplier: -3 });
    expect(displayUnitFor(gas).unit).toBe('therm');
    expect(7250 * rawToDisplayFactor(gas)).toBeCloseTo(7.25, 10);
  });

  it('shows cubic feet as ccf and falls back to the symbol for the rest', () => {
    expect(displayUnitFor(rt({ uom: 119 }))).toMatchObject({ unit: 'ccf', factor: 0.01 });
    expect(displayUnitFor(rt({ uom: 29 }))).toEqual({ unit: 'V', factor: 1, combine: 'mean' });
    expect(displayUnitFor(undefined)).toEqual({ unit: 'none', factor: 1, combine: 'sum' });
  });

  it('chooses max for rates and mean for levels', () => {
    expect(measureOf(rt({ uom: 72, kind: 8 }))).toBe('max');
    expect(measureOf(rt({ uom: 23, kind: 46 }))).toBe('mean');
    expect(measureOf(rt({ uom: 42, kind: 58 }))).toBe('sum');
  });
});

describe('conversions', () => {
  it('converts volumes by exact definitions', () => {
    expect(convertVolume(1, 'ccf', 'ft3')).toBeCloseTo(100, 10);
    expect(convertVolume(1, 'm3', 'USgal')).toBeCloseTo(264.172052, 5);
    expect(convertVolume(1, 'ccf', 'USgal')).toBeCloseTo(748.051948, 5);
    expect(convertVolume(convertVolume(12.5, 'USgal', 'm3'), 'm3', 'USgal')).toBeCloseTo(12.5, 12);
  });

  it('converts energies', () => {
    expect(convertEnergy(1, 'therm', 'kWh')).toBeCloseTo(29.3001, 4);
    expect(convertEnergy(1, 'kWh', 'Wh')).toBe(1000);
    // The US therm is 100,000 BTU at 59 °F; the BTU here is the International Table one, 0.024 % larger.
    expect(convertEnergy(100_000, 'BTU', 'therm')).toBeCloseTo(1.000239, 6);
  });

  it('converts gas volume to energy at a heat content', () => {
    expect(gasVolumeToEnergy(1, 'ccf', 'BTU')).toBeCloseTo(103_800, 6);
    expect(gasVolumeToEnergy(1, 'ccf', 'BTU', 1000)).toBeCloseTo(100_000, 6);
    expect(gasEnergyToVolume(gasVolumeToEnergy(3, 'm3', 'kWh'), 'kWh', 'm3')).toBeCloseTo(3, 10);
  });
});

describe('formatting', () => {
  it('formats quantities and money', () => {
    expect(formatQuantity(1234.4, 'kWh', 'en-US')).toBe('1,234 kWh');
    expect(formatQuantity(0.1254, 'therm', 'en-US')).toBe('0.125 therms');
    expect(formatQuantity(1, 'therm', 'en-US')).toBe('1 therm');
    // Printed as "1": singular, as it reads.
    expect(formatQuantity(0.9999, 'therm', 'en-US')).toBe('1 therm');
    expect(formatQuantity(112.4, 'therm', 'en-US')).toBe('112 therms');
    expect(formatQuantity(2, 'kWh', 'en-US')).toBe('2 kWh');
    expect(formatQuantity(5, 'none', 'en-US')).toBe('5');
    expect(formatMoney(98.43, 840, 'en-US')).toBe('$98.43');
    expect(formatCost(4125, 840, 'en-US')).toBe('$0.04');
    expect(formatMoney(1200, 392, 'en-US')).toBe('¥1,200');
    expect(formatMoney(3.5, undefined, 'en-US')).toBe('3.50');
  });
});
