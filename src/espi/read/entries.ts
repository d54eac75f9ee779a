/**
 * Walks the document: an Atom feed of entries, a bare entry, or a bare ESPI resource (docs/espi.md 2.1:
 * files with no feed wrapper exist). Each entry's Atom envelope and the ESPI resources in its content
 * are staged as read; links are tied together afterwards (`link-graph.ts`), since entries come in any order.
 */
import {
  CUSTOMER_NS,
  type CustomerAccount,
  type ServiceLocation,
  type Statement,
} from '../customer-model.ts';
import { EspiReadError } from '../errors.ts';
import type {
  ApplicationInformation,
  AtomMeta,
  Authorization,
  LocalTimeParameters,
  MeterReading,
  ReadingType,
  UsagePoint,
  UsageSummary,
} from '../model.ts';
import { here, type ReadContext } from './context.ts';
import { readCustomerAccount, readServiceLocation, readStatement } from './customer-resources.ts';
import { readIntervalBlock, type StagedBlock } from './interval-block.ts';
import {
  readApplicationInformation,
  readAuthorization,
  readLocalTimeParameters,
  readReadingType,
  readUsagePoint,
  readUsageSummary,
} from './resources.ts';
import { OPEN } from '../xml-scanner.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ESPI_NS = 'http://naesb.org/espi';

export type StagedResource =
  | { kind: 'UsagePoint'; value: UsagePoint }
  | { kind: 'MeterReading'; value: MeterReading }
  | { kind: 'ReadingType'; value: ReadingType }
  | { kind: 'IntervalBlock'; value: StagedBlock }
  | { kind: 'LocalTimeParameters'; value: LocalTimeParameters }
  | { kind: 'UsageSummary'; value: UsageSummary }
  | { kind: 'Authorization'; value: Authorization }
  | { kind: 'ApplicationInformation'; value: ApplicationInformation }
  | { kind: 'CustomerAccount'; value: CustomerAccount }
  | { kind: 'ServiceLocation'; value: ServiceLocation }
  | { kind: 'Statement'; value: Statement };

export interface StagedEntry {
  /** 1-based position among the document's entries. */
  number: number;
  /** Position of the entry's start tag. */
  pos: number;
  /** Hrefs as written; `link-graph.ts` resolves them. */
  meta: AtomMeta;
  resources: StagedResource[];
}

export interface StagedDocument {
  /** The feed's own `link rel="self"`, as written. */
  feedSelf?: string;
  /** The feed's `link rel="next"` (its next page), as written. */
  feedNext?: string;
  entries: StagedEntry[];
}

const emptyReadings = () => ({
  count: 0,
  start: new Float64Array(0),
  duration: new Uint32Array(0),
  value: new Float64Array(0),
  quality: new Uint8Array(0),
});

export function readDocument(ctx: ReadContext): StagedDocument {
  const { sc } = ctx;
  sc.next();
  ctx.namespaces.enter(sc);
  const ns = ctx.namespaces.namespaceOf(sc);
  const doc: StagedDocument = { entries: [] };
  if (ns === ATOM_NS && sc.is('feed')) readFeed(ctx, doc);
  else if (ns === ATOM_NS && sc.is('entry')) doc.entries.push(readEntry(ctx, 1));
  else if (ns !== undefined && (ns === ESPI_NS || ns.startsWith(`${ESPI_NS}/`))) {
    const entry: StagedEntry = { number: 1, pos: sc.tagStart, meta: { relatedHrefs: [] }, resources: [] };
    ctx.context = 'root element';
    readResource(ctx, entry);
    doc.entries.push(entry);
  } else {
    throw new EspiReadError(
      'not-espi',
      `The root element <${sc.qname()}> ${ns ? `is in namespace "${ns}"` : 'has no namespace'}: a Green Button file is an Atom feed or entry (${ATOM_NS}) or an ESPI resource (${ESPI_NS}).`,
      { line: sc.lineAt(sc.tagStart) },
    );
  }
  sc.next(); // EOF; the scanner refuses anything but whitespace, comments and PIs after the root
  return doc;
}

function readFeed(ctx: ReadContext, doc: StagedDocument): void {
  const { sc } = ctx;
  if (sc.selfClosing) return;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('entry')) doc.entries.push(readEntry(ctx, doc.entries.length + 1));
    else if (sc.is('link')) {
      const rel = sc.attr('rel');
      const href = sc.attr('href')?.trim();
      if (href && rel === 'self') doc.feedSelf ??= href;
      else if (href && rel === 'next') doc.feedNext ??= href;
      sc.skip();
    } else sc.skip();
  }
}

function readEntry(ctx: ReadContext, number: number): StagedEntry {
  const { sc } = ctx;
  const meta: AtomMeta = { relatedHrefs: [] };
  const entry: StagedEntry = { number, pos: sc.tagStart, meta, resources: [] };
  ctx.context = `entry ${number}`;
  ctx.progress();
  if (sc.selfClosing) return entry;
  ctx.namespaces.enter(sc);
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('link')) {
      readLink(ctx, meta);
    } else if (sc.is('content')) {
      if (sc.selfClosing) continue;
      ctx.namespaces.enter(sc);
      for (let u = sc.next(); u === OPEN; u = sc.next()) {
        // Some producers put the entry's Atom dates inside content: they are the entry's, not a resource.
        if (sc.is('published') || sc.is('updated')) readDate(ctx, meta);
        else readResource(ctx, entry);
      }
      ctx.namespaces.leave();
    } else if (sc.is('id')) meta.id = sc.readText().trim();
    else if (sc.is('title')) meta.title = sc.readText().trim();
    else if (sc.is('published') || sc.is('updated')) readDate(ctx, meta);
    else sc.skip();
  }
  ctx.namespaces.leave();
  return entry;
}

