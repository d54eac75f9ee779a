/**
 * Model to ESPI Atom XML that validates against testdata/espi-schemas/feed.xsd. The mock custodian serves every
 * feed through these functions, so speed matters: strings are built in arrays and joined, no DOM.
 *
 * Rules the schema enforces and this writer keeps (docs/espi.md 2.4; docs/espi.md 2.1 and section 6):
 * ESPI children in `xs:sequence` order; an entry's links contiguous and at least two (self + up); full
 * `xs:dateTime` in published/updated; integers for TimeType and Int48; enumerated strings only where the
 * schema lists them. Numeric code lists are not checked by the schema and are written as given.
 */
import { espiId } from './ids.ts';
import { escapeXml, int, limit } from './xml-text.ts';
import { CUSTOMER_RESOURCE_NAMES, type CustomerEntry } from './customer-model.ts';
import { customerContent } from './write-customer-xml.ts';
import { dstRuleHex, DST_DISABLED } from './local-time.ts';
import { GrantType } from './enumerations.ts';
import {
  NO_QUALITY,
  type ApplicationInformation,
  type AtomMeta,
  type Authorization,
  type DateTimeInterval,
  type ElectricPowerQualitySummary,
  type EspiDocument,
  type IntervalBlock,
  type LocalTimeParameters,
  type MeterReading,
  type ReadingType,
  type SummaryMeasurement,
  type UsagePoint,
  type UsageSummary,
} from './model.ts';
import { isoSeconds } from './time-units.ts';

export type EspiEntry =
  | { kind: 'UsagePoint'; resource: UsagePoint }
  | { kind: 'MeterReading'; resource: MeterReading }
  | { kind: 'ReadingType'; resource: ReadingType }
  | { kind: 'IntervalBlock'; meterReading: MeterReading; block: IntervalBlock }
  | { kind: 'LocalTimeParameters'; resource: LocalTimeParameters }
  | { kind: 'UsageSummary'; resource: UsageSummary }
  | { kind: 'Authorization'; resource: Authorization }
  | { kind: 'ApplicationInformation'; resource: ApplicationInformation }
  | { kind: 'ElectricPowerQualitySummary'; resource: ElectricPowerQualitySummary }
  | CustomerEntry;

