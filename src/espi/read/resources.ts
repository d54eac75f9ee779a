/**
 * Readers for the ESPI resources other than IntervalBlock: each walks the element's children by local
 * name (any prefix, any order: real files do not keep the XSD sequence), reads the fields the model
 * holds and skips the rest (extensions, customer-specific elements).
 */
import type {
  ApplicationInformation,
  AtomMeta,
  Authorization,
  DateTimeInterval,
  LocalTimeParameters,
  ReadingType,
  SummaryMeasurement,
  UsagePoint,
  UsageSummary,
} from '../model.ts';
import { here, type ReadContext } from './context.ts';
import { INT48, inRange, LONG, MULTIPLIER, OFFSET, SPAN, TIME, type NumberRange } from './ranges.ts';
import { OPEN } from '../xml-scanner.ts';

type FieldKind = 'int' | 'hex' | 'text' | 'interval' | 'measurement' | 'list';
/** Element local name -> [model property, how to read it, for numbers the range ESPI allows]. */
export type FieldTable = Readonly<Record<string, readonly [string, FieldKind, NumberRange?]>>;

export const int = (key: string, range: NumberRange = LONG) => [key, 'int', range] as const;

const readingTypeFields: FieldTable = Object.fromEntries(
  [
    'accumulationBehaviour',
    'commodity',
    'consumptionTier',
    'currency',
    'dataQualifier',
    'defaultQuality',
    'flowDirection',
    'intervalLength',
    'kind',
    'phase',
    'timeAttribute',
    'tou',
    'uom',
    'cpp',
    'measuringPeriod',
  ].map((name) => [name, int(name)]),
);
const readingTypeTable: FieldTable = {
  ...readingTypeFields,
  powerOfTenMultiplier: int('powerOfTenMultiplier', MULTIPLIER),
};

const localTimeFields: FieldTable = {
  dstEndRule: ['dstEndRule', 'hex'],
  dstOffset: int('dstOffset', OFFSET),
  dstStartRule: ['dstStartRule', 'hex'],
  tzOffset: int('tzOffset', OFFSET),
};

const measurementFields: FieldTable = {
  powerOfTenMultiplier: int('powerOfTenMultiplier', MULTIPLIER),
  timeStamp: int('timeStamp', TIME),
  uom: int('uom'),
  value: int('value', INT48),
};

const usageSummaryFields: FieldTable = {
  billingPeriod: ['billingPeriod', 'interval'],
  billLastPeriod: int('billLastPeriod', INT48),
  billToDate: int('billToDate', INT48),
  costAdditionalLastPeriod: int('costAdditionalLastPeriod', INT48),
  currency: int('currency'),
  qualityOfReading: int('qualityOfReading'),
  statusTimeStamp: int('statusTimeStamp', TIME),
  commodity: int('commodity'),
  ...Object.fromEntries(
    [
      'overallConsumptionLastPeriod',
      'currentBillingPeriodOverAllConsumption',
      'currentDayLastYearNetConsumption',
      'currentDayNetConsumption',
      'currentDayOverallConsumption',
      'peakDemand',
      'previousDayLastYearOverallConsumption',
      'previousDayNetConsumption',
      'previousDayOverallConsumption',
      'ratchetDemand',
    ].map((name) => [name, [name, 'measurement'] as const]),
  ),
};

const authorizationFields: FieldTable = {
  authorizedPeriod: ['authorizedPeriod', 'interval'],
  publishedPeriod: ['publishedPeriod', 'interval'],
  status: int('status'),
  expires_at: int('expiresAt', TIME),
  grant_type: ['grantType', 'text'],
  scope: ['scope', 'text'],
  token_type: ['tokenType', 'text'],
  error: ['error', 'text'],
  error_description: ['errorDescription', 'text'],
  resourceURI: ['resourceURI', 'text'],
  authorizationURI: ['authorizationURI', 'text'],
  customerResourceURI: ['customerResourceURI', 'text'],
};

// client_secret and registration_access_token are deliberately absent: secrets never enter the model.
const applicationInformationFields: FieldTable = {
  dataCustodianId: ['dataCustodianId', 'text'],
  dataCustodianApplicationStatus: int('dataCustodianApplicationStatus'),
  thirdPartyApplicationDescription: ['thirdPartyApplicationDescription', 'text'],
  thirdPartyApplicationStatus: int('thirdPartyApplicationStatus'),
  thirdPartyApplicationType: int('thirdPartyApplicationType'),
  thirdPartyApplicationUse: int('thirdPartyApplicationUse'),
  thirdPartyPhone: ['thirdPartyPhone', 'text'],
  authorizationServerUri: ['authorizationServerUri', 'text'],
  thirdPartyNotifyUri: ['thirdPartyNotifyUri', 'text'],
  authorizationServerAuthorizationEndpoint: ['authorizationServerAuthorizationEndpoint', 'text'],
  authorizationServerRegistrationEndpoint: ['authorizationServerRegistrationEndpoint', 'text'],
  authorizationServerTokenEndpoint: ['authorizationServerTokenEndpoint', 'text'],
  dataCustodianBulkRequestURI: ['dataCustodianBulkRequestURI', 'text'],
  dataCustodianResourceEndpoint: ['dataCustodianResourceEndpoint', 'text'],
  thirdPartyScopeSelectionScreenURI: ['thirdPartyScopeSelectionScreenURI', 'text'],
  thirdPartyUserPortalScreenURI: ['thirdPartyUserPortalScreenURI', 'text'],
  logo_uri: ['logoUri', 'text'],
  client_name: ['clientName', 'text'],
  client_uri: ['clientUri', 'text'],
  redirect_uri: ['redirectUris', 'list'],
  client_id: ['clientId', 'text'],
  tos_uri: ['tosUri', 'text'],
  policy_uri: ['policyUri', 'text'],
  software_id: ['softwareId', 'text'],
  software_version: ['softwareVersion', 'text'],
  contacts: ['contacts', 'list'],
  scope: ['scopes', 'list'],
  grant_types: ['grantTypes', 'list'],
};

