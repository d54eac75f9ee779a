/**
 * Download My Data for many meters, written as it goes (issue 16): each meter's feed is fetched from the
 * custodian (only the range, `published-min/max`), formatted (in the export worker) and written to the
 * file before the next is formatted. At most `concurrency` feeds are fetched ahead, and written in the
 * order the meters were chosen, so the page holds a handful of meters' text at any time however many
 * meters the file gets.
 *
 * A meter the custodian refuses (or whose feed cannot be read) is skipped and named; a failure that
 * every meter after it would meet too (the connection dropped, the session ended) interrupts the run with
 * the meters still to do, so the caller can resume into the same, still open file.
 */
import type { ApiClient } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { anySignal } from '../../../lib/any-signal.ts';
import type { MeterFeed, MeterPart } from '../model/export-format.ts';
import { fetchWindow, type DayRange } from '../model/range.ts';
import { feedUrl } from './usage-feed.ts';

export interface ExportMeter {
  id: string;
  name: string;
  batchHref: string;
  timeZone?: string;
  intervalLength?: number;
}

/** The formatter as the run sees it: in the export worker on a page, in process in Node. */
export interface PartWriter {
  meter(feed: MeterFeed): Promise<Omit<MeterPart, 'chunks'> & { bytes: Uint8Array }>;
}

/** Where the file goes: a file the browser writes, a private file, or memory (export-sinks.ts). */
export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
}

export interface MeterWritten {
  meter: ExportMeter;
  readings: number;
  totals: Record<string, number>;
  cost: number;
  bytes: number;
}

export interface MeterSkipped {
  meter: ExportMeter;
  reason: string;
}

export type RunOutcome =
  | { kind: 'complete'; skipped: MeterSkipped[] }
  | { kind: 'interrupted'; reason: string; remaining: ExportMeter[]; skipped: MeterSkipped[] };

/** Failures every following meter would meet as well: the run stops and can be resumed. */
function interruptsTheRun(error: unknown): boolean {
  return error instanceof ApiError && (error.retryable || error.kind === 'unauthorized');
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.detail ? `${error.message} (${error.detail})` : error.message;
  return (error as Error).message;
}

type Fetched = { ok: true; feed: MeterFeed } | { ok: false; error: unknown };

export async function exportMeters(options: {
  api: ApiClient;
  meters: readonly ExportMeter[];
  range: DayRange;
  writer: PartWriter;
  sink: ByteSink;
  signal: AbortSignal;
  /** Feeds fetched ahead of the one being written. */
  concurrency?: number;
  onWritten(written: MeterWritten): void;
}): Promise<RunOutcome> {
  const { api, meters, range, writer, sink } = options;
  const concurrency = options.concurrency ?? 4;
  // Aborted when the run is interrupted, so the feeds fetched ahead stop too.
  const interruption = new AbortController();
  const signal = anySignal([options.signal, interruption.signal]);
  const fetchFeed = async (meter: ExportMeter): Promise<Fetched> => {
    const url = feedUrl(meter.batchHref, fetchWindow(range, meter.intervalLength));
    try {
      const xml = await api.getText(url, { signal, headers: { Accept: 'application/atom+xml' } });
      const feed: MeterFeed = { xml, url, usagePointId: meter.id };
      if (meter.timeZone) feed.timeZone = meter.timeZone;
      return { ok: true, feed };
    } catch (error) {
      return { ok: false, error };
    }
  };

  const ahead: Promise<Fetched>[] = [];
  let next = 0;
  const fetchAhead = () => {
    for (; ahead.length < concurrency && next < meters.length; next++) {
      const meter = meters[next];
      if (meter) ahead.push(fetchFeed(meter));
    }
  };
  const skipped: MeterSkipped[] = [];
  fetchAhead();
  for (const [i, meter] of meters.entries()) {
    // The feed fetched ahead for this meter: fetchAhead keeps the first `concurrency` in `ahead`.
    const fetched = await (ahead.shift() ?? fetchFeed(meter));
    options.signal.throwIfAborted();
    if (!fetched.ok) {
      if (interruptsTheRun(fetched.error)) {
        interruption.abort();
        return { kind: 'interrupted', reason: reasonOf(fetched.error), remaining: meters.slice(i), skipped };
      }
      skipped.push({ meter, reason: reasonOf(fetched.error) });
      fetchAhead();
      continue;
    }
    fetchAhead();
    let part: Awaited<ReturnType<PartWriter['meter']>>;
    try {
      part = await writer.meter(fetched.feed);
    } catch (error) {
      skipped.push({ meter, reason: `Its data could not be read: ${reasonOf(error)}` });
      continue;
    }
    options.signal.throwIfAborted();
    await sink.write(part.bytes);
    options.onWritten({
      meter,
      readings: part.readings,
      totals: part.totals,
      cost: part.cost,
      bytes: part.bytes.byteLength,
    });
  }
  return { kind: 'complete', skipped };
}