export interface FeedHeader {
  id?: string;
  title: string;
  selfHref: string;
  updated: string;
  /** The following page of a paged feed (Atom `rel="next"`, RFC 5005). */
  nextHref?: string;
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const ESPI_NS = 'http://naesb.org/espi';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

// --- Text ----------------------------------------------------------------------------------------------

/**
 * A full xs:dateTime for Atom published/updated. Real files carry date-only values (FIX gas files), which the
 * schema rejects: they become midnight UTC. Unparseable text is dropped rather than written invalid.
 */
export function atomDateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(text)) return text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00Z`;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

// --- ESPI element helpers --------------------------------------------------------------------------------

type Out = string[];

function el(out: Out, name: string, value: string | number | undefined): void {
  if (value === undefined) return;
  out.push(`<espi:${name}>${typeof value === 'number' ? int(value) : escapeXml(value)}</espi:${name}>`);
}

function interval(out: Out, name: string, value: DateTimeInterval | undefined): void {
  if (!value) return;
  out.push(
    `<espi:${name}><espi:duration>${int(Math.max(0, value.duration))}</espi:duration><espi:start>${int(value.start)}</espi:start></espi:${name}>`,
  );
}

function measurement(out: Out, name: string, m: SummaryMeasurement | undefined): void {
  if (!m) return;
  out.push(`<espi:${name}>`);
  el(out, 'powerOfTenMultiplier', m.powerOfTenMultiplier);
  el(out, 'timeStamp', m.timeStamp);
  el(out, 'uom', m.uom);
  el(out, 'value', m.value);
  out.push(`</espi:${name}>`);
}

function usagePointContent(out: Out, up: UsagePoint): void {
  out.push('<espi:UsagePoint>');
  // HexBinary16: at most two octets, an even number of hex digits.
  if (up.roleFlags !== undefined && /^([0-9A-Fa-f]{2}){0,2}$/.test(up.roleFlags))
    el(out, 'roleFlags', up.roleFlags);
  if (up.serviceKind !== undefined)
    out.push(`<espi:ServiceCategory><espi:kind>${int(up.serviceKind)}</espi:kind></espi:ServiceCategory>`);
  el(out, 'status', up.status);
  out.push('</espi:UsagePoint>');
}

const READING_TYPE_FIELDS = [
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
  'powerOfTenMultiplier',
  'timeAttribute',
  'tou',
  'uom',
  'cpp',
] as const;

function readingTypeContent(out: Out, rt: ReadingType): void {
  out.push('<espi:ReadingType>');
  for (const field of READING_TYPE_FIELDS) el(out, field, rt[field]);
  // interharmonic (not in the model) comes between cpp and measuringPeriod.
  el(out, 'measuringPeriod', rt.measuringPeriod);
  out.push('</espi:ReadingType>');
}

function intervalBlockContent(out: Out, mr: MeterReading, block: IntervalBlock): void {
  const r = mr.readings;
  const cost = r.cost;
  out.push('<espi:IntervalBlock>');
  interval(out, 'interval', block.interval);
  const end = Math.min(block.offset + block.count, r.count);
  for (let i = block.offset; i < end; i++) {
    let s = '<espi:IntervalReading>';
    const c = cost?.[i];
    if (c !== undefined && !Number.isNaN(c)) s += `<espi:cost>${int(c)}</espi:cost>`;
    const q = r.quality[i];
    if (q !== undefined && q !== NO_QUALITY)
      s += `<espi:ReadingQuality><espi:quality>${q}</espi:quality></espi:ReadingQuality>`;
    s += `<espi:timePeriod><espi:duration>${r.duration[i] ?? 0}</espi:duration><espi:start>${int(r.start[i] ?? 0)}</espi:start></espi:timePeriod>`;
    const v = r.value[i];
    if (v !== undefined && !Number.isNaN(v)) s += `<espi:value>${int(v)}</espi:value>`;
    out.push(`${s}</espi:IntervalReading>`);
  }
  out.push('</espi:IntervalBlock>');
}

function localTimeContent(out: Out, ltp: LocalTimeParameters): void {
  // All four are required (XSD TimeConfiguration); missing rules mean "no DST" (FFFFFFFF disables it).
  out.push('<espi:LocalTimeParameters>');
  el(out, 'dstEndRule', dstRuleHex(ltp.dstEndRule ?? DST_DISABLED));
  el(out, 'dstOffset', ltp.dstOffset ?? 0);
  el(out, 'dstStartRule', dstRuleHex(ltp.dstStartRule ?? DST_DISABLED));
  el(out, 'tzOffset', ltp.tzOffset ?? 0);
  out.push('</espi:LocalTimeParameters>');
}

function usageSummaryContent(out: Out, s: UsageSummary): void {
  out.push(`<espi:${s.element}>`);
  interval(out, 'billingPeriod', s.billingPeriod);
  el(out, 'billLastPeriod', s.billLastPeriod);
  el(out, 'billToDate', s.billToDate);
  el(out, 'costAdditionalLastPeriod', s.costAdditionalLastPeriod);
  el(out, 'currency', s.currency);
  measurement(out, 'overallConsumptionLastPeriod', s.overallConsumptionLastPeriod);
  measurement(out, 'currentBillingPeriodOverAllConsumption', s.currentBillingPeriodOverAllConsumption);
  measurement(out, 'currentDayLastYearNetConsumption', s.currentDayLastYearNetConsumption);
  measurement(out, 'currentDayNetConsumption', s.currentDayNetConsumption);
  measurement(out, 'currentDayOverallConsumption', s.currentDayOverallConsumption);
  measurement(out, 'peakDemand', s.peakDemand);
  measurement(out, 'previousDayLastYearOverallConsumption', s.previousDayLastYearOverallConsumption);
  measurement(out, 'previousDayNetConsumption', s.previousDayNetConsumption);
  measurement(out, 'previousDayOverallConsumption', s.previousDayOverallConsumption);
  el(out, 'qualityOfReading', s.qualityOfReading);
  measurement(out, 'ratchetDemand', s.ratchetDemand);
  // statusTimeStamp is required; a summary read without one is stamped at the end of its billing period.
  const period = s.billingPeriod;
  el(out, 'statusTimeStamp', s.statusTimeStamp ?? (period ? period.start + period.duration : 0));
  el(out, 'commodity', s.commodity);
  out.push(`</espi:${s.element}>`);
}

const POWER_QUALITY_FIGURES = [
  'flickerPlt',
  'flickerPst',
  'harmonicVoltage',
  'longInterruptions',
  'mainsVoltage',
  'measurementProtocol',
  'powerFrequency',
  'rapidVoltageChanges',
  'shortInterruptions',
] as const;
const POWER_QUALITY_FIGURES_AFTER = [
  'supplyVoltageDips',
  'supplyVoltageImbalance',
  'supplyVoltageVariations',
  'tempOvervoltage',
] as const;

function powerQualityContent(out: Out, q: ElectricPowerQualitySummary): void {
  out.push('<espi:ElectricPowerQualitySummary>');
  for (const field of POWER_QUALITY_FIGURES) el(out, field, q[field]);
  interval(out, 'summaryInterval', q.summaryInterval);
  for (const field of POWER_QUALITY_FIGURES_AFTER) el(out, field, q[field]);
  out.push('</espi:ElectricPowerQualitySummary>');
}

const OAUTH_ERRORS = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_redirect_uri',
  'invalid_client_metadata',
  'invalid_client_id',
  'access_denied',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
]);
const GRANT_TYPES: ReadonlySet<string> = new Set(GrantType);

function authorizationContent(out: Out, a: Authorization, selfHref: string): void {
  out.push('<espi:Authorization>');
  interval(out, 'authorizedPeriod', a.authorizedPeriod);
  interval(out, 'publishedPeriod', a.publishedPeriod);
  el(out, 'status', a.status);
  el(out, 'expires_at', a.expiresAt ?? 0);
  // The schema's GrantType lists only authorization_code, client_credentials and refresh_token; a token
  // issued by the portal's resource-owner password grant (a custodian extension) has no legal value, and
  // grant_type is optional, so it is omitted (docs/espi.md 4.2 and the note before section 0).
  if (a.grantType !== undefined && GRANT_TYPES.has(a.grantType)) el(out, 'grant_type', a.grantType);
  el(out, 'scope', limit(a.scope, 256));
  // TokenType is exactly `Bearer` (case-sensitive enumeration); ESPI knows no other token type.
  el(out, 'token_type', 'Bearer');
  if (a.error !== undefined && OAUTH_ERRORS.has(a.error)) {
    el(out, 'error', a.error);
    if (a.errorDescription !== undefined) el(out, 'error_description', limit(a.errorDescription, 256));
  }
  el(out, 'resourceURI', a.resourceURI ?? selfHref);
  el(out, 'authorizationURI', a.authorizationURI ?? selfHref);
  el(out, 'customerResourceURI', a.customerResourceURI);
  out.push('</espi:Authorization>');
}

function applicationInformationContent(
  out: Out,
  ai: ApplicationInformation,
  selfHref: string,
  published?: string,
): void {
  out.push('<espi:ApplicationInformation>');
  el(out, 'dataCustodianId', limit(ai.dataCustodianId ?? '', 64));
  el(out, 'dataCustodianApplicationStatus', ai.dataCustodianApplicationStatus ?? 1);
  if (ai.thirdPartyApplicationDescription !== undefined)
    el(out, 'thirdPartyApplicationDescription', limit(ai.thirdPartyApplicationDescription, 256));
  el(out, 'thirdPartyApplicationStatus', ai.thirdPartyApplicationStatus);
  el(out, 'thirdPartyApplicationType', ai.thirdPartyApplicationType);
  el(out, 'thirdPartyApplicationUse', ai.thirdPartyApplicationUse);
  if (ai.thirdPartyPhone !== undefined) el(out, 'thirdPartyPhone', limit(ai.thirdPartyPhone, 32));
  el(out, 'authorizationServerUri', ai.authorizationServerUri);
  el(out, 'thirdPartyNotifyUri', ai.thirdPartyNotifyUri ?? '');
  el(out, 'authorizationServerAuthorizationEndpoint', ai.authorizationServerAuthorizationEndpoint ?? '');
  el(out, 'authorizationServerRegistrationEndpoint', ai.authorizationServerRegistrationEndpoint);
  el(out, 'authorizationServerTokenEndpoint', ai.authorizationServerTokenEndpoint ?? '');
  el(out, 'dataCustodianBulkRequestURI', ai.dataCustodianBulkRequestURI ?? '');
  el(out, 'dataCustodianResourceEndpoint', ai.dataCustodianResourceEndpoint ?? '');
  el(out, 'thirdPartyScopeSelectionScreenURI', ai.thirdPartyScopeSelectionScreenURI);
  el(out, 'thirdPartyUserPortalScreenURI', ai.thirdPartyUserPortalScreenURI);
  // client_secret is required by the schema but the model never holds one: published feeds (what a
  // customer or another third party may read) must not carry a credential, so it is written empty.
  el(out, 'client_secret', '');
  el(out, 'logo_uri', ai.logoUri);
  el(out, 'client_name', limit(ai.clientName ?? '', 256));
  el(out, 'client_uri', ai.clientUri);
  for (const uri of ai.redirectUris.length > 0 ? ai.redirectUris : ['']) el(out, 'redirect_uri', uri);
  el(out, 'client_id', limit(ai.clientId ?? '', 64));
  el(out, 'tos_uri', ai.tosUri);
  el(out, 'policy_uri', ai.policyUri);
  el(out, 'software_id', limit(ai.softwareId ?? '', 256));
  el(out, 'software_version', limit(ai.softwareVersion ?? '', 32));
  const issued = published ? Date.parse(published) / 1000 : 0;
  el(out, 'client_id_issued_at', Number.isFinite(issued) ? issued : 0);
  el(out, 'client_secret_expires_at', 0); // 0 = never (XSD doc)
  for (const contact of ai.contacts) el(out, 'contacts', limit(contact, 256));
  el(out, 'token_endpoint_auth_method', 'client_secret_basic');
  for (const scope of ai.scopes.length > 0 ? ai.scopes : ['']) el(out, 'scope', limit(scope, 256));
  // grant_types needs at least two schema values; the model's list is filtered to those and, if short,
  // completed with the pair every Connect My Data client uses (authorization_code + refresh_token).
  const grants = ai.grantTypes.filter((g) => GRANT_TYPES.has(g));
  for (const g of ['authorization_code', 'refresh_token'])
    if (grants.length < 2 && !grants.includes(g)) grants.push(g);
  for (const g of grants) el(out, 'grant_types', g);
  el(out, 'response_types', 'code');
  el(out, 'registration_client_uri', selfHref);
  // registration_access_token is a credential too: required, written empty for the reason above.
  el(out, 'registration_access_token', '');
  out.push('</espi:ApplicationInformation>');
}

// --- Atom ------------------------------------------------------------------------------------------------

const RESOURCE_NAMES = new Set([
  'UsagePoint',
  'MeterReading',
  'ReadingType',
  'IntervalBlock',
  'LocalTimeParameters',
  'UsageSummary',
  'ElectricPowerUsageSummary',
  'ElectricPowerQualitySummary',
  'Authorization',
  'ApplicationInformation',
  'Subscription',
]);

const CUSTOMER_NAMES: ReadonlySet<string> = new Set(CUSTOMER_RESOURCE_NAMES);

/** `espi-entry/X` or `cust-entry/X` for a member; `…-feed/X` for a collection (docs/espi.md 2.1). */
function typeOf(name: string, member: boolean): string {
  return `${CUSTOMER_NAMES.has(name) ? 'cust' : 'espi'}-${member ? 'entry' : 'feed'}/${name}`;
}

/** The link type convention for an href, from its last two path segments. */
function linkType(href: string): string | undefined {
  const path = href.split(/[?#]/, 1)[0] ?? '';
  const segments = path.split('/').filter((s) => s.length > 0);
  for (let i = segments.length - 1; i >= 0 && i >= segments.length - 2; i--) {
    const name = segments[i] ?? '';
    if (RESOURCE_NAMES.has(name) || CUSTOMER_NAMES.has(name)) return typeOf(name, i !== segments.length - 1);
  }
  return undefined;
}

function link(out: Out, rel: string, href: string, type: string | undefined): void {
  out.push(`<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${type}"` : ''}/>`);
}

