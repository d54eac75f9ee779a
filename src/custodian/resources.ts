/**
 * The ESPI resource graph of the generated data, as writer entries (`src/espi/write-xml.ts`: the one
 * XML code path). Entries are produced lazily: a feed first lists cheap descriptors (kind, times),
 * filters and pages them, and only then generates the readings of the entries it will send.
 */
import {
  type AtomMeta,
  type Authorization,
  type EpochSeconds,
  type EspiEntry,
  espiId,
  type IntervalReadings,
  isoSeconds,
  type UsageSummary,
} from '../espi/index.ts';

import type { ReadingSpec, UsagePointInfo } from './directory.ts';
import type { CustodianContext } from './context.ts';
import {
  blockSpans,
  dataEnd,
  flatCost,
  generateBlock,
  PUBLICATION_LAG,
  zoneOf,
  type BlockSpan,
  type Zone,
} from './readings.ts';
import type { ScopeLimits } from './scope-limits.ts';

/** When the directory's structural resources were published: a fixed date, so feeds are repeatable. */
export const STRUCTURE_PUBLISHED = Date.parse('2023-01-01T00:00:00Z') / 1000;

const NO_READINGS: IntervalReadings = {
  count: 0,
  start: new Float64Array(0),
  duration: new Uint32Array(0),
  value: new Float64Array(0),
  quality: new Uint8Array(0),
};

/** A feed member before it is built: enough to filter and page on. */
export interface EntryDescriptor {
  kind: EspiEntry['kind'];
  /** Epoch seconds. */
  published: number;
  updated: number;
  /** For interval data (IntervalBlock, summaries): the reading-time span, filtered by published-min/max. */
  span?: { start: number; end: number };
  build: () => EspiEntry;
}

export interface ResourceScope {
  ctx: CustodianContext;
  nowSeconds: EpochSeconds;
  limits: ScopeLimits;
  /** The subscription whose URL space the entries live in. */
  subscriptionId: string;
  /** The Authorization these terms come from, linked from each UsagePoint (a bulk mixes several). */
  authorizationUri?: string;
}

export function meta(
  self: string,
  title: string | undefined,
  published: number,
  updated: number,
  related: string[] = [],
): AtomMeta {
  return {
    id: espiId(self.replace(/^.*\/espi\/1_1\/resource/, '').replace(/^\/Subscription\/[^/]+/, '')),
    ...(title === undefined ? {} : { title }),
    selfHref: self,
    published: isoSeconds(published),
    updated: isoSeconds(updated),
    relatedHrefs: related,
  };
}

export function usagePointHref(s: ResourceScope, up: UsagePointInfo): string {
  return `${s.ctx.espiBase}/Subscription/${s.subscriptionId}/UsagePoint/${up.id}`;
}
export function readingTypeId(up: UsagePointInfo, spec: ReadingSpec): string {
  return `${spec.key}-${up.intervalLength}${spec.timeOfUseCost ? '-tou' : ''}`;
}
export function localTimeHref(ctx: CustodianContext, zone: Zone): string {
  return `${ctx.espiBase}/LocalTimeParameters/${zone.id}`;
}

/** Readings of a usage point this scope lets through (FB 7/8: received energy). */
export function visibleSpecs(limits: ScopeLimits, up: UsagePointInfo): ReadingSpec[] {
  return up.readings.filter((r) => r.flowDirection !== 19 || limits.received);
}

export function usagePointEntry(s: ResourceScope, up: UsagePointInfo): EspiEntry {
  const self = usagePointHref(s, up);
  const related = [
    `${self}/MeterReading`,
    ...(s.limits.summaries ? [`${self}/UsageSummary`] : []),
    localTimeHref(s.ctx, zoneOf(up.zone)),
    ...(s.authorizationUri ? [s.authorizationUri] : []),
  ];
  return {
    kind: 'UsagePoint',
    resource: {
      meta: meta(self, up.title, STRUCTURE_PUBLISHED, STRUCTURE_PUBLISHED, related),
      serviceKind: up.serviceKind,
      status: up.active ? 1 : 0,
      roleFlags: up.solarWatts > 0 ? '0008' : undefined,
      meterReadings: [],
      usageSummaries: [],
    },
  };
}

export function localTimeEntry(ctx: CustodianContext, zone: Zone): EspiEntry {
  const title = zone.id === 'pacific' ? 'US Pacific Time' : 'US Eastern Time';
  return {
    kind: 'LocalTimeParameters',
    resource: {
      meta: meta(localTimeHref(ctx, zone), title, STRUCTURE_PUBLISHED, STRUCTURE_PUBLISHED),
      ...zone.parameters,
    },
  };
}

