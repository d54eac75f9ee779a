/**
 * What ESPI numbers mean: scaling, money, the unit a person expects, and the gas and water conversions
 * people ask for. Pure: Intl.NumberFormat is the only platform API used.
 */
import { DISPLAY_LOCALE } from './display-locale.ts';
import { nounFor } from './plural.ts';
import { currencyAlpha, Currency, unitSymbol } from './enumerations.ts';
import type { ReadingType } from './model.ts';

/** ESPI money (IntervalReading `cost`, UsageSummary bills) is in hundred-thousandths of the currency (docs/espi.md 2.2). */
export const COST_DIVISOR = 100_000;

/** 10^powerOfTenMultiplier; a missing multiplier is 0 (reference section 6). */
export function powerOfTen(multiplier: number | undefined): number {
  const p = multiplier ?? 0;
  // 10 ** -3 is 0.0010000000000000002 in binary floating point; dividing by 10 ** 3 is exact for integers.
  return p >= 0 ? 10 ** p : 1 / 10 ** -p;
}

/** A raw ESPI value in the ReadingType's uom: raw x 10^powerOfTenMultiplier. */
export function scaleValue(raw: number, multiplier: number | undefined): number {
  const p = multiplier ?? 0;
  return p >= 0 ? raw * 10 ** p : raw / 10 ** -p;
}

/** A raw ESPI cost in currency units (974 = 0.00974). */
export function costToCurrency(rawCost: number): number {
  return rawCost / COST_DIVISOR;
}

/** How readings of one ReadingType combine over time (see `measureOf`). */
export type Combine = 'sum' | 'max' | 'mean';

export interface DisplayUnit {
  /** Symbol shown to a person: `kWh`, `kW`, `therm`, `ccf`, `gal`, ... */
  unit: string;
  /** Multiply a value already scaled into the ReadingType's uom by this to get `unit`. */
  factor: number;
  /** Energy and volumes add up over time; demand and power take the peak; levels (voltage, temperature) the mean. */
  combine: Combine;
}

/** Display units for base units, chosen as US utility bills print them. */
const displayUnits: Readonly<Record<number, { unit: string; factor: number }>> = {
  72: { unit: 'kWh', factor: 1e-3 }, // Wh
  38: { unit: 'kW', factor: 1e-3 }, // W
  71: { unit: 'kVAh', factor: 1e-3 },
  73: { unit: 'kVArh', factor: 1e-3 },
  61: { unit: 'kVA', factor: 1e-3 },
  63: { unit: 'kVAr', factor: 1e-3 },
  31: { unit: 'MJ', factor: 1e-6 }, // J
  169: { unit: 'therm', factor: 1 },
  119: { unit: 'ccf', factor: 1 / 100 }, // ft3: US gas and water bills count hundreds of cubic feet
  120: { unit: 'ccf', factor: 1 / 100 },
  42: { unit: 'm³', factor: 1 },
  166: { unit: 'm³', factor: 1 },
  167: { unit: 'm³', factor: 1 },
  128: { unit: 'gal', factor: 1 },
  134: { unit: 'L', factor: 1 },
  23: { unit: '°C', factor: 1 },
  132: { unit: 'BTU', factor: 1 },
};

/** MeasurementKind codes that are rates or peaks (reference section 3): 8 demand, 37 power. */
const peakKinds = new Set([8, 37]);
/** Base units that are rates, not quantities: W, VA, VAr, m3/h, ft3/h, USgal/h, L/h, BTU/h. */
const rateUnits = new Set([38, 61, 63, 125, 123, 126, 127, 129, 133, 137, 138, 139]);
/** Levels that average over time: V, A, Hz, degC, K, power factor, and MeasurementKind voltage (54), temperature (46). */
const levelUnits = new Set([29, 5, 33, 23, 6, 65]);
const levelKinds = new Set([46, 54, 38, 15]);

/** How readings of this ReadingType combine into a longer period. */
export function measureOf(readingType: ReadingType | undefined): Combine {
  const uom = readingType?.uom;
  const kind = readingType?.kind;
  if ((kind !== undefined && peakKinds.has(kind)) || (uom !== undefined && rateUnits.has(uom))) return 'max';
  if ((kind !== undefined && levelKinds.has(kind)) || (uom !== undefined && levelUnits.has(uom)))
    return 'mean';
  return 'sum';
}

/** The unit a person expects for this ReadingType (Wh as kWh, W as kW, milli-therms as therms, ...). */
export function displayUnitFor(readingType: ReadingType | undefined): DisplayUnit {
  const uom = readingType?.uom;
  const combine = measureOf(readingType);
  const known = uom === undefined ? undefined : displayUnits[uom];
  if (known) return { ...known, combine };
  return { unit: unitSymbol(uom), factor: 1, combine };
}

/** Factor from a raw ESPI value straight to the display unit: 10^multiplier x display factor. */
export function rawToDisplayFactor(readingType: ReadingType | undefined): number {
  return powerOfTen(readingType?.powerOfTenMultiplier) * displayUnitFor(readingType).factor;
}