/** The collection an entry's self link belongs to: self minus its last segment (docs/espi.md 2.1). */
export function parentHref(selfHref: string): string {
  const trimmed = selfHref.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  return cut > 0 ? trimmed.slice(0, cut) : trimmed;
}

function entryMeta(entry: EspiEntry): AtomMeta {
  return entry.kind === 'IntervalBlock' ? entry.block.meta : entry.resource.meta;
}

function entryElementName(entry: EspiEntry): string {
  return entry.kind === 'UsageSummary' ? entry.resource.element : entry.kind;
}

function writeEntryBody(out: Out, entry: EspiEntry, namespaces: string): void {
  const meta = entryMeta(entry);
  const name = entryElementName(entry);
  if (!meta.selfHref) {
    throw new Error(
      `Cannot write the ${name} entry${meta.id ? ` ${meta.id}` : ''}: it has no self link. ` +
        'Pass the document through documentToEntries, which fills missing links under a base URL.',
    );
  }
  const self = meta.selfHref;
  out.push(`<entry${namespaces}>`);
  out.push(`<id>${escapeXml(meta.id ?? espiId(self))}</id>`);
  // All links together: libxml2 applies atom.xsd's minOccurs="2" to each run of consecutive links.
  link(out, 'self', self, typeOf(name, true));
  const up = meta.upHref ?? parentHref(self);
  link(out, 'up', up, linkType(up) ?? typeOf(name, false));
  for (const href of meta.relatedHrefs) link(out, 'related', href, linkType(href));
  if (meta.title !== undefined) out.push(`<title>${escapeXml(meta.title)}</title>`);
  const published = atomDateTime(meta.published);
  const updated = atomDateTime(meta.updated);
  if (published) out.push(`<published>${published}</published>`);
  if (updated) out.push(`<updated>${updated}</updated>`);
  out.push('<content>');
  switch (entry.kind) {
    case 'UsagePoint':
      usagePointContent(out, entry.resource);
      break;
    case 'MeterReading':
      out.push('<espi:MeterReading/>');
      break;
    case 'ReadingType':
      readingTypeContent(out, entry.resource);
      break;
    case 'IntervalBlock':
      intervalBlockContent(out, entry.meterReading, entry.block);
      break;
    case 'LocalTimeParameters':
      localTimeContent(out, entry.resource);
      break;
    case 'UsageSummary':
      usageSummaryContent(out, entry.resource);
      break;
    case 'Authorization':
      authorizationContent(out, entry.resource, self);
      break;
    case 'ApplicationInformation':
      applicationInformationContent(out, entry.resource, self, published);
      break;
    case 'ElectricPowerQualitySummary':
      powerQualityContent(out, entry.resource);
      break;
    default:
      customerContent(out, entry);
  }
  out.push('</content></entry>');
}

