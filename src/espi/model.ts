/**
 * The typed ESPI (NAESB REQ.21) model: what the reader produces, what the writer and the mock
 * custodian consume. Pure data: no React, no DOM, so it crosses a Web Worker boundary with
 * `postMessage` (typed arrays are transferable) and runs in Node alike.
 *
 * Numeric code lists (uom, flowDirection, kind, ...) are kept as the numbers the XML carries;
 * `enumerations.ts` gives their names and `units.ts` their meaning. Times are epoch seconds (UTC),
 * as ESPI's TimeType is (espi.xsd `TimeType`); Atom `published`/`updated` are ISO-8601 strings.
 */

import type { PrecomputedAggregates } from './precompute.ts';
import type { EpochSeconds } from './time-units.ts';

/** Atom envelope of one entry: identity and the links that tie the resource graph together. */
export interface AtomMeta {
  /** Atom `id`, normally `urn:uuid:...`. */
  id?: string;
  title?: string;
  /** ISO-8601 as written in the file (fractional seconds kept). */
  published?: string;
  updated?: string;
  /** `link rel="self"` href, resolved against the document's base where the file used a relative one. */
  selfHref?: string;
  /** `link rel="up"`: the collection this entry belongs to. */
  upHref?: string;
  /** Every `link rel="related"` href, in document order. */
  relatedHrefs: string[];
}

/** ESPI `DateTimeInterval`: epoch seconds and a length in seconds. */
export interface DateTimeInterval {
  start: EpochSeconds;
  duration: number;
}

/**
 * The IntervalReadings of one MeterReading, in columns. Index i across the arrays is one reading,
 * sorted by start. Values are raw ESPI integers: real value = value x 10^powerOfTenMultiplier in the
 * ReadingType's uom (see `units.ts`).
 */
export interface IntervalReadings {
  count: number;
  /** Interval start, epoch seconds. */
  start: Float64Array;
  /** Interval length, seconds. */
  duration: Uint32Array;
  /** Raw `value`. */
  value: Float64Array;
  /** Raw `cost` in hundred-thousandths of the currency; absent when no reading carries a cost; NaN where one reading has none. */
  cost?: Float64Array;
  /** `ReadingQuality/quality` code of each reading, or `NO_QUALITY` when the reading carries none. */
  quality: Uint8Array;
}

/**
 * Readings of an instant rather than a span: IntervalReadings with duration 0, as utilities publish daily
 * cumulative register reads (the meter's dial at that moment). Sorted by time; never part of interval totals.
 */
export interface PointReadings {
  count: number;
  /** The instant read, epoch seconds. */
  time: Float64Array;
  /** Raw `value`, scaled like the interval values by the ReadingType. */
  value: Float64Array;
  /** `ReadingQuality/quality` code, or `NO_QUALITY`. */
  quality: Uint8Array;
}

/** Marker in `IntervalReadings.quality` for a reading without ReadingQuality (ESPI: then it is "good"). */
export const NO_QUALITY = 255;

/** One IntervalBlock: its interval and the range of its readings inside the MeterReading's columns. */
export interface IntervalBlock {
  meta: AtomMeta;
  interval: DateTimeInterval;
  /** Index of the block's first reading in `MeterReading.readings`. */
  offset: number;
  /** How many readings the block holds. */
  count: number;
}

/** ESPI ReadingType: every field optional (real files carry an empty one). */
export interface ReadingType {
  meta: AtomMeta;
  accumulationBehaviour?: number;
  commodity?: number;
  consumptionTier?: number;
  currency?: number;
  dataQualifier?: number;
  defaultQuality?: number;
  flowDirection?: number;
  intervalLength?: number;
  kind?: number;
  phase?: number;
  powerOfTenMultiplier?: number;
  timeAttribute?: number;
  tou?: number;
  uom?: number;
  cpp?: number;
  measuringPeriod?: number;
}

export interface MeterReading {
  meta: AtomMeta;
  /** Absent when the file has no ReadingType for it: the reader then warns, and values stay unscaled. */
  readingType?: ReadingType;
  blocks: IntervalBlock[];
  readings: IntervalReadings;
  /** Register reads (duration 0) of this MeterReading; absent when it has none. */
  registerReads?: PointReadings;
  /** Hourly, daily and monthly aggregates made where the document was read (precompute.ts). */
  precomputed?: PrecomputedAggregates;
}

/**
 * ESPI LocalTimeParameters (XSD type TimeConfiguration). DST rules are the raw 32-bit
 * `DstRuleType` words; `local-time.ts` decodes them. `0xFFFFFFFF` disables DST.
 */
export interface LocalTimeParameters {
  meta: AtomMeta;
  dstEndRule?: number;
  dstOffset?: number;
  dstStartRule?: number;
  tzOffset?: number;
}

/** ESPI SummaryMeasurement. */
export interface SummaryMeasurement {
  powerOfTenMultiplier?: number;
  timeStamp?: number;
  uom?: number;
  value?: number;
}

