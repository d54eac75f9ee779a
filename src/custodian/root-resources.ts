/**
 * The root forms `B/espi/1_1/resource/{UsagePoint|MeterReading|IntervalBlock}[/{id}]` that ESPI gives an
 * authorized client beside the subscription-scoped ones (GBA description; docs/espi.md 1.7): the same
 * resources and Atom ids as under `Subscription/{id}/UsagePoint/…`, limited to what the token's
 * authorization and scope reach, with self and up links at the root. Ids: a usage point's own id, a meter
 * reading's `{usagePointId}.{reading}`, an interval block's `{meterReadingId}.{day or month}`.
 */
import { type AtomMeta, type EspiEntry, writeEntry } from '../espi/index.ts';
import type { ReadingSpec, UsagePointInfo } from './directory.ts';
import { atom, customerScope, filtered, reachable, type EspiRequest } from './espi-request.ts';
import { feedResponse } from './feed-stream.ts';
import { notFound } from './http-util.ts';
import { blockSpanByKey, blockSpans } from './readings.ts';
import {
  intervalBlockDescriptor,
  meterReadingEntry,
  readingRange,
  usagePointEntry,
  visibleSpecs,
  type EntryDescriptor,
  type ResourceScope,
  STRUCTURE_PUBLISHED,
} from './resources.ts';

type RootResource = 'UsagePoint' | 'MeterReading' | 'IntervalBlock';

const meterReadingId = (up: UsagePointInfo, spec: ReadingSpec) => `${up.id}.${spec.key}`;

/** The entry with its self link at `self` and its up link at the root collection; id and related kept. */
function atRoot(entry: EspiEntry, self: string): EspiEntry {
  const moved = (meta: AtomMeta): AtomMeta => ({
    ...meta,
    selfHref: self,
    upHref: self.slice(0, self.lastIndexOf('/')),
  });
  if (entry.kind === 'IntervalBlock')
    return { ...entry, block: { ...entry.block, meta: moved(entry.block.meta) } };
  if (entry.kind === 'UsagePoint' || entry.kind === 'MeterReading') {
    return { ...entry, resource: { ...entry.resource, meta: moved(entry.resource.meta) } } as EspiEntry;
  }
  return entry;
}

interface Member {
  id: string;
  descriptor: EntryDescriptor;
}

function members(r: EspiRequest, s: ResourceScope, kind: RootResource): Member[] {
  const root = `${r.ctx.espiBase}/${kind}`;
  const ups = reachable(r, s);
  const structural = (id: string, build: () => EspiEntry): Member => ({
    id,
    descriptor: {
      kind,
      published: STRUCTURE_PUBLISHED,
      updated: STRUCTURE_PUBLISHED,
      build: () => atRoot(build(), `${root}/${id}`),
    },
  });
  if (kind === 'UsagePoint') return ups.map((up) => structural(up.id, () => usagePointEntry(s, up)));
  const pairs = ups.flatMap((up) => visibleSpecs(s.limits, up).map((spec) => ({ up, spec })));
  if (kind === 'MeterReading') {
    return pairs.map(({ up, spec }) =>
      structural(meterReadingId(up, spec), () => meterReadingEntry(s, up, spec)),
    );
  }
  const { from, to } = readingRange(s, r.query);
  return pairs.flatMap(({ up, spec }) =>
    blockSpans(up, from, to, r.at).map((span) =>
      blockMember(r, up, spec, span.key, intervalBlockDescriptor(s, up, spec, span)),
    ),
  );
}

function blockMember(
  r: EspiRequest,
  up: UsagePointInfo,
  spec: ReadingSpec,
  key: string,
  descriptor: EntryDescriptor,
): Member {
  const id = `${meterReadingId(up, spec)}.${key}`;
  return {
    id,
    descriptor: {
      ...descriptor,
      build: () => atRoot(descriptor.build(), `${r.ctx.espiBase}/IntervalBlock/${id}`),
    },
  };
}

export function rootUsageResources(
  r: EspiRequest,
  kind: RootResource,
  id: string | undefined,
  depth: number,
): Response {
  const s = customerScope(r);
  if (s instanceof Response) return s;
  if (depth > 2) return notFound(`${kind} at the root has no sub-resources: follow its related links.`);
  if (id === undefined) {
    const descriptors = members(r, s, kind).map((m) => m.descriptor);
    return feedResponse(r.url, kind, filtered(descriptors, r.query), r.query, r.at);
  }
  const member =
    kind === 'IntervalBlock' ? intervalBlockById(r, s, id) : members(r, s, kind).find((m) => m.id === id);
  return member
    ? atom(writeEntry(member.descriptor.build()))
    : notFound(`No ${kind} ${id} for this authorization.`);
}

/** One block by id without listing every block of the history. */
function intervalBlockById(r: EspiRequest, s: ResourceScope, id: string): Member | undefined {
  const cut = id.lastIndexOf('.');
  const readingId = id.slice(0, cut);
  for (const up of reachable(r, s)) {
    const spec = visibleSpecs(s.limits, up).find((x) => meterReadingId(up, x) === readingId);
    if (!spec) continue;
    const span = blockSpanByKey(up, id.slice(cut + 1), r.at);
    if (!span || span.start < readingRange(s, {}).from) return undefined;
    return blockMember(r, up, spec, span.key, intervalBlockDescriptor(s, up, spec, span));
  }
  return undefined;
}