const NAMESPACES = ` xmlns="${ATOM_NS}" xmlns:espi="${ESPI_NS}"`;

/** One entry as a standalone document (a member GET). */
export function writeEntry(entry: EspiEntry): string {
  const out: Out = [XML_DECLARATION];
  writeEntryBody(out, entry, NAMESPACES);
  out.push('\n');
  return out.join('');
}

/** The feed's opening: the XML declaration, `<feed>`, its id, title, updated and links. */
function feedHead(header: FeedHeader): string {
  const updated = atomDateTime(header.updated) ?? isoSeconds(0);
  const selfType = linkType(header.selfHref);
  return [
    XML_DECLARATION,
    `<feed${NAMESPACES}>\n`,
    `<id>${escapeXml(header.id ?? espiId(header.selfHref))}</id>`,
    `<title>${escapeXml(header.title)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="self" href="${escapeXml(header.selfHref)}"${selfType ? ` type="${selfType}"` : ''}/>\n`,
    header.nextHref ? `<link rel="next" href="${escapeXml(header.nextHref)}"/>\n` : '',
  ].join('');
}

const FEED_TAIL = '</feed>\n';

/** Entries as text in chunks of about `chunkChars` characters. */
function* entryChunks(entries: Iterable<EspiEntry>, chunkChars: number): Generator<string> {
  let out: Out = [];
  let size = 0;
  for (const entry of entries) {
    const before = out.length;
    writeEntryBody(out, entry, '');
    out.push('\n');
    for (let i = before; i < out.length; i++) size += (out[i] ?? '').length;
    if (size >= chunkChars) {
      yield out.join('');
      out = [];
      size = 0;
    }
  }
  if (out.length > 0) yield out.join('');
}

