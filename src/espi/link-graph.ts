/**
 * Ties staged entries together through their Atom links (docs/espi.md 2.1): a child names its parent's
 * collection in `up` (`<parent self>/MeterReading`), or the parent lists the child (or its
 * collection) in `related`. Real files leave links out or get them wrong (FIX ngma_gas_provider: the
 * UsagePoint's self and its MeterReadings' up disagree; gas_direct: blocks without `up`), so each tie
 * falls back, with a warning, to the only candidate when there is exactly one.
 */
import type {
  AtomMeta,
  LocalTimeParameters,
  MeterReading,
  ReadingType,
  UsagePoint,
  UsageSummary,
} from './model.ts';
import type { StagedBlock } from './read/interval-block.ts';
import type { StagedDocument, StagedEntry } from './read/entries.ts';
import type { WarningLog } from './read/warnings.ts';
import type { XmlScanner } from './xml-scanner.ts';
import { countOf, nounFor } from './plural.ts';

/** Stands in for the document's address when neither the caller nor the feed gives an absolute one. */
const PLACEHOLDER_ORIGIN = 'http://relative.invalid';

export interface Staged<T> {
  value: T;
  entry: StagedEntry;
}

export interface LinkedDocument {
  usagePoints: UsagePoint[];
  orphanMeterReadings: MeterReading[];
  orphanUsageSummaries: UsageSummary[];
  /** Every MeterReading (claimed or orphan) with its blocks, in document order. */
  meterReadings: { value: MeterReading; entry: StagedEntry | undefined; blocks: Staged<StagedBlock>[] }[];
  localTimeParameters: Staged<LocalTimeParameters>[];
}

/** Resolves hrefs against `baseUrl`, then the feed's self link; relative results stay relative paths. */
export function hrefResolver(
  baseUrl: string | undefined,
  feedSelf: string | undefined,
): (href: string) => string {
  let base = (baseUrl && tryResolve(baseUrl, undefined)) || `${PLACEHOLDER_ORIGIN}/`;
  if (feedSelf) base = tryResolve(feedSelf, base) ?? base;
  // Every block of a MeterReading repeats the same `up` href: each distinct href is parsed once.
  const seen = new Map<string, string>();
  return (href) => {
    let result = seen.get(href);
    if (result === undefined) {
      const resolved = tryResolve(href, base);
      result =
        resolved === undefined
          ? href
          : resolved.startsWith(`${PLACEHOLDER_ORIGIN}/`)
            ? resolved.slice(PLACEHOLDER_ORIGIN.length)
            : resolved;
      seen.set(href, result);
    }
    return result;
  };
}

function tryResolve(href: string, base: string | undefined): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** Hrefs compare without a trailing slash. */
function key(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  let end = href.length;
  while (end > 0 && href.charCodeAt(end - 1) === 47) end--;
  return end === href.length ? href : href.slice(0, end);
}

/** How many path segments up from a child's self href a parent's self is looked for. ESPI nests about 8. */
const MAX_PREFIX_STEPS = 16;

/** What the child's links say about its parent: the one chosen, and another its links also name. */
interface FoundParent<P> {
  parent: P;
  conflict?: P;
}

/** Parents found by the hrefs their children may carry. */
class ParentIndex<P> {
  private readonly byHref = new Map<string, P>();
  private readonly bySelf = new Map<string, P>();

  add(parent: P, meta: AtomMeta, collections: readonly string[]): void {
    const self = key(meta.selfHref);
    if (self) {
      for (const c of collections) this.put(`${self}/${c}`, parent);
      if (!this.bySelf.has(self)) this.bySelf.set(self, parent);
    }
    for (const h of meta.relatedHrefs) this.put(key(h), parent);
  }

  /**
   * The parent whose collection is the child's `up`, else which lists the child, else whose self prefixes
   * the child's; with the first other parent those links name, when they disagree.
   */
  find(child: AtomMeta): FoundParent<P> | undefined {
    const up = key(child.upHref);
    const self = key(child.selfHref);
    const candidates = [
      up ? this.byHref.get(up) : undefined,
      self ? this.byHref.get(self) : undefined,
      self ? this.underSelf(self) : undefined,
    ].filter((p): p is P => p !== undefined);
    const [parent] = candidates;
    if (parent === undefined) return undefined;
    const conflict = candidates.find((p) => p !== parent);
    return conflict === undefined ? { parent } : { parent, conflict };
  }

  /** The parent whose self href is the longest path prefix of `self` (a map lookup per segment, not a scan of every parent). */
  private underSelf(self: string): P | undefined {
    let slash = self.lastIndexOf('/');
    for (let step = 0; slash > 0 && step < MAX_PREFIX_STEPS; step++) {
      const parent = this.bySelf.get(self.slice(0, slash));
      if (parent) return parent;
      slash = self.lastIndexOf('/', slash - 1);
    }
    return undefined;
  }

  private put(href: string | undefined, parent: P): void {
    if (href && !this.byHref.has(href)) this.byHref.set(href, parent);
  }
}

