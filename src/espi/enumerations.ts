import type { EpochSeconds } from './time-units.ts';
/**
 * The standard's numeric code lists, transcribed from the `xs:appinfo` names of espi.xsd (ESPI 4.0,
 * version 4.0.20231213; reference section 3). The schema declares each list as a union with plain UInt16,
 * so any number validates (docs/espi.md 2.4, quirk 1): codes read from a file may be missing from these
 * tables, and every lookup below has an answer for them. ServiceKind, which people read as words, has
 * its own table with labels and units in service-kind.ts.
 */

export const AccumulationKind = {
  0: 'none',
  1: 'bulkQuantity',
  2: 'continuousCumulative',
  3: 'cumulative',
  4: 'deltaData',
  6: 'indicating',
  9: 'summation',
  10: 'timeDelay',
  12: 'instantaneous',
  13: 'latchingQuantity',
  14: 'boundedQuantity',
} as const;

export const CommodityKind = {
  0: 'none',
  1: 'electricity SecondaryMetered',
  2: 'electricity PrimaryMetered',
  3: 'communication',
  4: 'air',
  5: 'insulativeGas',
  6: 'insulativeOil',
  7: 'naturalGas',
  8: 'propane',
  9: 'potableWater',
  10: 'steam',
  11: 'wasteWater',
  12: 'heatingFluid',
  13: 'coolingFluid',
  14: 'nonpotableWater',
  15: 'nox',
  16: 'so2',
  17: 'ch4',
  18: 'co2',
  19: 'carbon',
  20: 'hch',
  21: 'pfc',
  22: 'sf6',
  23: 'tvLicence',
  24: 'internet',
  25: 'refuse',
  26: 'electricity TransmissionMetered',
} as const;

export const DataQualifierKind = {
  0: 'none',
  2: 'average',
  4: 'excess',
  5: 'highThreshold',
  7: 'lowThreshold',
  8: 'maximum',
  9: 'minimum',
  11: 'nominal',
  12: 'normal',
  16: 'secondMaximum',
  17: 'secondMinimum',
  23: 'thirdMaximum',
  24: 'fourthMaximum',
  25: 'fifthMaximum',
  26: 'sum',
} as const;

export const FlowDirectionKind = {
  0: 'none',
  1: 'forward',
  2: 'lagging',
  3: 'leading',
  4: 'net',
  5: 'q1plusQ2',
  7: 'q1plusQ3',
  8: 'q1plusQ4',
  9: 'q1minusQ4',
  10: 'q2plusQ3',
  11: 'q2plusQ4',
  12: 'q2minusQ3',
  13: 'q3plusQ4',
  14: 'q3minusQ2',
  15: 'quadrant1',
  16: 'quadrant2',
  17: 'quadrant3',
  18: 'quadrant4',
  19: 'reverse',
  20: 'total',
  21: 'totalByPhase',
} as const;