/**
 * A feed in chunks of a few hundred kilobytes, for streaming a large response without holding it twice.
 * Joining the chunks gives exactly `writeFeed`'s output.
 */
export function* writeFeedChunks(
  header: FeedHeader,
  entries: Iterable<EspiEntry>,
  chunkChars = 1 << 18,
): Generator<string> {
  yield feedHead(header);
  yield* entryChunks(entries, chunkChars);
  yield FEED_TAIL;
}

/** A whole Atom feed. */
export function writeFeed(header: FeedHeader, entries: Iterable<EspiEntry>): string {
  return Array.from(writeFeedChunks(header, entries)).join('');
}

/** The ReadServiceStatus answer: a bare ESPI `ServiceStatus` document, not Atom (docs/espi.md 1.3). */
export function writeServiceStatus(status: 0 | 1): string {
  return `${XML_DECLARATION}<ServiceStatus xmlns="${ESPI_NS}"><currentStatus>${status}</currentStatus></ServiceStatus>\n`;
}

// --- Document to entries ----------------------------------------------------------------------------------

export interface DocumentExportOptions {
  /** The custodian's resource endpoint, e.g. `https://dc.example.com/DataCustodian/espi/1_1/resource`. */
  baseUrl: string;
  /**
   * Collection URL of the usage points, e.g. `${baseUrl}/Subscription/5/UsagePoint` for a subscription
   * feed; `${baseUrl}/UsagePoint` by default.
   */
  usagePointsHref?: string;
}