/** Whether two ReadingTypes say the same (their Atom envelopes aside): a re-sent copy, not a conflict. */
function sameFields(a: ReadingType, b: ReadingType): boolean {
  const fields = (t: ReadingType) =>
    JSON.stringify(
      Object.entries(t)
        .filter(([name]) => name !== 'meta')
        .sort(([x], [y]) => (x < y ? -1 : 1)),
    );
  return fields(a) === fields(b);
}

function describe(entry: StagedEntry | undefined, kind: string): string {
  if (!entry) return kind;
  const name = entry.meta.selfHref ?? entry.meta.id;
  return `entry ${entry.number} (${kind}${name ? ` ${name}` : ''})`;
}

export function linkDocument(
  staged: StagedDocument,
  log: WarningLog,
  sc: XmlScanner,
  baseUrl?: string,
): LinkedDocument {
  const resolve = hrefResolver(baseUrl, staged.feedSelf);
  const where = (entry: StagedEntry | undefined, kind: string) => ({
    ...(entry ? { line: sc.lineAt(entry.pos) } : {}),
    context: describe(entry, kind),
  });

  const usagePoints: Staged<UsagePoint>[] = [];
  const meterReadings: Staged<MeterReading>[] = [];
  const readingTypes: Staged<ReadingType>[] = [];
  const blocks: Staged<StagedBlock>[] = [];
  const localTimes: Staged<LocalTimeParameters>[] = [];
  const summaries: Staged<UsageSummary>[] = [];
  for (const entry of staged.entries) {
    const meta = entry.meta;
    if (meta.selfHref) meta.selfHref = resolve(meta.selfHref);
    if (meta.upHref) meta.upHref = resolve(meta.upHref);
    meta.relatedHrefs = meta.relatedHrefs.map(resolve);
    for (const r of entry.resources) {
      if (r.kind === 'UsagePoint') usagePoints.push({ value: r.value, entry });
      else if (r.kind === 'MeterReading') meterReadings.push({ value: r.value, entry });
      else if (r.kind === 'ReadingType') readingTypes.push({ value: r.value, entry });
      else if (r.kind === 'IntervalBlock') blocks.push({ value: r.value, entry });
      else if (r.kind === 'LocalTimeParameters') localTimes.push({ value: r.value, entry });
      else if (r.kind === 'UsageSummary') summaries.push({ value: r.value, entry });
    }
  }

  // IntervalBlock -> MeterReading
  const readingIndex = new ParentIndex<Staged<MeterReading>>();
  for (const m of meterReadings) readingIndex.add(m, m.entry.meta, ['IntervalBlock']);
  const blocksOf = new Map<MeterReading, Staged<StagedBlock>[]>(meterReadings.map((m) => [m.value, []]));
  const unlinkedBlocks: Staged<StagedBlock>[] = [];
  for (const b of blocks) {
    const found = readingIndex.find(b.entry.meta);
    let parent = found?.parent;
    if (found?.conflict)
      log.add(
        'conflicting-links',
        `IntervalBlock links to two MeterReadings (${describe(found.parent.entry, 'MeterReading')} by its "up" link, ${describe(found.conflict.entry, 'MeterReading')} by its own address): read as part of the first; check which series it belongs to.`,
        where(b.entry, 'IntervalBlock'),
        false,
      );
    if (!parent && meterReadings.length === 1) {
      parent = meterReadings[0];
      log.add(
        'link-fallback',
        'IntervalBlock has no link to a MeterReading; attached to the only MeterReading in the file.',
        where(b.entry, 'IntervalBlock'),
        false,
      );
    }
    if (parent) blocksOf.get(parent.value)?.push(b);
    else unlinkedBlocks.push(b);
  }
  const linked: LinkedDocument['meterReadings'] = meterReadings.map((m) => ({
    value: m.value,
    entry: m.entry,
    blocks: blocksOf.get(m.value) ?? [],
  }));
  if (unlinkedBlocks.length > 0) {
    // Kept under a MeterReading of their own rather than dropped; without a ReadingType their unit is unknown.
    const holder: MeterReading = {
      meta: { relatedHrefs: [] },
      blocks: [],
      readings: {
        count: 0,
        start: new Float64Array(0),
        duration: new Uint32Array(0),
        value: new Float64Array(0),
        quality: new Uint8Array(0),
      },
    };
    linked.push({ value: holder, entry: undefined, blocks: unlinkedBlocks });
    log.add(
      'unlinked-blocks',
      meterReadings.length === 0
        ? `${countOf(unlinkedBlocks.length, 'IntervalBlock')} and no MeterReading in the file: kept as one MeterReading of unknown type.`
        : `${countOf(unlinkedBlocks.length, 'IntervalBlock')} ${nounFor(unlinkedBlocks.length, 'links', 'link')} to none of the ${countOf(meterReadings.length, 'MeterReading')}: kept apart as one MeterReading of unknown type.`,
      where(unlinkedBlocks[0]?.entry, 'IntervalBlock'),
      meterReadings.length > 0,
    );
  }

  // MeterReading -> ReadingType
  const typeBySelf = new Map<string, ReadingType>();
  for (const t of readingTypes) {
    const self = key(t.entry.meta.selfHref);
    if (!self) continue;
    const first = typeBySelf.get(self);
    if (!first) typeBySelf.set(self, t.value);
    else if (!sameFields(first, t.value))
      log.add(
        'conflicting-reading-types',
        `Two different ReadingTypes share the address ${self}: the first one read is used for every MeterReading that links to it, this one is ignored.`,
        where(t.entry, 'ReadingType'),
        false,
      );
  }
  for (const m of linked) {
    if (m.value.readingType) continue;
    const linkedType = m.value.meta.relatedHrefs.map((h) => typeBySelf.get(key(h) ?? '')).find(Boolean);
    if (linkedType) m.value.readingType = linkedType;
    else if (readingTypes.length === 1 && readingTypes[0]) {
      m.value.readingType = readingTypes[0].value;
      log.add(
        'link-fallback',
        'MeterReading has no link to its ReadingType; using the only ReadingType in the file.',
        where(m.entry, 'MeterReading'),
        false,
      );
    } else {
      log.add(
        'missing-reading-type',
        readingTypes.length === 0
          ? 'MeterReading has no ReadingType: its unit, scale and flow direction are unknown and values are shown unscaled.'
          : `MeterReading links to none of the file's ${readingTypes.length} ReadingTypes: its unit is unknown and values are shown unscaled.`,
        where(m.entry, 'MeterReading'),
        false,
      );
    }
  }

  // MeterReading and summaries -> UsagePoint
  const pointIndex = new ParentIndex<Staged<UsagePoint>>();
  for (const p of usagePoints)
    pointIndex.add(p, p.entry.meta, ['MeterReading', 'UsageSummary', 'ElectricPowerUsageSummary']);
  const onlyPoint = usagePoints.length === 1 ? usagePoints[0] : undefined;
  const pointSelf = new Map(usagePoints.map((p) => [key(p.entry.meta.selfHref), p]));
  const findPoint = (meta: AtomMeta) =>
    pointIndex.find(meta)?.parent ?? meta.relatedHrefs.map((h) => pointSelf.get(key(h))).find(Boolean);
  const orphanMeterReadings: MeterReading[] = [];
  for (const m of linked) {
    const parent = m.entry ? findPoint(m.entry.meta) : undefined;
    if (parent) parent.value.meterReadings.push(m.value);
    else if (onlyPoint) {
      onlyPoint.value.meterReadings.push(m.value);
      log.add(
        'link-fallback',
        'MeterReading has no link to a UsagePoint; attached to the only UsagePoint in the file.',
        where(m.entry, 'MeterReading'),
        false,
      );
    } else {
      orphanMeterReadings.push(m.value);
      if (m.entry)
        log.add(
          'unlinked-meter-reading',
          usagePoints.length === 0
            ? 'MeterReading without a UsagePoint in the file: kept on its own.'
            : `MeterReading links to none of the ${usagePoints.length} UsagePoints: kept on its own.`,
          where(m.entry, 'MeterReading'),
          usagePoints.length > 0,
        );
    }
  }
  const orphanUsageSummaries: UsageSummary[] = [];
  for (const s of summaries) {
    const parent = findPoint(s.entry.meta) ?? onlyPoint;
    if (parent) parent.value.usageSummaries.push(s.value);
    else {
      orphanUsageSummaries.push(s.value);
      // A feed of summaries alone (no UsagePoint at all) is complete as it is; only a broken link is news.
      if (usagePoints.length > 0)
        log.add(
          'unlinked-summary',
          `${s.value.element} links to none of the ${usagePoints.length} UsagePoints: kept on its own.`,
          where(s.entry, s.value.element),
          false,
        );
    }
  }

  // UsagePoint -> LocalTimeParameters: linked from the UsagePoint, linking back to it, or the document's only one.
  const timeBySelf = new Map(localTimes.map((l) => [key(l.entry.meta.selfHref), l.value]));
  const timeByRelated = new Map<string | undefined, LocalTimeParameters>();
  for (const l of localTimes)
    for (const h of l.entry.meta.relatedHrefs)
      if (!timeByRelated.has(key(h))) timeByRelated.set(key(h), l.value);
  for (const p of usagePoints) {
    const self = key(p.entry.meta.selfHref);
    const time =
      p.entry.meta.relatedHrefs.map((h) => timeBySelf.get(key(h))).find(Boolean) ??
      (self ? timeByRelated.get(self) : undefined) ??
      (localTimes.length === 1 ? localTimes[0]?.value : undefined);
    if (time) p.value.localTime = time;
  }

  return {
    usagePoints: usagePoints.map((p) => p.value),
    orphanMeterReadings,
    orphanUsageSummaries,
    meterReadings: linked,
    localTimeParameters: localTimes,
  };
}