export const MeasurementKind = {
  0: 'none',
  2: 'apparentPowerFactor',
  3: 'currency',
  4: 'current',
  5: 'currentAngle',
  6: 'currentImbalance',
  7: 'date',
  8: 'demand',
  9: 'distance',
  10: 'distortionVoltAmperes',
  11: 'energization',
  12: 'energy',
  13: 'energizationLoadSide',
  14: 'fan',
  15: 'frequency',
  16: 'Funds',
  17: 'ieee1366ASAI',
  18: 'ieee1366ASIDI',
  19: 'ieee1366ASIFI',
  20: 'ieee1366CAIDI',
  21: 'ieee1366CAIFI',
  22: 'ieee1366CEMIn',
  23: 'ieee1366CEMSMIn',
  24: 'ieee1366CTAIDI',
  25: 'ieee1366MAIFI',
  26: 'ieee1366MAIFIe',
  27: 'ieee1366SAIDI',
  28: 'ieee1366SAIFI',
  31: 'lineLosses',
  32: 'losses',
  33: 'negativeSequence',
  34: 'phasorPowerFactor',
  35: 'phasorReactivePower',
  36: 'positiveSequence',
  37: 'power',
  38: 'powerFactor',
  40: 'quantityPower',
  41: 'sag',
  42: 'swell',
  43: 'switchPosition',
  44: 'tapPosition',
  45: 'tariffRate',
  46: 'temperature',
  47: 'totalHarmonicDistortion',
  48: 'transformerLosses',
  49: 'unipedeVoltageDip10to15',
  50: 'unipedeVoltageDip15to30',
  51: 'unipedeVoltageDip30to60',
  52: 'unipedeVoltageDip60to90',
  53: 'unipedeVoltageDip90to100',
  54: 'voltage',
  55: 'voltageAngle',
  56: 'voltageExcursion',
  57: 'voltageImbalance',
  58: 'volume',
  59: 'zeroFlowDuration',
  60: 'zeroSequence',
  64: 'distortionPowerFactor',
  81: 'frequencyExcursion',
  90: 'applicationContext',
  91: 'apTitle',
  92: 'assetNumber',
  93: 'bandwidth',
  94: 'batteryVoltage',
  95: 'broadcastAddress',
  96: 'deviceAddressType1',
  97: 'deviceAddressType2',
  98: 'deviceAddressType3',
  99: 'deviceAddressType4',
  100: 'deviceClass',
  101: 'electronicSerialNumber',
  102: 'endDeviceID',
  103: 'groupAddressType1',
  104: 'groupAddressType2',
  105: 'groupAddressType3',
  106: 'groupAddressType4',
  107: 'ipAddress',
  108: 'macAddress',
  109: 'mfgAssignedConfigurationID',
  110: 'mfgAssignedPhysicalSerialNumber',
  111: 'mfgAssignedProductNumber',
  112: 'mfgAssignedUniqueCommunicationAddress',
  113: 'multiCastAddress',
  114: 'oneWayAddress',
  115: 'signalStrength',
  116: 'twoWayAddress',
  117: 'signaltoNoiseRatio',
  118: 'alarm',
  119: 'batteryCarryover',
  120: 'dataOverflowAlarm',
  121: 'demandLimit',
  122: 'demandReset',
  123: 'diagnostic',
  124: 'emergencyLimit',
  125: 'encoderTamper',
  126: 'ieee1366MomentaryInterruption',
  127: 'ieee1366MomentaryInterruptionEvent',
  128: 'ieee1366SustainedInterruption',
  129: 'interruptionBehaviour',
  130: 'inversionTamper',
  131: 'loadInterrupt',
  132: 'loadShed',
  133: 'maintenance',
  134: 'physicalTamper',
  135: 'powerLossTamper',
  136: 'powerOutage',
  137: 'powerQuality',
  138: 'powerRestoration',
  139: 'programmed',
  140: 'pushbutton',
  141: 'relayActivation',
  142: 'relayCycle',
  143: 'removalTamper',
  144: 'reprogrammingTamper',
  145: 'reverseRotationTamper',
  146: 'switchArmed',
  147: 'switchDisabled',
  148: 'tamper',
  149: 'watchdogTimeout',
  150: 'billLastPeriod',
  151: 'billToDate',
  152: 'billCarryover',
  153: 'connectionFee',
  154: 'audibleVolume',
  155: 'volumetricFlow',
} as const;

/** 784 and 769 both carry the appinfo `S12N` in espi.xsd; 769 is the one real files use. */
export const PhaseCodeKind = {
  0: 'none',
  16: 'N',
  17: 'NG',
  32: 'C',
  33: 'CN',
  40: 'CAv',
  41: 'ACN',
  64: 'B',
  65: 'BN',
  66: 'BC',
  72: 'BAv',
  96: 'AC',
  97: 'BCN',
  128: 'A',
  129: 'AN',
  132: 'AB',
  136: 'AtoAv',
  193: 'ABN',
  224: 'ABC',
  225: 'ABCN',
  256: 'S2',
  272: 'S2N',
  512: 'S1',
  528: 'S1N',
  768: 'S12',
  769: 'S12N',
  784: 'S12N',
} as const;

export const UnitMultiplierKind = {
  '-12': 'p',
  '-9': 'n',
  '-6': 'micro',
  '-3': 'm',
  '-2': 'c',
  '-1': 'd',
  0: 'none',
  1: 'da',
  2: 'h',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
} as const;