function withMeta(meta: AtomMeta, selfHref: string, related: readonly string[]): AtomMeta {
  const self = meta.selfHref ?? selfHref;
  const relatedHrefs = [...meta.relatedHrefs];
  for (const href of related) if (!relatedHrefs.includes(href)) relatedHrefs.push(href);
  return {
    ...meta,
    id: meta.id ?? espiId(self),
    selfHref: self,
    upHref: meta.upHref ?? parentHref(self),
    relatedHrefs,
  };
}

/**
 * Every resource of a document as entries in parent-first order (UsagePoint, LocalTimeParameters,
 * MeterReading, ReadingType, IntervalBlocks, summaries; then orphan MeterReadings, Authorizations and
 * ApplicationInformation), with missing ids and self/up/related links filled deterministically under
 * `baseUrl`, so a parsed real file can be re-exported. The document is not modified.
 */
export function documentToEntries(doc: EspiDocument, options: DocumentExportOptions): EspiEntry[] {
  return createEntryBuilder(options)(doc);
}

/**
 * `documentToEntries` for a file written in parts (one meter's document after another): the numbering of
 * filled-in links, and the LocalTimeParameters and ReadingTypes already written, carry over from one part
 * to the next, so the parts' entries are those of the one document they add up to (when each part's
 * unlinked resources, orphans and authorizations, come last, as in a Download My Data export: it has none).
 */
