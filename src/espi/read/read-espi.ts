/**
 * The ESPI reader: Green Button Atom XML (feeds, single entries, bare resources; any prefix) into the
 * typed model. Unreadable input throws an `EspiReadError`; everything recoverable becomes a warning,
 * with `partial` set where data was left out.
 */
import type { EspiDocument, LocalTimeParameters } from '../model.ts';
import { linkDocument } from '../link-graph.ts';
import { assembleReadings } from './assemble.ts';
import { ReadingColumns } from './columns.ts';
import { PlainReadingReader } from './plain-reading.ts';
import type { ReadContext } from './context.ts';
import { readDocument, type StagedDocument } from './entries.ts';
import { decodeInput } from './input.ts';
import { NamespaceScopes } from './namespaces.ts';
import { WarningLog } from './warnings.ts';
import { XmlScanner } from '../xml-scanner.ts';
import { countOf, nounFor } from '../plural.ts';

export interface ReadLimits {
  /** Input size, in bytes (or characters for a string). */
  maxBytes: number;
  /** Element nesting depth; ESPI needs about 10. */
  maxDepth: number;
  /** IntervalReadings in the whole document. */
  maxReadings: number;
}

/** Generous for real data (10 meters x 3 years of 15-minute readings is about 1 million), refusing absurd input. */
export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxDepth: 64,
  maxReadings: 20_000_000,
};

export interface ReadOptions {
  /** Address the document came from: relative link hrefs resolve against it. */
  baseUrl?: string;
  /** Called with 0..1 as the text is read, at most about 100 times, and with 1 at the end. */
  onProgress?: (fraction: number) => void;
  limits?: Partial<ReadLimits>;
}

const PROGRESS_STEPS = 100;

/** What every reader shares: the input decoded, scanned within the limits and walked into staged entries. */
export interface WalkedDocument {
  staged: StagedDocument;
  log: WarningLog;
  sc: XmlScanner;
  columns: ReadingColumns;
}

export function walkDocument(input: string | Uint8Array, options: ReadOptions = {}): WalkedDocument {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const text = decodeInput(input, limits.maxBytes);
  const sc = new XmlScanner(text, limits.maxDepth);
  const log = new WarningLog();
  const { onProgress } = options;
  const step = Math.max(1, Math.ceil(text.length / PROGRESS_STEPS));
  let nextReport = onProgress ? step : Infinity;
  const ctx: ReadContext = {
    sc,
    log,
    // A reading takes at least about 110 characters of XML (150 to 250 in real files), so this capacity is
    // rarely outgrown; the pages past the last reading are never touched, so they cost no memory.
    columns: new ReadingColumns(Math.ceil(text.length / 100)),
    plain: new PlainReadingReader(text),
    maxReadings: limits.maxReadings,
    namespaces: new NamespaceScopes(),
    context: 'document',
    fractionalTimes: 0,
    progress() {
      if (sc.pos < nextReport) return;
      nextReport = (Math.floor(sc.pos / step) + 1) * step;
      onProgress?.(Math.min(sc.pos / text.length, 0.99));
    },
  };

  const staged = readDocument(ctx);
  if (ctx.fractionalTimes > 0)
    log.add(
      'fractional-seconds',
      `${countOf(ctx.fractionalTimes, 'interval start or duration', 'interval starts or durations')} ${nounFor(ctx.fractionalTimes, 'has', 'have')} a fraction of a second; ESPI times are whole seconds, so the fraction is dropped.`,
      undefined,
      false,
    );
  return { staged, log, sc, columns: ctx.columns };
}

export function readEspi(input: string | Uint8Array, options: ReadOptions = {}): EspiDocument {
  const { staged, log, sc, columns } = walkDocument(input, options);
  if (staged.feedNext !== undefined)
    // Usage data split over pages cannot be tied together page by page (a block's MeterReading may be on
    // another page), so a page is shown as what it is: part of the data.
    log.add(
      'more-pages',
      'This is one page of a longer feed (it links a next page, rel="next"): readings on the other pages are not in it.',
      undefined,
      true,
    );
  const linked = linkDocument(staged, log, sc, options.baseUrl);
  assembleReadings(linked, columns, log, sc);
  for (const l of linked.localTimeParameters)
    checkTimeZone(l.value, log, `entry ${l.entry.number} (LocalTimeParameters)`, sc.lineAt(l.entry.pos));

  const doc: EspiDocument = {
    usagePoints: linked.usagePoints,
    orphanMeterReadings: linked.orphanMeterReadings,
    ...(linked.orphanUsageSummaries.length > 0 ? { orphanUsageSummaries: linked.orphanUsageSummaries } : {}),
    localTimeParameters: linked.localTimeParameters.map((l) => l.value),
    authorizations: staged.entries.flatMap((e) =>
      e.resources.flatMap((r) => (r.kind === 'Authorization' ? [r.value] : [])),
    ),
    applicationInformation: staged.entries.flatMap((e) =>
      e.resources.flatMap((r) => (r.kind === 'ApplicationInformation' ? [r.value] : [])),
    ),
    warnings: log.finish(),
    partial: log.partial,
  };
  options.onProgress?.(1);
  return doc;
}

/** Month (1-12) a DstRuleType word applies to (bits 28-31, docs/espi.md 2.2). */
function ruleMonth(rule: number | undefined): number | undefined {
  return rule === undefined || rule === 0xffffffff ? undefined : (rule >>> 28) & 0xf;
}

/**
 * tzOffset is local standard time minus UTC, negative west of Greenwich. Real files write +18000 for US
 * Eastern (FIX ngma_gas_provider); the value is kept as written (the caller may know the custodian's zone)
 * and flagged when North American DST rules (March to November) come with an eastern-hemisphere offset.
 */
function checkTimeZone(l: LocalTimeParameters, log: WarningLog, context: string, line: number): void {
  const tz = l.tzOffset;
  if (tz === undefined) return;
  const hours = tz / 3600;
  if (Math.abs(tz) > 14 * 3600) {
    log.add(
      'suspicious-tz-offset',
      `tzOffset ${tz} s (${hours} h) is outside the world's UTC-12..+14 range.`,
      { line, context },
      false,
    );
    return;
  }
  const northAmerican = ruleMonth(l.dstStartRule) === 3 && ruleMonth(l.dstEndRule) === 11;
  if (tz > 0 && northAmerican)
    log.add(
      'suspicious-tz-offset',
      `tzOffset is +${tz} s (UTC+${hours}) with North American DST rules (March to November): the sign is probably wrong (UTC-${hours}). Kept as written; local times from it will be off unless the zone is corrected.`,
      { line, context },
      false,
    );
}
