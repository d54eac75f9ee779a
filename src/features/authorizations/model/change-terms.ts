/**
 * Changing an authorization in plain words (issue 15): which data blocks a customer may stop sharing,
 * what the request to the custodian is, and what a change does, before and after, for the review step
 * and the history. Meters and blocks can only be kept or removed, and the end only moved earlier: the
 * custodian refuses anything wider (docs/openapi.yaml, changeAuthorization).
 */
import {
  COMMODITY_BLOCKS,
  formatScope,
  FUNCTION_BLOCKS,
  isDataBlock,
  millisOf,
  parseScope,
  secondsOfIso,
} from '../../../espi/index.ts';
import { formatDate } from './authorization-dates.ts';

/** What an authorization grants: scope, meters, and the end of its term (epoch seconds; null: none). */
export interface Terms {
  scope: string;
  usagePointIds: readonly string[];
  end: number | null;
}

export interface DataBlock {
  fb: number;
  plain: string;
  /** The last kind of meter reading cannot be removed: interval metering needs one (revoke instead). */
  required: boolean;
}

/** The data blocks of a scope a customer chooses among, in the scope's order. */
export function dataBlocksOf(scope: string): DataBlock[] {
  const blocks = parseScope(scope).functionBlocks.filter(isDataBlock);
  const commodities = blocks.filter((fb) => COMMODITY_BLOCKS.has(fb));
  return blocks.map((fb) => ({
    fb,
    plain: FUNCTION_BLOCKS[fb]?.plain ?? `Function block ${fb}`,
    required: commodities.length === 1 && commodities[0] === fb,
  }));
}

/** The scope with only these of its data blocks (protocol blocks kept), as the custodian writes it. */
export function keepingDataBlocks(scope: string, keep: readonly number[]): string {
  const parsed = parseScope(scope);
  const kept = new Set(keep);
  return formatScope({
    ...parsed,
    functionBlocks: parsed.functionBlocks.filter((fb) => !isDataBlock(fb) || kept.has(fb)),
  });
}

/** The customer API's change request: only what differs is sent. */
export interface ChangeRequest {
  usagePointIds?: string[];
  functionBlocks?: number[];
  end?: string;
}

export function changeRequest(
  before: Terms,
  after: { usagePointIds: string[]; dataBlocks: number[]; end: number | null },
): ChangeRequest {
  const blocks = dataBlocksOf(before.scope).map((b) => b.fb);
  return {
    ...(sameSet(after.usagePointIds, before.usagePointIds) ? {} : { usagePointIds: after.usagePointIds }),
    ...(sameSet(after.dataBlocks, blocks) ? {} : { functionBlocks: after.dataBlocks }),
    ...(after.end === before.end || after.end === null
      ? {}
      : { end: new Date(millisOf(after.end)).toISOString() }),
  };
}

export function isEmptyRequest(request: ChangeRequest): boolean {
  return Object.keys(request).length === 0;
}

/** True when the authorization now grants what the request asked for (a change is all or nothing). */
export function grantsAsRequested(current: Terms, request: ChangeRequest): boolean {
  if (request.usagePointIds && !sameSet(request.usagePointIds, current.usagePointIds)) return false;
  if (
    request.functionBlocks &&
    !sameSet(
      request.functionBlocks,
      dataBlocksOf(current.scope).map((b) => b.fb),
    )
  )
    return false;
  if (request.end !== undefined && current.end !== secondsOfIso(request.end)) return false;
  return true;
}

/** What a change does, one sentence per kind of term that changed. */
export function describeChange(before: Terms, after: Terms, meterName: (id: string) => string): string[] {
  const lines: string[] = [];
  const kept = new Set(after.usagePointIds);
  const stopped = before.usagePointIds.filter((id) => !kept.has(id));
  if (stopped.length) {
    lines.push(
      `Stops sharing ${list(stopped.map(meterName))}; still shared: ${list(after.usagePointIds.map(meterName))}.`,
    );
  }
  const remaining = new Set(dataBlocksOf(after.scope).map((b) => b.fb));
  const dropped = dataBlocksOf(before.scope).filter((b) => !remaining.has(b.fb));
  if (dropped.length) lines.push(`Stops reading: ${list(dropped.map((b) => b.plain.toLowerCase()))}.`);
  if (after.end !== before.end) {
    lines.push(
      after.end === null
        ? 'Ends only when you revoke it.'
        : `Ends on ${formatDate(after.end)}${before.end === null ? '' : ` instead of ${formatDate(before.end)}`}.`,
    );
  }
  return lines;
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((x) => set.has(x));
}

function list(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