export function createEntryBuilder(options: DocumentExportOptions): (doc: EspiDocument) => EspiEntry[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const usagePointsHref = options.usagePointsHref?.replace(/\/+$/, '') ?? `${base}/UsagePoint`;
  const localTimes = new Map<LocalTimeParameters, { written: LocalTimeParameters; emitted: boolean }>();
  const readingTypeEntries = new Map<ReadingType, ReadingType>();
  const counts = { usagePoints: 0, orphans: 0, authorizations: 0, applications: 0 };

  return (doc) => {
    const entries: EspiEntry[] = [];
    const prepareLocalTime = (ltp: LocalTimeParameters) => {
      let prepared = localTimes.get(ltp);
      if (!prepared) {
        const meta = withMeta(ltp.meta, `${base}/LocalTimeParameters/${localTimes.size + 1}`, []);
        prepared = { written: { ...ltp, meta }, emitted: false };
        localTimes.set(ltp, prepared);
      }
      return prepared;
    };
    const emitLocalTime = (ltp: LocalTimeParameters): LocalTimeParameters => {
      const prepared = prepareLocalTime(ltp);
      if (!prepared.emitted) {
        prepared.emitted = true;
        entries.push({ kind: 'LocalTimeParameters', resource: prepared.written });
      }
      return prepared.written;
    };

    const meterReadingEntries = (mr: MeterReading, selfHref: string): void => {
      const rt = mr.readingType;
      let rtWritten = rt ? readingTypeEntries.get(rt) : undefined;
      const newReadingType = rt !== undefined && rtWritten === undefined;
      if (rt && !rtWritten) {
        rtWritten = {
          ...rt,
          meta: withMeta(rt.meta, `${base}/ReadingType/${readingTypeEntries.size + 1}`, []),
        };
        readingTypeEntries.set(rt, rtWritten);
      }
      const self = mr.meta.selfHref ?? selfHref;
      const related = [
        ...(rtWritten?.meta.selfHref ? [rtWritten.meta.selfHref] : []),
        `${self}/IntervalBlock`,
      ];
      const written: MeterReading = { ...mr, meta: withMeta(mr.meta, self, related) };
      if (rtWritten) written.readingType = rtWritten;
      entries.push({ kind: 'MeterReading', resource: written });
      if (newReadingType && rtWritten) entries.push({ kind: 'ReadingType', resource: rtWritten });
      mr.blocks.forEach((block, k) => {
        const blockSelf = `${written.meta.selfHref ?? self}/IntervalBlock/${k + 1}`;
        entries.push({
          kind: 'IntervalBlock',
          meterReading: written,
          block: { ...block, meta: withMeta(block.meta, blockSelf, []) },
        });
      });
    };

    for (const up of doc.usagePoints) {
      const self = up.meta.selfHref ?? `${usagePointsHref}/${++counts.usagePoints}`;
      const summaryCollections = [...new Set(up.usageSummaries.map((s) => `${self}/${s.element}`))];
      const ltpSelf = up.localTime ? prepareLocalTime(up.localTime).written.meta.selfHref : undefined;
      const related = [
        ...(up.meterReadings.length > 0 ? [`${self}/MeterReading`] : []),
        ...summaryCollections,
        ...(ltpSelf ? [ltpSelf] : []),
      ];
      const written: UsagePoint = { ...up, meta: withMeta(up.meta, self, related) };
      entries.push({ kind: 'UsagePoint', resource: written });
      if (up.localTime) written.localTime = emitLocalTime(up.localTime);
      up.meterReadings.forEach((mr, j) => meterReadingEntries(mr, `${self}/MeterReading/${j + 1}`));
      up.usageSummaries.forEach((s, k) => {
        const summarySelf = `${self}/${s.element}/${k + 1}`;
        entries.push({
          kind: 'UsageSummary',
          resource: { ...s, meta: withMeta(s.meta, summarySelf, [self]) },
        });
      });
    }
    for (const ltp of doc.localTimeParameters) emitLocalTime(ltp);
    for (const mr of doc.orphanMeterReadings)
      meterReadingEntries(mr, `${base}/MeterReading/${++counts.orphans}`);
    for (const a of doc.authorizations) {
      entries.push({
        kind: 'Authorization',
        resource: { ...a, meta: withMeta(a.meta, `${base}/Authorization/${++counts.authorizations}`, []) },
      });
    }
    for (const ai of doc.applicationInformation) {
      const meta = withMeta(ai.meta, `${base}/ApplicationInformation/${++counts.applications}`, []);
      entries.push({ kind: 'ApplicationInformation', resource: { ...ai, meta } });
    }
    return entries;
  };
}