/** Reads a number field; a value that is not a number, or outside `range`, is left out with a warning. */
export function readNumberField(
  ctx: ReadContext,
  name: string,
  range: NumberRange = LONG,
): number | undefined {
  const at = ctx.sc.tagStart;
  if (ctx.sc.selfClosing) {
    ctx.log.add('empty-field', `<${name}/> is empty; the field is left out.`, here(ctx, at), false);
    return undefined;
  }
  const n = ctx.sc.readNumber();
  if (n !== n) {
    ctx.log.add(
      'non-numeric',
      `<${name}> does not hold a number; the field is left out.`,
      here(ctx, at),
      true,
    );
    return undefined;
  }
  if (inRange(n, range)) return n;
  ctx.log.add(
    'out-of-range',
    `<${name}> holds ${n}, outside ${range.type}; the field is left out.`,
    here(ctx, at),
    true,
  );
  return undefined;
}

function readHexField(ctx: ReadContext, name: string): number | undefined {
  const at = ctx.sc.tagStart;
  const text = ctx.sc.readText().trim();
  if (/^[0-9a-fA-F]{1,8}$/.test(text)) return parseInt(text, 16);
  ctx.log.add(
    'non-numeric',
    `<${name}> is not a hexadecimal DST rule ("${text.slice(0, 20)}"); left out.`,
    here(ctx, at),
    true,
  );
  return undefined;
}

/** `DateTimeInterval` (duration, start) in whole seconds. */
export function readInterval(ctx: ReadContext, name: string): DateTimeInterval | undefined {
  const fields = readFields(ctx, {}, { duration: int('duration', SPAN), start: int('start', TIME) });
  const { duration, start } = fields as { duration?: number; start?: number };
  if (duration === undefined || start === undefined) {
    ctx.log.add('incomplete-interval', `<${name}> lacks a duration or start; left out.`, here(ctx), true);
    return undefined;
  }
  if (duration !== Math.floor(duration) || start !== Math.floor(start)) ctx.fractionalTimes++;
  return { start: Math.floor(start), duration: Math.floor(duration) };
}

/** Reads the children of the current element into `target` as `table` says; returns `target`. */
export function readFields(
  ctx: ReadContext,
  target: Record<string, unknown>,
  table: FieldTable,
): Record<string, unknown> {
  const { sc } = ctx;
  if (sc.selfClosing) return target;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    const name = sc.localName();
    const field = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!field) {
      sc.skip();
      continue;
    }
    const [key, kind, range] = field;
    let value: unknown;
    if (kind === 'int') value = readNumberField(ctx, name, range);
    else if (kind === 'hex') value = readHexField(ctx, name);
    else if (kind === 'interval') value = readInterval(ctx, name);
    else if (kind === 'measurement') value = readFields(ctx, {}, measurementFields) as SummaryMeasurement;
    else value = sc.readText().trim();
    if (value === undefined) continue;
    if (kind === 'list') ((target[key] ??= []) as unknown[]).push(value);
    else target[key] = value;
  }
  return target;
}

export function readReadingType(ctx: ReadContext, meta: AtomMeta): ReadingType {
  return readFields(ctx, { meta }, readingTypeTable) as unknown as ReadingType;
}

export function readLocalTimeParameters(ctx: ReadContext, meta: AtomMeta): LocalTimeParameters {
  return readFields(ctx, { meta }, localTimeFields) as unknown as LocalTimeParameters;
}

export function readUsageSummary(
  ctx: ReadContext,
  meta: AtomMeta,
  element: UsageSummary['element'],
): UsageSummary {
  return readFields(ctx, { meta, element }, usageSummaryFields) as unknown as UsageSummary;
}

export function readAuthorization(ctx: ReadContext, meta: AtomMeta): Authorization {
  const at = here(ctx);
  const auth = readFields(ctx, { meta, scope: '' }, authorizationFields) as unknown as Authorization;
  if (auth.status === undefined) {
    // status is required (XSD Authorization); NaN matches no AuthorizationStatus, so nothing is invented.
    auth.status = Number.NaN;
    ctx.log.add('missing-field', 'An Authorization has no <status>; its state is unknown.', at, false);
  }
  return auth;
}

export function readApplicationInformation(ctx: ReadContext, meta: AtomMeta): ApplicationInformation {
  return readFields(
    ctx,
    { meta, redirectUris: [], contacts: [], scopes: [], grantTypes: [] },
    applicationInformationFields,
  ) as unknown as ApplicationInformation;
}

export function readUsagePoint(ctx: ReadContext, meta: AtomMeta): UsagePoint {
  const { sc } = ctx;
  const up: UsagePoint = { meta, meterReadings: [], usageSummaries: [] };
  if (sc.selfClosing) return up;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('ServiceCategory')) {
      const category = readFields(ctx, {}, { kind: int('kind') }) as { kind?: number };
      if (category.kind !== undefined) up.serviceKind = category.kind;
    } else if (sc.is('status')) {
      const status = readNumberField(ctx, 'status');
      if (status !== undefined) up.status = status;
    } else if (sc.is('roleFlags')) {
      up.roleFlags = sc.readText().trim();
    } else {
      sc.skip();
    }
  }
  return up;
}
