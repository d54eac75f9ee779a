/**
 * Gives each MeterReading its readings: places readings written without `timePeriod`, copies the
 * blocks' readings into sorted columns and reports duplicates, overlaps and gaps it had to leave.
 */
import type { DateTimeInterval, IntervalBlock, ReadingType } from '../model.ts';
import type { LinkedDocument, Staged } from '../link-graph.ts';
import { buildReadings, type ReadingColumns, type StagedRange } from './columns.ts';
import type { StagedBlock } from './interval-block.ts';
import { TIME } from './ranges.ts';
import type { WarningLog } from './warnings.ts';
import type { XmlScanner } from '../xml-scanner.ts';
import { countOf, nounFor } from '../plural.ts';

export function assembleReadings(
  linked: LinkedDocument,
  columns: ReadingColumns,
  log: WarningLog,
  sc: XmlScanner,
): void {
  const where = (b: Staged<StagedBlock> | undefined) =>
    b
      ? {
          line: sc.lineAt(b.value.pos),
          context: `entry ${b.entry.number} (IntervalBlock${b.entry.meta.selfHref ? ` ${b.entry.meta.selfHref}` : ''})`,
        }
      : undefined;

  for (const m of linked.meterReadings) {
    const untimed = placeUntimed(m.blocks, columns, m.value.readingType);
    if (untimed.placed > 0)
      log.add(
        'no-time-period',
        `${countOf(untimed.placed, 'IntervalReading')} ${nounFor(untimed.placed, 'has', 'have')} no timePeriod: placed one after another from their block's start, ${untimed.how}.`,
        where(untimed.first),
        false,
      );
    const built = buildReadings(
      columns,
      m.blocks.map((b) => b.value.range),
      // A block re-sent under the same self href is the same block; without one, each block is its own.
      m.blocks.map((b) => b.entry.meta.selfHref ?? `entry ${b.entry.number}`),
    );
    m.value.readings = built.readings;
    if (built.points.count > 0) m.value.registerReads = built.points;
    m.value.blocks = m.blocks.map((b, i): IntervalBlock => {
      const range = built.ranges[i] as StagedRange;
      return { meta: b.entry.meta, interval: b.value.interval ?? spanOf(built.readings, range), ...range };
    });
    const missingInterval = m.blocks.find((b) => !b.value.interval);
    if (missingInterval)
      log.add(
        'missing-interval',
        'IntervalBlock without <interval>: its span is taken from its readings.',
        where(missingInterval),
        false,
      );
    if (built.unplaced > 0)
      log.add(
        'no-time-period',
        `${countOf(built.unplaced, 'IntervalReading')} ${nounFor(built.unplaced, 'has', 'have')} no timePeriod and no ReadingType intervalLength to place them: left out.`,
        where(untimed.first),
        true,
      );
    if (built.duplicates > 0)
      log.add(
        'duplicate-intervals',
        `${countOf(built.duplicates, 'IntervalReading')} ${nounFor(built.duplicates, 'repeats', 'repeat')} a block sent again under the same address (same start, duration, value and cost): the copies are dropped; the first is in this block.`,
        where(m.blocks[built.firstDuplicateRange]),
        false,
      );
    if (built.sameStarts > 0)
      log.add(
        'same-start-intervals',
        `${countOf(built.sameStarts, 'IntervalReading')} ${nounFor(built.sameStarts, 'starts', 'start')} at the same time as another one (as when both fall-back hours of a daylight saving change are stamped alike): all are kept, so sums over that time count both. The first is in this block.`,
        where(m.blocks[built.firstSameStartRange]),
        false,
      );
    if (built.overlaps > 0)
      log.add(
        'overlapping-intervals',
        `${countOf(built.overlaps, 'IntervalReading')} ${nounFor(built.overlaps, 'starts', 'start')} before the previous reading ends (overlapping intervals); all are kept, so sums over that time may count it twice. The first is in this block.`,
        where(m.blocks[built.firstOverlapRange]),
        false,
      );
    if (built.interleaved)
      log.add(
        'interleaved-blocks',
        'IntervalBlocks of this MeterReading overlap in time: readings are sorted by start, so a block no longer holds a contiguous run of them.',
        where(m.blocks[0]),
        false,
      );
  }
}

/**
 * Readings without `timePeriod` follow each other at the ReadingType's intervalLength from the block
 * start (docs/espi.md 2.2, IntervalReading); without intervalLength the block's duration is split evenly.
 */
function placeUntimed(
  blocks: readonly Staged<StagedBlock>[],
  columns: ReadingColumns,
  readingType: ReadingType | undefined,
): { placed: number; how: string; first: Staged<StagedBlock> | undefined } {
  const { start, duration } = columns;
  let placed = 0;
  let how = '';
  let first: Staged<StagedBlock> | undefined;
  for (const b of blocks) {
    const { offset, count } = b.value.range;
    const interval = b.value.interval;
    let next = interval?.start ?? Number.NaN;
    for (let i = offset; i < offset + count; i++) {
      if (start[i] === start[i]) {
        next = (start[i] as number) + (duration[i] as number);
        continue;
      }
      let length = readingType?.intervalLength ?? 0;
      how = `${length} s apart (ReadingType intervalLength)`;
      if (!(length > 0) && interval && interval.duration % count === 0) {
        length = interval.duration / count;
        how = `the block's duration split evenly (${length} s each)`;
      }
      first ??= b;
      // Past the last date JavaScript holds, a reading cannot be placed: it is left out as unplaced.
      if (!(length > 0) || !(next + length <= TIME.max)) continue;
      start[i] = next;
      duration[i] = length;
      next += length;
      placed++;
    }
  }
  return { placed, how, first };
}

function spanOf(
  readings: { start: Float64Array; duration: Uint32Array },
  range: StagedRange,
): DateTimeInterval {
  if (range.count === 0) return { start: 0, duration: 0 };
  let end = 0;
  for (let i = range.offset; i < range.offset + range.count; i++)
    end = Math.max(end, (readings.start[i] as number) + (readings.duration[i] as number));
  const start = readings.start[range.offset] as number;
  return { start, duration: end - start };
}