export interface DownloadMyDataOptions extends DocumentExportOptions {
  /** Self link of the file's feed; `${baseUrl}/Batch/RetailCustomer/{id}/UsagePoint` in the RI. Default: the usage points collection. */
  selfHref?: string;
  title?: string;
  /** Feed `updated`; by default the latest `updated` of the document's resources (so the same data gives the same file). */
  updated?: string;
}

/** A Download My Data file: every resource of the document in one feed (docs/espi.md 1.3, FB 2). */
export function writeDownloadMyData(doc: EspiDocument, options: DownloadMyDataOptions): string {
  const entries = documentToEntries(doc, options);
  let latest: string | undefined;
  let latestMs = -Infinity;
  for (const entry of entries) {
    const when = atomDateTime(entryMeta(entry).updated);
    const ms = when ? Date.parse(when) : NaN;
    if (when && ms > latestMs) {
      latestMs = ms;
      latest = when;
    }
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  return writeFeed(
    {
      title: options.title ?? 'Green Button Download My Data',
      selfHref: options.selfHref ?? options.usagePointsHref ?? `${base}/UsagePoint`,
      updated: options.updated ?? latest ?? isoSeconds(0),
    },
    entries,
  );
}

/**
 * A Download My Data file written as it goes, one document (a meter's) at a time, for exports too large
 * to hold: `head`, then `part` for each document, then `tail`. The parts' text joined is exactly
 * `writeDownloadMyData` of the one document they add up to, given the same `updated` (which a streamed
 * file must know before its first entry, where the whole-document writer takes the latest of them all).
 */
export function createDownloadMyDataWriter(options: DownloadMyDataOptions & { updated: string }): {
  head: string;
  part(doc: EspiDocument, chunkChars?: number): Generator<string>;
  tail: string;
} {
  const base = options.baseUrl.replace(/\/+$/, '');
  const entriesOf = createEntryBuilder(options);
  return {
    head: feedHead({
      title: options.title ?? 'Green Button Download My Data',
      selfHref: options.selfHref ?? options.usagePointsHref ?? `${base}/UsagePoint`,
      updated: options.updated,
    }),
    part: (doc, chunkChars = 1 << 18) => entryChunks(entriesOf(doc), chunkChars),
    tail: FEED_TAIL,
  };
}
