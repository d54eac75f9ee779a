/**
 * Download My Data without personal details (issue 15), for sharing a file with a contractor or a
 * researcher: the readings, their times, units, costs and quality stay; whatever names the customer,
 * their premises, account or meter goes. In a usage document those hide in three places:
 *
 * - Atom titles, free text a utility fills with a site name, a street address or a meter number: dropped
 *   (Atom `title` is optional in ESPI feeds; the CSV then labels rows "Usage point 1 (electricity)");
 * - hrefs, whose path segments are ids (`RetailCustomer/{account}/UsagePoint/{meter}`) and whose host
 *   names the utility: rewritten under a neutral base, every id segment replaced by a pseudonym;
 * - Atom ids (`urn:uuid:…`, often a hash of the href): replaced by pseudonymous UUIDs.
 *
 * Authorizations and ApplicationInformation (who holds access to the data) and the reader's warnings
 * (which quote ids) are left out. The result is an ordinary EspiDocument: the same writers produce XML
 * that validates and a CSV.
 */
import type {
  AtomMeta,
  EspiDocument,
  IntervalBlock,
  LocalTimeParameters,
  MeterReading,
  ReadingType,
  UsagePoint,
  UsageSummary,
} from './model.ts';

/** The resource base of an anonymised file: `.invalid` (RFC 2606) names no one and resolves nowhere. */
export const ANONYMOUS_BASE_URL = 'https://anonymized.invalid/espi/1_1/resource';

/** Path segments of ESPI resource URLs that name a kind of resource, never a customer: kept as they are. */
const RESOURCE_NAMES = new Set([
  'ApplicationInformation',
  'Authorization',
  'Batch',
  'Bulk',
  'ElectricPowerQualitySummary',
  'ElectricPowerUsageSummary',
  'IntervalBlock',
  'LocalTimeParameters',
  'MeterReading',
  'ReadingType',
  'RetailCustomer',
  'Subscription',
  'UsagePoint',
  'UsageSummary',
]);

/**
 * Pseudonyms for one export: the same original (of the same kind) always gets the same pseudonym, so
 * links between resources still meet; a new export starts again from 1. A counter rather than a hash:
 * an unkeyed hash of a meter or account number can be reversed by hashing every possible number, and a
 * keyed one needs a secret kept somewhere; a counter tells nothing but the order things appeared in.
 */
export function createPseudonyms(): (kind: string, original: string) => number {
  const byKind = new Map<string, Map<string, number>>();
  return (kind, original) => {
    let known = byKind.get(kind);
    if (!known) byKind.set(kind, (known = new Map()));
    let pseudonym = known.get(original);
    if (pseudonym === undefined) known.set(original, (pseudonym = known.size + 1));
    return pseudonym;
  };
}

/** Every resource of `doc` with no title, and ids and links replaced by pseudonyms (module comment). */
export function anonymizeDocument(doc: EspiDocument): EspiDocument {
  return createAnonymizer()(doc);
}

/**
 * `anonymizeDocument` for an export written in parts (one meter's document after another): one set of
 * pseudonyms for the whole file, so an id met in two parts gets one pseudonym, as in one document.
 */
export function createAnonymizer(): (doc: EspiDocument) => EspiDocument {
  const pseudonym = createPseudonyms();

  /** The href under the neutral base: resource names kept, every other segment a pseudonym of it. */
  const href = (original: string): string => {
    const path = original.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
    const segments = path
      .replace(/^.*\/espi\/1_1\/resource(?=\/|$)/, '')
      .split('/')
      .filter(Boolean);
    let previous = '';
    const rewritten = segments.map((segment) => {
      const kept = RESOURCE_NAMES.has(segment) ? segment : String(pseudonym(previous, segment));
      previous = segment;
      return kept;
    });
    return [ANONYMOUS_BASE_URL, ...rewritten].join('/');
  };
  const atomId = (original: string) =>
    `urn:uuid:00000000-0000-4000-8000-${pseudonym('atom-id', original).toString(16).padStart(12, '0')}`;
  const meta = (m: AtomMeta): AtomMeta => ({
    ...(m.id === undefined ? {} : { id: atomId(m.id) }),
    ...(m.published === undefined ? {} : { published: m.published }),
    ...(m.updated === undefined ? {} : { updated: m.updated }),
    ...(m.selfHref === undefined ? {} : { selfHref: href(m.selfHref) }),
    ...(m.upHref === undefined ? {} : { upHref: href(m.upHref) }),
    relatedHrefs: m.relatedHrefs.map(href),
  });

  // Shared resources stay shared (one ReadingType or LocalTimeParameters object for several users), so
  // the writer still writes each once.
  const once = <T extends object>(rewrite: (value: T) => T) => {
    const done = new Map<T, T>();
    return (value: T): T => {
      let result = done.get(value);
      if (!result) done.set(value, (result = rewrite(value)));
      return result;
    };
  };
  const readingType = once((rt: ReadingType) => ({ ...rt, meta: meta(rt.meta) }));
  const localTime = once((ltp: LocalTimeParameters) => ({ ...ltp, meta: meta(ltp.meta) }));
  const block = (b: IntervalBlock): IntervalBlock => ({ ...b, meta: meta(b.meta) });
  const summary = (s: UsageSummary): UsageSummary => ({ ...s, meta: meta(s.meta) });
  const meterReading = (mr: MeterReading): MeterReading => ({
    ...mr,
    meta: meta(mr.meta),
    ...(mr.readingType ? { readingType: readingType(mr.readingType) } : {}),
    blocks: mr.blocks.map(block),
  });
  const usagePoint = (up: UsagePoint): UsagePoint => ({
    ...up,
    meta: meta(up.meta),
    meterReadings: up.meterReadings.map(meterReading),
    usageSummaries: up.usageSummaries.map(summary),
    ...(up.localTime ? { localTime: localTime(up.localTime) } : {}),
  });

  return (doc) => ({
    usagePoints: doc.usagePoints.map(usagePoint),
    orphanMeterReadings: doc.orphanMeterReadings.map(meterReading),
    ...(doc.orphanUsageSummaries ? { orphanUsageSummaries: doc.orphanUsageSummaries.map(summary) } : {}),
    localTimeParameters: doc.localTimeParameters.map(localTime),
    authorizations: [],
    applicationInformation: [],
    warnings: [],
    partial: doc.partial,
  });
}