// --- Conversions -------------------------------------------------------------------------------------
// Exact definitions: 1 ft = 0.3048 m (international foot, 1959), so 1 ft3 = 0.028316846592 m3; 1 US gallon =
// 231 in3 = 3.785411784 L (NIST Handbook 44, Appendix C); 1 kWh = 3.6 MJ; 1 BTU (IT) = 1055.05585262 J and
// the US therm = 100,000 BTU(59 °F) = 105,480,400 J (NIST SP 811, Appendix B.8, "therm (U.S.)" 1.054804E+08 J).
// Gas volume to energy depends on the gas's heat content, which utilities measure and print on each bill.
// The default is the US average for gas delivered to consumers, 1,038 BTU per cubic foot (EIA, "Natural gas
// explained: units and calculators", 2022 figure), so 1 ccf is about 1.038 therm: an estimate, say so.

export type VolumeUnit = 'm3' | 'ft3' | 'ccf' | 'USgal' | 'L';
export type EnergyUnit = 'Wh' | 'kWh' | 'J' | 'MJ' | 'BTU' | 'therm';

const cubicMetresPer: Readonly<Record<VolumeUnit, number>> = {
  m3: 1,
  ft3: 0.028316846592,
  ccf: 2.8316846592,
  USgal: 0.003785411784,
  L: 0.001,
};

const joulesPer: Readonly<Record<EnergyUnit, number>> = {
  Wh: 3600,
  kWh: 3_600_000,
  J: 1,
  MJ: 1e6,
  BTU: 1055.05585262,
  therm: 105_480_400,
};

/** The US average heat content of delivered natural gas, BTU per cubic foot (EIA, 2022). */
export const DEFAULT_GAS_HEAT_CONTENT_BTU_PER_FT3 = 1038;

export function convertVolume(value: number, from: VolumeUnit, to: VolumeUnit): number {
  return (value * cubicMetresPer[from]) / cubicMetresPer[to];
}

export function convertEnergy(value: number, from: EnergyUnit, to: EnergyUnit): number {
  return (value * joulesPer[from]) / joulesPer[to];
}

/** Energy content of a gas volume, at a heat content in BTU per cubic foot (an estimate unless the bill's figure is passed). */
export function gasVolumeToEnergy(
  value: number,
  from: VolumeUnit,
  to: EnergyUnit,
  heatContentBtuPerFt3 = DEFAULT_GAS_HEAT_CONTENT_BTU_PER_FT3,
): number {
  return convertEnergy(convertVolume(value, from, 'ft3') * heatContentBtuPerFt3, 'BTU', to);
}

/** Gas volume holding an energy, the inverse of `gasVolumeToEnergy`. */
export function gasEnergyToVolume(
  value: number,
  from: EnergyUnit,
  to: VolumeUnit,
  heatContentBtuPerFt3 = DEFAULT_GAS_HEAT_CONTENT_BTU_PER_FT3,
): number {
  return convertVolume(convertEnergy(value, from, 'BTU') / heatContentBtuPerFt3, 'ft3', to);
}

// --- Formatting --------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale ?? DISPLAY_LOCALE, options);
    formatters.set(key, f);
  }
  return f;
}

/** Significant digits a reading deserves: small numbers keep more decimals than large ones. */
function fractionDigitsFor(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return 0;
  if (magnitude >= 10) return 1;
  if (magnitude >= 1) return 2;
  return 3;
}

/** Units written as words, which take a plural: symbols (kWh, gal, m³) never do. */
const UNIT_WORD_PLURALS: Readonly<Record<string, string>> = { therm: 'therms' };

/** `1,234 kWh`, `1 therm`, `0.125 therms`: a number with its unit, rounded for reading. */
export function formatQuantity(
  value: number,
  unit: string,
  locale?: string,
  maximumFractionDigits?: number,
): string {
  if (!Number.isFinite(value)) return `– ${unit}`;
  const digits = maximumFractionDigits ?? fractionDigitsFor(value);
  const text = formatter(locale, { maximumFractionDigits: digits }).format(value);
  if (unit === 'none' || unit === '') return text;
  const plural = UNIT_WORD_PLURALS[unit];
  const word = plural
    ? nounFor(value, unit, plural, { maximumFractionDigits: digits, ...(locale ? { locale } : {}) })
    : unit;
  return `${text} ${word}`;
}

/** An amount in currency units with its currency (`$12.34`); a plain number when the currency is unknown. */
export function formatMoney(amount: number, currency: number | undefined, locale?: string): string {
  const alpha = currencyAlpha(currency);
  if (!Number.isFinite(amount)) return '–';
  if (!alpha) return formatter(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  const digits =
    (Currency as Record<number, { minorDigits: number } | undefined>)[currency ?? 0]?.minorDigits ?? 2;
  return formatter(locale, {
    style: 'currency',
    currency: alpha,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** A raw ESPI cost (hundred-thousandths) formatted as money. */
export function formatCost(rawCost: number, currency: number | undefined, locale?: string): string {
  return formatMoney(costToCurrency(rawCost), currency, locale);
}
