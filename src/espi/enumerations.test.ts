import { describe, expect, it } from 'vitest';
import {
  authorizationState,
  codeName,
  currencyAlpha,
  Currency,
  flowDirectionName,
  isEstimated,
  isSuspect,
  MeasurementKind,
  qualityName,
  UnitMultiplierKind,
  unitSymbol,
  UnitSymbolKind,
} from './enumerations.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPEC_DIR } from '../testing/test-data.ts';

const xsd = readFileSync(join(SPEC_DIR, 'espi.xsd'), 'utf8');

/** Every `value -> appinfo` pair of one simpleType in espi.xsd. */
function xsdCodes(typeName: string): Map<number, string> {
  const start = xsd.indexOf(`<xs:simpleType name="${typeName}">`);
  const end = xsd.indexOf('</xs:union>', start);
  const body = xsd.slice(start, end);
  const codes = new Map<number, string>();
  for (const m of body.matchAll(
    /<xs:enumeration value="(-?\d+)">\s*<xs:annotation>\s*<xs:appinfo>([^<]*)</g,
  )) {
    if (!codes.has(Number(m[1]))) codes.set(Number(m[1]), m[2] ?? '');
  }
  return codes;
}

describe('code lists', () => {
  it.each([
    ['UnitSymbolKind', UnitSymbolKind],
    ['MeasurementKind', MeasurementKind],
    ['UnitMultiplierKind', UnitMultiplierKind],
  ] as const)('%s matches espi.xsd', (name, list) => {
    const codes = xsdCodes(name);
    expect(codes.size).toBeGreaterThan(10);
    expect(Object.keys(list).length).toBe(codes.size);
    for (const [code, appinfo] of codes) expect((list as Record<number, string>)[code]).toBe(appinfo);
  });

  it('names unknown codes instead of failing', () => {
    expect(codeName(UnitSymbolKind, 9999)).toBe('unknown (9999)');
    expect(codeName(UnitSymbolKind, undefined)).toBe('none');
  });
});

describe('unitSymbol', () => {
  it('gives the symbols the CLI summary and charts use', () => {
    expect(unitSymbol(72)).toBe('Wh');
    expect(unitSymbol(38)).toBe('W');
    expect(unitSymbol(169)).toBe('therm');
    expect(unitSymbol(42)).toBe('m3');
    expect(unitSymbol(119)).toBe('ft3');
    expect(unitSymbol(128)).toBe('USgal');
    expect(unitSymbol(27)).toBe('s');
    expect(unitSymbol(0)).toBe('none');
    expect(unitSymbol(undefined)).toBe('none');
    expect(unitSymbol(9999)).toBe('uom 9999');
  });
});

describe('flow direction, service kind, quality', () => {
  it('names flow directions', () => {
    expect(flowDirectionName(1)).toBe('forward');
    expect(flowDirectionName(19)).toBe('reverse');
    expect(flowDirectionName(4)).toBe('net');
    expect(flowDirectionName(20)).toBe('total');
    expect(flowDirectionName(0)).toBe('none');
    expect(flowDirectionName(undefined)).toBe('none');
    expect(flowDirectionName(15)).toBe('quadrant1');
  });

  it('classifies reading qualities', () => {
    expect([8, 9, 12].every(isEstimated)).toBe(true);
    expect([0, 10, 14, 19, undefined].some(isEstimated)).toBe(false);
    expect([10, 14].every(isSuspect)).toBe(true);
    expect(isSuspect(8)).toBe(false);
    expect(qualityName(undefined)).toBe('valid');
    expect(qualityName(9)).toBe('estimated using linear interpolation');
  });
});

describe('currency', () => {
  it('maps ISO 4217 numeric codes', () => {
    expect(currencyAlpha(840)).toBe('USD');
    expect(currencyAlpha(978)).toBe('EUR');
    expect(currencyAlpha(0)).toBeUndefined();
    expect(currencyAlpha(999)).toBeUndefined();
    expect(Currency[392].minorDigits).toBe(0);
  });
});

describe('authorizationState', () => {
  const now = 1_720_000_000;
  it('derives expired from authorizedPeriod and keeps open-ended ones active', () => {
    expect(authorizationState(1, { start: now - 100, duration: 50 }, now)).toBe('expired');
    expect(authorizationState(1, { start: now - 100, duration: 0 }, now)).toBe('active');
    expect(authorizationState(1, undefined, now)).toBe('active');
    expect(authorizationState(0, { start: now - 100, duration: 50 }, now)).toBe('revoked');
    expect(authorizationState(2, undefined, now)).toBe('denied');
    expect(authorizationState(3, undefined, now)).toBe('unknown');
  });
});