export const QualityOfReading = {
  0: 'valid',
  7: 'manually edited',
  8: 'estimated using reference day',
  9: 'estimated using linear interpolation',
  10: 'questionable',
  11: 'derived',
  12: 'projected (forecast)',
  13: 'mixed',
  14: 'raw',
  15: 'normalized for weather',
  16: 'other',
  17: 'validated',
  18: 'verified',
  19: 'revenue-quality',
} as const;

export const TimeAttributeKind = {
  0: 'none',
  1: 'tenMinute',
  2: 'fifteenMinute',
  3: 'oneMinute',
  4: 'twentyfourHour',
  5: 'thirtyMinute',
  6: 'fiveMinute',
  7: 'sixtyMinute',
  10: 'twoMinute',
  14: 'threeMinute',
  15: 'present',
  16: 'previous',
  31: 'twentyMinute',
  50: 'fixedBlock60Min',
  51: 'fixedBlock30Min',
  52: 'fixedBlock20Min',
  53: 'fixedBlock15Min',
  54: 'fixedBlock10Min',
  55: 'fixedBlock5Min',
  56: 'fixedBlock1Min',
  57: 'rollingBlock60MinIntvl30MinSubIntvl',
  58: 'rollingBlock60MinIntvl20MinSubIntvl',
  59: 'rollingBlock60MinIntvl15MinSubIntvl',
  60: 'rollingBlock60MinIntvl12MinSubIntvl',
  61: 'rollingBlock60MinIntvl10MinSubIntvl',
  62: 'rollingBlock60MinIntvl6MinSubIntvl',
  63: 'rollingBlock60MinIntvl5MinSubIntvl',
  64: 'rollingBlock60MinIntvl4MinSubIntvl',
  65: 'rollingBlock30MinIntvl15MinSubIntvl',
  66: 'rollingBlock30MinIntvl10MinSubIntvl',
  67: 'rollingBlock30MinIntvl6MinSubIntvl',
  68: 'rollingBlock30MinIntvl5MinSubIntvl',
  69: 'rollingBlock30MinIntvl3MinSubIntvl',
  70: 'rollingBlock30MinIntvl2MinSubIntvl',
  71: 'rollingBlock15MinIntvl5MinSubIntvl',
  72: 'rollingBlock15MinIntvl3MinSubIntvl',
  73: 'rollingBlock15MinIntvl1MinSubIntvl',
  74: 'rollingBlock10MinIntvl5MinSubIntvl',
  75: 'rollingBlock10MinIntvl2MinSubIntvl',
  76: 'rollingBlock10MinIntvl1MinSubIntvl',
  77: 'rollingBlock5MinIntvl1MinSubIntvl',
} as const;

export const TimePeriodOfInterest = {
  0: 'none',
  8: 'billingPeriod',
  11: 'daily',
  13: 'monthly',
  22: 'seasonal',
  24: 'weekly',
  32: 'specifiedPeriod',
} as const;