export function readingTypeEntry(ctx: CustodianContext, up: UsagePointInfo, spec: ReadingSpec): EspiEntry {
  const self = `${ctx.espiBase}/ReadingType/${readingTypeId(up, spec)}`;
  return {
    kind: 'ReadingType',
    resource: {
      meta: meta(
        self,
        `${spec.key} every ${up.intervalLength / 60} minutes`,
        STRUCTURE_PUBLISHED,
        STRUCTURE_PUBLISHED,
      ),
      accumulationBehaviour: 4,
      commodity: spec.commodity,
      ...(spec.timeOfUseCost ? { currency: 840 } : {}),
      dataQualifier: 12,
      defaultQuality: 0,
      flowDirection: spec.flowDirection,
      intervalLength: up.intervalLength,
      kind: spec.kind,
      phase: spec.uom === 72 ? 769 : 0,
      powerOfTenMultiplier: spec.powerOfTenMultiplier,
      timeAttribute: 0,
      uom: spec.uom,
    },
  };
}

function meterReadingHref(s: ResourceScope, up: UsagePointInfo, spec: ReadingSpec): string {
  return `${usagePointHref(s, up)}/MeterReading/${spec.key}`;
}

export function meterReadingEntry(s: ResourceScope, up: UsagePointInfo, spec: ReadingSpec): EspiEntry {
  const self = meterReadingHref(s, up, spec);
  const related = [`${s.ctx.espiBase}/ReadingType/${readingTypeId(up, spec)}`, `${self}/IntervalBlock`];
  return {
    kind: 'MeterReading',
    resource: {
      meta: meta(self, undefined, STRUCTURE_PUBLISHED, STRUCTURE_PUBLISHED, related),
      blocks: [],
      readings: NO_READINGS,
    },
  };
}

function publishedAt(span: { end: number }): number {
  return span.end + PUBLICATION_LAG;
}

export function intervalBlockDescriptor(
  s: ResourceScope,
  up: UsagePointInfo,
  spec: ReadingSpec,
  span: BlockSpan,
): EntryDescriptor {
  const at = publishedAt(span);
  return {
    kind: 'IntervalBlock',
    published: at,
    updated: at,
    span,
    build: () => {
      const mrSelf = meterReadingHref(s, up, spec);
      const generated = generateBlock(up, spec, span, spec.timeOfUseCost && s.limits.intervalCosts);
      const meterReading = {
        meta: meta(mrSelf, undefined, at, at),
        blocks: [],
        readings: generated.readings,
      };
      return {
        kind: 'IntervalBlock',
        meterReading,
        block: {
          meta: meta(`${mrSelf}/IntervalBlock/${span.key}`, undefined, at, at),
          interval: { start: span.start, duration: span.end - span.start },
          offset: 0,
          count: generated.readings.count,
        },
      };
    },
  };
}

/** Billing periods: whole local months of published data inside [from, to). */
export function billingPeriods(
  up: UsagePointInfo,
  from: number,
  to: number,
  nowSeconds: EpochSeconds,
): BlockSpan[] {
  const { clock } = zoneOf(up.zone);
  const last = Math.min(to, dataEnd(zoneOf(up.zone), nowSeconds));
  const periods: BlockSpan[] = [];
  let start = clock.startOfLocalMonth(from);
  if (start < from) start = clock.addLocalMonths(start, 1);
  for (
    let end = clock.addLocalMonths(start, 1);
    end <= last;
    start = end, end = clock.addLocalMonths(start, 1)
  ) {
    const p = clock.toLocal(start);
    if (blockSpans(up, start, end, nowSeconds).length === 0) continue;
    periods.push({ key: `${p.year}${String(p.month).padStart(2, '0')}`, start, end });
  }
  return periods;
}

/**
 * What a billing period of a usage point's first reading (the billed one) comes to: its use in raw units and
 * its cost in hundred-thousandths of USD, the interval costs summed where the meter has them (time of use),
 * the flat tariff otherwise. Usage summaries and Statements both bill with this, so they agree.
 *
 * A month takes tens of thousands of generated readings, and a grocery chain's bill history is a thousand
 * meter-months: a period whose data is wholly published never changes (readings are a pure function of
 * meter and time), so its totals are kept, at most TOTALS_KEPT of them.
 */
export function periodTotals(
  up: UsagePointInfo,
  period: BlockSpan,
  nowSeconds: EpochSeconds,
): { total: number; cost: number } {
  const spec = up.readings[0];
  if (!spec) return { total: 0, cost: 0 };
  const spans = blockSpans(up, period.start, period.end, nowSeconds);
  const complete = spans[0]?.start === period.start && spans.at(-1)?.end === period.end;
  const key = `${up.id} ${period.start} ${period.end}`;
  const kept = complete ? keptTotals.get(key) : undefined;
  if (kept) return kept;
  let total = 0;
  let cost = 0;
  for (const span of spans) {
    const block = generateBlock(up, spec, span, spec.timeOfUseCost);
    total += block.total;
    cost += block.totalCost;
  }
  const totals = { total, cost: spec.timeOfUseCost ? cost : flatCost(spec, total) };
  if (complete) {
    if (keptTotals.size >= TOTALS_KEPT) keptTotals.clear();
    keptTotals.set(key, totals);
  }
  return totals;
}

const TOTALS_KEPT = 100_000;
const keptTotals = new Map<string, { total: number; cost: number }>();

