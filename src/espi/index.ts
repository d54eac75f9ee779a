/**
 * The ESPI domain's public face: everything outside src/espi imports from here (lint enforces it), so the
 * modules behind it can be split, renamed or merged without touching the portal, the mock or the tests.
 * Pure: no React, no DOM, no Node; it runs in the page, the parse worker, Node and the mock custodian.
 * The worker and command-line entries are in hosts/ and are started, not imported.
 */
export { aggregate, lowerBound, netOf, totalsOf } from './aggregate.ts';
export type { Aggregation, Resolution } from './aggregate.ts';
export { anonymizeDocument, ANONYMOUS_BASE_URL, createAnonymizer } from './anonymize.ts';
export { CUSTOMER_RESOURCE_NAMES } from './customer-model.ts';
export type {
  CustomerAccount,
  CustomerEntry,
  CustomerResourceName,
  ServiceLocation,
  Statement,
  StreetAddress,
} from './customer-model.ts';
export { DISPLAY_LOCALE } from './display-locale.ts';
export { minMaxDownsample, targetPointsFor } from './downsample.ts';
export { isEstimated } from './enumerations.ts';
export { EspiReadError } from './errors.ts';
export { dataThrough, flowReadings } from './flows.ts';
export type { Flow, FlowReading } from './flows.ts';
export type { EspiReadErrorCode } from './errors.ts';
export type { ParseRequest, ParseResponse, WorkerRequest } from './hosts/worker-protocol.ts';
export { espiId } from './ids.ts';
export { splitBillChange } from './insights/bill-change.ts';
export type { BillChange, PeriodCost } from './insights/bill-change.ts';
export { checkBudget } from './insights/budget.ts';
export type { BudgetCheck, BudgetState } from './insights/budget.ts';
export { HOURS, hourlyProfile, WEEKDAYS } from './insights/day-profile.ts';
export type { DayShape, HourlyProfile, WeekHeatmap } from './insights/day-profile.ts';
export { projectBill } from './insights/projection.ts';
export type { BillProjection } from './insights/projection.ts';
export { documentInsights, PROFILE_DAYS } from './insights/usage-point-insights.ts';
export type { FlowTotal, PeriodFigures, UsagePointInsights } from './insights/usage-point-insights.ts';
export {
  civilFromDays,
  createLocalTime,
  daysFromCivil,
  encodeDstRule,
  formatUtcOffset,
  rulesForZone,
  US_DST_END,
  US_DST_START,
  usZoneRules,
} from './local-time.ts';
export type { LocalTime, TimeZoneRules } from './local-time.ts';
export { NO_QUALITY } from './model.ts';
export type {
  ApplicationInformation,
  AtomMeta,
  Authorization,
  DateTimeInterval,
  EspiDocument,
  IntervalBlock,
  IntervalReadings,
  LocalTimeParameters,
  MeterReading,
  ReadingType,
  UsagePoint,
  UsageSummary,
} from './model.ts';
export { coverageOf, currentAndPrevious, givenBillingPeriods, periodsCovering } from './periods.ts';
export type { Period, PeriodCoverage } from './periods.ts';
export { countOf, nounFor } from './plural.ts';
export { aggregateOrSlice, precomputeAggregates } from './precompute.ts';
export { readCustomerDocument } from './read/customer.ts';
export type { CustomerDocument } from './read/customer.ts';
export { readEspi } from './read/read-espi.ts';
export {
  bulkIdOf,
  COMMODITY_BLOCKS,
  describeScope,
  durationInWords,
  formatScope,
  FUNCTION_BLOCKS,
  isDataBlock,
  parseScope,
} from './scope.ts';
export type { EspiScope } from './scope.ts';
export { SERVICE_KINDS, serviceKindName, serviceLabel } from './service-kind.ts';
export { isoSeconds, millisOf, nowInSeconds, secondsOf, secondsOfIso } from './time-units.ts';
export type { EpochDays, EpochMillis, EpochSeconds, LocalDate } from './time-units.ts';
export {
  convertEnergy,
  convertVolume,
  costToCurrency,
  displayUnitFor,
  formatCost,
  formatMoney,
  formatQuantity,
  gasEnergyToVolume,
  gasVolumeToEnergy,
  COST_DIVISOR,
  rawToDisplayFactor,
} from './units.ts';
export type { Combine, DisplayUnit, EnergyUnit, VolumeUnit } from './units.ts';
export { createCsvWriter, CSV_COLUMNS, csvText, writeCsv } from './write-csv.ts';
export {
  createDownloadMyDataWriter,
  writeDownloadMyData,
  writeEntry,
  writeFeed,
  writeFeedChunks,
  writeServiceStatus,
} from './write-xml.ts';
export type { EspiEntry } from './write-xml.ts';
export { escapeXml } from './xml-text.ts';
export { comparePlans, lastTwelveMonths } from './tariff/compare.ts';
export type { ComparedMonth, PlanComparison } from './tariff/compare.ts';
export { compareRatesIn } from './tariff/compare-document.ts';
export type { CompareRatesOptions } from './tariff/compare-document.ts';
export { deliveredEnergyReading, energySeries } from './tariff/energy-series.ts';
export { prepareSeries, priceTariff } from './tariff/price.ts';
export type { BillingPeriod, EnergySeries, PeriodBill, TariffBill } from './tariff/price.ts';
export { timeOfUseSplit } from './tariff/rate-plan.ts';
export type { EnergyPeriodName, RatePlan, TimeOfUseKind, TimeOfUseShare } from './tariff/rate-plan.ts';
export type { DemandTier, EnergyTier, Schedule, UrdbTariff } from './tariff/urdb.ts';