/** Atom `published` or `updated`; the first one met is kept. */
function readDate(ctx: ReadContext, meta: AtomMeta): void {
  const { sc } = ctx;
  const name = sc.is('published') ? 'published' : 'updated';
  const text = sc.readText().trim();
  meta[name] ??= text;
}

function readLink(ctx: ReadContext, meta: AtomMeta): void {
  const { sc } = ctx;
  // Atom (RFC 4287 4.2.7.2): a link without rel is "alternate".
  const rel = sc.attr('rel') ?? 'alternate';
  const href = sc.attr('href')?.trim();
  sc.skip();
  if (!href) return;
  if (rel === 'self') meta.selfHref ??= href;
  else if (rel === 'up') meta.upHref ??= href;
  else if (rel === 'related') meta.relatedHrefs.push(href);
}

/** Reads one ESPI resource element (the scanner is on its start tag) into `entry.resources`. */
function readResource(ctx: ReadContext, entry: StagedEntry): void {
  const { sc } = ctx;
  const { meta, resources } = entry;
  const name = sc.localName();
  ctx.context = `entry ${entry.number} (${name})`;
  if (ctx.namespaces.namespaceOf(sc) === CUSTOMER_NS) {
    readCustomerResource(ctx, entry);
    return;
  }
  checkNamespace(ctx);
  switch (name) {
    case 'IntervalBlock':
      resources.push({ kind: 'IntervalBlock', value: readIntervalBlock(ctx) });
      return;
    case 'UsagePoint':
      resources.push({ kind: 'UsagePoint', value: readUsagePoint(ctx, meta) });
      return;
    case 'MeterReading':
      readMeterReading(ctx, entry);
      return;
    case 'ReadingType':
      resources.push({ kind: 'ReadingType', value: readReadingType(ctx, meta) });
      return;
    case 'LocalTimeParameters':
      resources.push({ kind: 'LocalTimeParameters', value: readLocalTimeParameters(ctx, meta) });
      return;
    case 'UsageSummary':
    case 'ElectricPowerUsageSummary':
      resources.push({ kind: 'UsageSummary', value: readUsageSummary(ctx, meta, name) });
      return;
    case 'Authorization':
      resources.push({ kind: 'Authorization', value: readAuthorization(ctx, meta) });
      return;
    case 'ApplicationInformation':
      resources.push({ kind: 'ApplicationInformation', value: readApplicationInformation(ctx, meta) });
      return;
    default:
      skipUnread(ctx, name);
  }
}

/** The retail-customer resources (customer.xsd) the portal shows: accounts, service addresses, bills. */
function readCustomerResource(ctx: ReadContext, entry: StagedEntry): void {
  const { meta, resources } = entry;
  const name = ctx.sc.localName();
  switch (name) {
    case 'CustomerAccount':
      resources.push({ kind: 'CustomerAccount', value: readCustomerAccount(ctx, meta) });
      return;
    case 'ServiceLocation':
      resources.push({ kind: 'ServiceLocation', value: readServiceLocation(ctx, meta) });
      return;
    case 'Statement':
      resources.push({ kind: 'Statement', value: readStatement(ctx, meta) });
      return;
    default:
      skipUnread(ctx, name);
  }
}

function skipUnread(ctx: ReadContext, name: string): void {
  ctx.log.add(
    'unsupported-resource',
    `<${name}> is not read by this portal (it shows usage, summaries, authorizations, accounts, service addresses and bills); skipped.`,
    here(ctx),
    false,
  );
  ctx.sc.skip();
}

/** Reports, once per namespace, resources in another namespace than ESPI's. */
function checkNamespace(ctx: ReadContext): void {
  const ns = ctx.namespaces.namespaceOf(ctx.sc) ?? '';
  if (ns === ESPI_NS || !ctx.namespaces.firstSighting(ns)) return;
  ctx.log.add(
    'foreign-namespace',
    ns
      ? `<${ctx.sc.qname()}> is in namespace "${ns}", not ESPI's (${ESPI_NS}): it is read as ESPI by its element names, which may not mean what ESPI means.`
      : `<${ctx.sc.qname()}> is in no namespace (its prefix is not declared), not ESPI's (${ESPI_NS}): it is read as ESPI by its element names.`,
    here(ctx),
    false,
  );
}

function readMeterReading(ctx: ReadContext, entry: StagedEntry): void {
  const { sc } = ctx;
  const reading: MeterReading = { meta: entry.meta, blocks: [], readings: emptyReadings() };
  entry.resources.push({ kind: 'MeterReading', value: reading });
  if (sc.selfClosing) return;
  for (let t = sc.next(); t === OPEN; t = sc.next()) {
    if (sc.is('ReadingType')) {
      // Schema-invalid but real (FIX openespi-Usage-Subscription-Feed): the ReadingType nested in its MeterReading.
      ctx.log.add(
        'nested-reading-type',
        'ReadingType found inside MeterReading instead of in its own entry; used for this MeterReading.',
        here(ctx),
        false,
      );
      reading.readingType = readReadingType(ctx, { relatedHrefs: [] });
    } else sc.skip();
  }
}