export const UnitSymbolKind = {
  0: 'none',
  2: 'm',
  3: 'g',
  4: 'revPerSec',
  5: 'A',
  6: 'K',
  7: 'mol',
  8: 'cd',
  9: 'deg',
  10: 'rad',
  11: 'sr',
  21: 'gy',
  22: 'bq',
  23: 'degC',
  24: 'sv',
  25: 'F',
  27: 'sec',
  28: 'H',
  29: 'V',
  30: 'ohm',
  31: 'J',
  32: 'n',
  33: 'Hz',
  34: 'lx',
  35: 'lm',
  36: 'wb',
  37: 't',
  38: 'W',
  39: 'pa',
  41: 'm2',
  42: 'm3',
  43: 'mPerSec',
  44: 'mPerSec2',
  45: 'm3PerSec',
  46: 'mPerM3',
  47: 'kgM',
  48: 'kgPerM3',
  49: 'm2PerSec',
  50: 'wPerMK',
  51: 'jPerK',
  53: 'siemens',
  54: 'radPerSec',
  61: 'VA',
  63: 'VAr',
  65: 'cosTheta',
  66: 'Vs',
  67: 'V2',
  68: 'As',
  69: 'A2',
  70: 'A2s',
  71: 'VAh',
  72: 'Wh',
  73: 'VArh',
  74: 'VPerHz',
  75: 'HzPerSec',
  76: 'char',
  77: 'charPerSec',
  78: 'gM2',
  79: 'b',
  80: 'money',
  81: 'WPerSec',
  82: 'litrePerSec',
  100: 'q',
  101: 'qh',
  102: 'ohmM',
  103: 'APerM',
  104: 'V2h',
  105: 'A2h',
  106: 'Ah',
  107: 'WhPerM3',
  108: 'timeStamp',
  109: 'status',
  111: 'count',
  113: 'bm',
  114: 'code',
  115: 'WhPerRev',
  116: 'VArhPerRev',
  117: 'VAhPerRev',
  118: 'meCode',
  119: 'ft3',
  120: 'ft3compensated',
  123: 'ft3compensatedPerH',
  125: 'm3PerH',
  126: 'm3compensatedPerH',
  127: 'm3uncompensatedPerH',
  128: 'usGal',
  129: 'usGalPerH',
  130: 'imperialGal',
  131: 'imperialGalPerH',
  132: 'btu',
  133: 'btuPerH',
  134: 'litre',
  137: 'litrePerH',
  138: 'litreCompensatedPerH',
  139: 'litreUncompensatedPerH',
  140: 'paG',
  141: 'psiA',
  142: 'psiG',
  143: 'litrePerLitre',
  144: 'gPerG',
  145: 'molPerM3',
  146: 'molPerMol',
  147: 'molPerKg',
  148: 'mPerM',
  149: 'secPerSec',
  150: 'HzPerHz',
  151: 'VPerV',
  152: 'APerA',
  153: 'WPerVA',
  154: 'rev',
  155: 'paA',
  156: 'litreUncompensated',
  157: 'litreCompensated',
  158: 'kat',
  159: 'min',
  160: 'h',
  161: 'q45',
  162: 'q60',
  163: 'q45h',
  164: 'q60h',
  165: 'jPerKg',
  166: 'm3uncompensated',
  167: 'm3compensated',
  168: 'WPerW',
  169: 'therm',
} as const;

export const CRUDOperation = {
  0: 'Create',
  1: 'Read',
  2: 'Update',
  3: 'Delete',
} as const;

export const DataCustodianApplicationStatus = {
  1: 'Review',
  2: 'Production (Live)',
  3: 'On Hold',
  4: 'Revoked',
} as const;

/** Spelled `ThirdPartyApplicatonStatus` (sic) in espi.xsd. */
export const ThirdPartyApplicationStatus = {
  1: 'Development',
  2: 'ReviewTest',
  3: 'Production',
  4: 'Retired',
} as const;

export const ThirdPartyApplicationType = {
  1: 'Web',
  2: 'Desktop',
  3: 'Mobile',
  4: 'Device',
} as const;

export const ThirdPartyApplicationUse = {
  1: 'EnergyManagement',
  2: 'Comparisons',
  3: 'Government',
  4: 'Academic',
  5: 'LawEnforcement',
} as const;

export const AuthorizationStatus = {
  0: 'Revoked',
  1: 'Active',
  2: 'Denied',
} as const;

export const ESPIServiceStatus = {
  0: 'Unavailable',
  1: 'Normal',
} as const;

/** A code list: code to schema name. */
export type CodeList = Readonly<Record<number, string>>;

/** The schema name of `code` in `list`, `none` when absent, or `unknown (code)` for a code the list lacks. */
export function codeName(list: CodeList, code: number | undefined): string {
  if (code === undefined) return 'none';
  return list[code] ?? `unknown (${code})`;
}