/** UsageSummary, or the deprecated ElectricPowerUsageSummary (same leading fields). */
export interface UsageSummary {
  meta: AtomMeta;
  element: 'UsageSummary' | 'ElectricPowerUsageSummary';
  billingPeriod?: DateTimeInterval;
  /** Money fields: hundred-thousandths of `currency`. */
  billLastPeriod?: number;
  billToDate?: number;
  costAdditionalLastPeriod?: number;
  currency?: number;
  overallConsumptionLastPeriod?: SummaryMeasurement;
  currentBillingPeriodOverAllConsumption?: SummaryMeasurement;
  currentDayLastYearNetConsumption?: SummaryMeasurement;
  currentDayNetConsumption?: SummaryMeasurement;
  currentDayOverallConsumption?: SummaryMeasurement;
  peakDemand?: SummaryMeasurement;
  previousDayLastYearOverallConsumption?: SummaryMeasurement;
  previousDayNetConsumption?: SummaryMeasurement;
  previousDayOverallConsumption?: SummaryMeasurement;
  qualityOfReading?: number;
  ratchetDemand?: SummaryMeasurement;
  statusTimeStamp?: number;
  commodity?: number;
}

export interface UsagePoint {
  meta: AtomMeta;
  /** `ServiceCategory/kind` (ServiceKind: 0 electricity, 1 gas, 2 water, ...). */
  serviceKind?: number;
  status?: number;
  roleFlags?: string;
  meterReadings: MeterReading[];
  usageSummaries: UsageSummary[];
  /** The LocalTimeParameters linked from this UsagePoint, or the document's only one. */
  localTime?: LocalTimeParameters;
}

/** ESPI Authorization (access tokens are not part of the 4.0 schema and never appear here). */
export interface Authorization {
  meta: AtomMeta;
  authorizedPeriod?: DateTimeInterval;
  publishedPeriod?: DateTimeInterval;
  /** AuthorizationStatus: 0 revoked, 1 active, 2 denied. "Expired" is derived from authorizedPeriod. */
  status: number;
  /** Expiry of the access token (not of the authorization), epoch seconds. */
  expiresAt?: number;
  grantType?: string;
  scope: string;
  tokenType?: string;
  error?: string;
  errorDescription?: string;
  resourceURI?: string;
  authorizationURI?: string;
  customerResourceURI?: string;
}

/**
 * ESPI ElectricPowerQualitySummary: power-quality figures of one summary interval (IEC 61000-4-30 style
 * counts and levels, Int48 each); only `summaryInterval` is required.
 */
export interface ElectricPowerQualitySummary {
  meta: AtomMeta;
  flickerPlt?: number;
  flickerPst?: number;
  harmonicVoltage?: number;
  longInterruptions?: number;
  mainsVoltage?: number;
  measurementProtocol?: number;
  powerFrequency?: number;
  rapidVoltageChanges?: number;
  shortInterruptions?: number;
  summaryInterval: DateTimeInterval;
  supplyVoltageDips?: number;
  supplyVoltageImbalance?: number;
  supplyVoltageVariations?: number;
  tempOvervoltage?: number;
}

/** ESPI ApplicationInformation: the fields a person is shown, plus the endpoints. */
export interface ApplicationInformation {
  meta: AtomMeta;
  dataCustodianId?: string;
  dataCustodianApplicationStatus?: number;
  thirdPartyApplicationDescription?: string;
  thirdPartyApplicationStatus?: number;
  thirdPartyApplicationType?: number;
  thirdPartyApplicationUse?: number;
  thirdPartyPhone?: string;
  authorizationServerUri?: string;
  thirdPartyNotifyUri?: string;
  authorizationServerAuthorizationEndpoint?: string;
  authorizationServerRegistrationEndpoint?: string;
  authorizationServerTokenEndpoint?: string;
  dataCustodianBulkRequestURI?: string;
  dataCustodianResourceEndpoint?: string;
  /** [DEPRECATED in 4.0] Where the custodian sends a customer to pick a scope at the third party (docs/espi.md 4.1). */
  thirdPartyScopeSelectionScreenURI?: string;
  thirdPartyUserPortalScreenURI?: string;
  logoUri?: string;
  clientName?: string;
  clientUri?: string;
  redirectUris: string[];
  clientId?: string;
  tosUri?: string;
  policyUri?: string;
  softwareId?: string;
  softwareVersion?: string;
  contacts: string[];
  scopes: string[];
  grantTypes: string[];
}

/** Where in the input a problem was found: enough for a person to look at the file. */
export interface SourceLocation {
  /** 1-based line in the input text, where known. */
  line?: number;
  /** Human description: "entry 12 (IntervalBlock urn:uuid:...)". */
  context?: string;
}

export interface ParseWarning {
  /** Stable machine code, e.g. `missing-reading-type`, `overlapping-intervals`. */
  code: string;
  message: string;
  where?: SourceLocation;
}

/** Everything one ESPI document held, tied together. */
export interface EspiDocument {
  usagePoints: UsagePoint[];
  /** MeterReadings no UsagePoint claims (links missing or broken); kept, never dropped. */
  orphanMeterReadings: MeterReading[];
  /** UsageSummaries no UsagePoint claims (a feed of summaries only); absent when there are none. */
  orphanUsageSummaries?: UsageSummary[];
  localTimeParameters: LocalTimeParameters[];
  authorizations: Authorization[];
  applicationInformation: ApplicationInformation[];
  warnings: ParseWarning[];
  /** True when something was skipped or could not be tied in: the data shown is incomplete. */
  partial: boolean;
}
