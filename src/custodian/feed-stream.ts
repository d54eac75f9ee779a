/**
 * Feeds are paged and streamed (issue 13): a request names at most `PAGE_SIZE.max` entries (default
 * `PAGE_SIZE.default`), a feed with more after its page links to the next one (Atom `rel="next"`,
 * RFC 5005), and the XML is written as a stream of chunks built on demand, so one feed holds a chunk in
 * memory, not the whole document. Between chunks (and every few thousand skipped entries) the stream
 * gives the event loop a turn, so other requests are answered while a large feed is being written.
 */
import { type EspiEntry, isoSeconds, writeFeedChunks } from '../espi/index.ts';

import type { EntryDescriptor } from './resources.ts';

export const PAGE_SIZE = { default: 2000, max: 5000 } as const;

/** Entries looked at (skipped or kept) between two turns of the event loop. */
const SCAN_BATCH = 5000;
/** Characters of XML written per turn of the event loop: small enough that others wait milliseconds. */
const CHUNK_CHARS = 1 << 16;

export const ATOM = 'application/atom+xml';

export interface Page {
  /** 1-based, as ESPI's start-index. */
  startIndex: number;
  /** Entries in this page; absent: the default page size. */
  maxResults?: number;
}

/** A turn of the event loop (a macrotask: promise callbacks alone would keep other requests waiting). */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The descriptors of one page, and whether any follow it. Descriptors are cheap: nothing is generated. */
async function selectPage(
  descriptors: Iterable<EntryDescriptor>,
  startIndex: number,
  size: number,
): Promise<{ members: EntryDescriptor[]; more: boolean }> {
  const members: EntryDescriptor[] = [];
  let index = 0;
  for (const d of descriptors) {
    index++;
    if (index % SCAN_BATCH === 0) await breathe();
    if (index < startIndex) continue;
    if (members.length === size) return { members, more: true };
    members.push(d);
  }
  return { members, more: false };
}

function nextPageHref(self: URL, startIndex: number, size: number): string {
  const next = new URL(self);
  next.searchParams.set('start-index', String(startIndex + size));
  next.searchParams.set('max-results', String(size));
  return next.toString();
}

function* built(members: EntryDescriptor[]): Generator<EspiEntry> {
  for (const d of members) yield d.build();
}

/** A 200 Atom feed of one page of `descriptors`, written as it is read. */
export function feedResponse(
  self: URL,
  title: string,
  descriptors: Iterable<EntryDescriptor>,
  page: Page,
  updated: number,
): Response {
  const size = page.maxResults ?? PAGE_SIZE.default;
  const encoder = new TextEncoder();
  let chunks: Iterator<string> | undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!chunks) {
          const { members, more } = await selectPage(descriptors, page.startIndex, size);
          const header = {
            title,
            selfHref: self.toString(),
            updated: isoSeconds(updated),
            ...(more ? { nextHref: nextPageHref(self, page.startIndex, size) } : {}),
          };
          chunks = writeFeedChunks(header, built(members), CHUNK_CHARS);
        }
        const chunk = chunks.next();
        if (chunk.done) controller.close();
        else controller.enqueue(encoder.encode(chunk.value));
        await breathe();
      },
    },
    // Nothing is built ahead of the reader: the next chunk only when this one has been taken.
    { highWaterMark: 0 },
  );
  return new Response(body, { status: 200, headers: { 'Content-Type': ATOM, 'Cache-Control': 'no-store' } });
}