/** ISO 4217 numeric code to alphabetic code and minor-unit digits, for the codes espi.xsd lists. */
export const Currency = {
  0: { alpha: 'other', minorDigits: 2 },
  36: { alpha: 'AUD', minorDigits: 2 },
  124: { alpha: 'CAD', minorDigits: 2 },
  156: { alpha: 'CNY', minorDigits: 2 },
  208: { alpha: 'DKK', minorDigits: 2 },
  356: { alpha: 'INR', minorDigits: 2 },
  392: { alpha: 'JPY', minorDigits: 0 },
  578: { alpha: 'NOK', minorDigits: 2 },
  643: { alpha: 'RUB', minorDigits: 2 },
  752: { alpha: 'SEK', minorDigits: 2 },
  756: { alpha: 'CHF', minorDigits: 2 },
  826: { alpha: 'GBP', minorDigits: 2 },
  840: { alpha: 'USD', minorDigits: 2 },
  978: { alpha: 'EUR', minorDigits: 2 },
} as const satisfies Record<number, { alpha: string; minorDigits: number }>;

/**
 * ISO 4217 alphabetic code of an ESPI currency, or undefined when it is absent, 0 ("other") or not in the
 * schema's list (a person is then shown the amount without a currency sign rather than a guessed one).
 */
export function currencyAlpha(code: number | undefined): string | undefined {
  if (code === undefined || code === 0) return undefined;
  return (Currency as Record<number, { alpha: string } | undefined>)[code]?.alpha;
}

/**
 * Short unit symbols for display and for the CLI summary. The schema's appinfo names are identifiers
 * (`usGal`, `sec`, `cosTheta`); these are what the symbol is written as, falling back to the appinfo name.
 */
const unitSymbolOverrides: Readonly<Record<number, string>> = {
  27: 's',
  65: 'cosθ',
  128: 'USgal',
  129: 'USgal/h',
  125: 'm3/h',
  130: 'impgal',
  131: 'impgal/h',
  132: 'BTU',
  133: 'BTU/h',
  134: 'L',
  137: 'L/h',
};

/** Unit symbol of a `uom` code: `Wh`, `W`, `therm`, `m3`, `ft3`, `USgal`...; `none` for absent or 0. */
export function unitSymbol(uom: number | undefined): string {
  if (uom === undefined || uom === 0) return 'none';
  return unitSymbolOverrides[uom] ?? (UnitSymbolKind as CodeList)[uom] ?? `uom ${uom}`;
}

/** `forward` (1), `reverse` (19), `net` (4), `total` (20), `none` for 0 or absent; other codes their schema names. */
export function flowDirectionName(code: number | undefined): string {
  if (code === undefined || code === 0) return 'none';
  return codeName(FlowDirectionKind, code);
}

/** Plain words for a reading quality code; readings with no quality are good (XSD ReadingQuality doc). */
export function qualityName(quality: number | undefined): string {
  if (quality === undefined) return 'valid';
  return codeName(QualityOfReading, quality);
}

/** Codes 8, 9 and 12 are estimates (reference section 3, QualityOfReading). */
export function isEstimated(quality: number | undefined): boolean {
  return quality === 8 || quality === 9 || quality === 12;
}

/** Code 10 (questionable) and 14 (raw, not validated) deserve a warning mark (reference section 3). */
export function isSuspect(quality: number | undefined): boolean {
  return quality === 10 || quality === 14;
}

/**
 * Plain status of an authorization. The schema has only 0 revoked, 1 active, 2 denied; "expired" is
 * derived from `authorizedPeriod` (docs/espi.md 2.2: start + duration < now, duration 0 = open-ended).
 */
export function authorizationState(
  status: number,
  authorizedPeriod: { start: number; duration: number } | undefined,
  nowSeconds: EpochSeconds,
): 'active' | 'revoked' | 'denied' | 'expired' | 'unknown' {
  if (status === 0) return 'revoked';
  if (status === 2) return 'denied';
  if (status !== 1) return 'unknown';
  if (
    authorizedPeriod &&
    authorizedPeriod.duration > 0 &&
    authorizedPeriod.start + authorizedPeriod.duration < nowSeconds
  )
    return 'expired';
  return 'active';
}

/** OAuth grant types the schema's `grant_type` admits (strict string enumeration). */
export const GrantType = ['authorization_code', 'client_credentials', 'refresh_token'] as const;