export function usageSummaryDescriptor(
  s: ResourceScope,
  up: UsagePointInfo,
  period: BlockSpan,
  element: UsageSummary['element'],
): EntryDescriptor {
  const at = publishedAt(period);
  return {
    kind: 'UsageSummary',
    published: at,
    updated: at,
    span: period,
    build: () => {
      const spec = up.readings[0];
      const { total, cost } = periodTotals(up, period, s.nowSeconds);
      const self = `${usagePointHref(s, up)}/${element}/${period.key}`;
      const resource: UsageSummary = {
        meta: meta(self, undefined, at, at, [usagePointHref(s, up)]),
        element,
        billingPeriod: { start: period.start, duration: period.end - period.start },
        ...(s.limits.summaryCosts ? { billLastPeriod: cost, currency: 840 } : {}),
        overallConsumptionLastPeriod: {
          powerOfTenMultiplier: spec?.powerOfTenMultiplier ?? 0,
          timeStamp: period.end,
          uom: spec?.uom ?? 72,
          value: total,
        },
        statusTimeStamp: at,
        commodity: spec?.commodity ?? 0,
      };
      return { kind: 'UsageSummary', resource };
    },
  };
}

export interface TimeWindow {
  publishedMin?: number;
  publishedMax?: number;
  updatedMin?: number;
  updatedMax?: number;
}

/** The reading-time range a scope and a window allow (HistoryLength, published-min/max). */
export function readingRange(s: ResourceScope, window: TimeWindow): { from: number; to: number } {
  const history = Number.isFinite(s.limits.historySeconds)
    ? s.nowSeconds - s.limits.historySeconds
    : -Infinity;
  return { from: Math.max(window.publishedMin ?? -Infinity, history), to: window.publishedMax ?? Infinity };
}

function structural(build: () => EspiEntry, kind: EspiEntry['kind']): EntryDescriptor {
  return { kind, published: STRUCTURE_PUBLISHED, updated: STRUCTURE_PUBLISHED, build };
}

/** Interval data of one usage point: IntervalBlocks per visible reading, then summaries. */
export function* dataDescriptors(
  s: ResourceScope,
  up: UsagePointInfo,
  window: TimeWindow,
): Generator<EntryDescriptor> {
  const { from, to } = readingRange(s, window);
  for (const spec of visibleSpecs(s.limits, up)) {
    for (const span of blockSpans(up, from, to, s.nowSeconds))
      yield intervalBlockDescriptor(s, up, spec, span);
  }
  if (s.limits.summaries) {
    for (const period of billingPeriods(up, from, to, s.nowSeconds)) {
      yield usageSummaryDescriptor(s, up, period, 'UsageSummary');
    }
  }
}

/** One usage point of a feed, with the scope and window it is read under. */
export interface FeedMember {
  s: ResourceScope;
  up: UsagePointInfo;
  window: TimeWindow;
}

/**
 * A batch feed (docs/espi.md 4.5): parent first, each usage point's UsagePoint, LocalTimeParameters (once
 * per zone), MeterReadings and ReadingTypes, IntervalBlocks and summaries. Structure is always sent,
 * so any window of the feed can be read on its own; time filters apply to interval data.
 */
export function batchDescriptors(
  s: ResourceScope,
  ups: UsagePointInfo[],
  window: TimeWindow,
): Generator<EntryDescriptor> {
  return memberDescriptors(ups.map((up) => ({ s, up, window })));
}

/** A batch feed whose members may each have their own scope and window (a bulk: bulk.ts). */
export function* memberDescriptors(members: Iterable<FeedMember>): Generator<EntryDescriptor> {
  const zones = new Set<string>();
  const readingTypes = new Set<string>();
  for (const { s, up, window } of members) {
    yield structural(() => usagePointEntry(s, up), 'UsagePoint');
    const zone = zoneOf(up.zone);
    if (!zones.has(zone.id)) {
      zones.add(zone.id);
      yield structural(() => localTimeEntry(s.ctx, zone), 'LocalTimeParameters');
    }
    for (const spec of visibleSpecs(s.limits, up)) {
      yield structural(() => meterReadingEntry(s, up, spec), 'MeterReading');
      const rt = readingTypeId(up, spec);
      if (!readingTypes.has(rt)) {
        readingTypes.add(rt);
        yield structural(() => readingTypeEntry(s.ctx, up, spec), 'ReadingType');
      }
    }
    for (const d of dataDescriptors(s, up, window)) {
      if (inUpdatedWindow(d, window)) yield d;
    }
  }
}

export function inUpdatedWindow(d: EntryDescriptor, window: TimeWindow): boolean {
  return (window.updatedMin ?? -Infinity) <= d.updated && d.updated <= (window.updatedMax ?? Infinity);
}

export function authorizationEntry(
  ctx: CustodianContext,
  resource: Omit<Authorization, 'meta'>,
  id: string,
  title: string,
  created: number,
  updated: number,
): EspiEntry {
  const self = `${ctx.espiBase}/Authorization/${id}`;
  return {
    kind: 'Authorization',
    resource: {
      ...resource,
      meta: meta(self, title, created, updated, resource.resourceURI ? [resource.resourceURI] : []),
    },
  };
}
