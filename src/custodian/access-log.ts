/**
 * The customer's access log (issue 15): every ESPI read made with a third party's token is recorded
 * against its authorization: when, which resource, which usage points the answer carried and how much
 * data (Atom entries, interval readings, bytes). The customer's own reads (the portal, Download My Data,
 * their API client) and client tokens (registration, bulk) are not: the log answers "what did this app
 * take", per app the customer authorized. Refused reads (4xx) hand over no data and are not recorded.
 *
 * Bounded: each authorization keeps its latest `ACCESS_LOG_CAP` reads; the oldest is dropped when a new
 * one arrives (docs/openapi.yaml, "Access log"), so a polling app cannot grow the store without end.
 */
import type { CustodianContext } from './context.ts';
import type { EspiRequest } from './espi-request.ts';
import type { AccessLogEntry, CustodianState } from './state.ts';

/** Reads kept per authorization: at one read an hour, three weeks; at the usual daily poll, over a year. */
export const ACCESS_LOG_CAP = 500;

type AccessTally = Pick<AccessLogEntry, 'usagePointIds' | 'entries' | 'readings' | 'bytes'>;

/** The reads of one authorization, oldest first. */
export function accessLogOf(state: CustodianState, authorizationId: string): readonly AccessLogEntry[] {
  return state.accessLog[authorizationId] ?? [];
}

/** When the app last read, epoch seconds; undefined when it never has. */
export function lastAccessedAt(state: CustodianState, authorizationId: string): number | undefined {
  return accessLogOf(state, authorizationId).at(-1)?.at;
}

function appendRead(ctx: CustodianContext, authorizationId: string, read: Omit<AccessLogEntry, 'id'>): void {
  ctx.store.update((state) => {
    const log = (state.accessLog[authorizationId] ??= []);
    log.push({ id: ctx.store.nextId('read'), ...read });
    if (log.length > ACCESS_LOG_CAP) log.splice(0, log.length - ACCESS_LOG_CAP);
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Counts what a response body carries as it streams past. The mock writes every href with the usage
 * point's id as a path segment (`…/UsagePoint/up-1001-e/…`, root forms `…/MeterReading/up-1001-e.gas`),
 * so the ids found in the text are the meters whose data left; scanning what was sent, rather than what
 * the route meant to send, keeps the log true for every route and for a body cut short. A token split
 * across two chunks is found by scanning each chunk with the end of the one before.
 */
class BodyMeter {
  private readonly decoder = new TextDecoder();
  private readonly idPattern: RegExp | undefined;
  private readonly found = new Set<string>();
  private tail = '';
  entries = 0;
  readings = 0;
  bytes = 0;

  constructor(usagePointIds: readonly string[]) {
    this.idPattern = usagePointIds.length
      ? new RegExp(`(?<=/)(${usagePointIds.map(escapeRegExp).join('|')})(?=[/."<?])`, 'g')
      : undefined;
  }

  add(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    const fresh = (match: RegExpMatchArray) => (match.index ?? 0) + match[0].length > this.tail.length;
    this.entries += [...text.matchAll(/<entry[\s>]/g)].filter(fresh).length;
    this.readings += [...text.matchAll(/<espi:IntervalReading>/g)].filter(fresh).length;
    if (this.idPattern) for (const match of text.matchAll(this.idPattern)) this.found.add(match[0]);
    this.tail = text.slice(-200);
  }

  tally(): AccessTally {
    return {
      usagePointIds: [...this.found].sort(),
      entries: this.entries,
      readings: this.readings,
      bytes: this.bytes,
    };
  }
}

/** A body, counted as it is read; `onEnd` runs once, when it ends or the reader stops. */
function metered(body: ReadableStream<Uint8Array>, meter: BodyMeter, onEnd: () => void) {
  const reader = body.getReader();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          end();
          controller.close();
          return;
        }
        meter.add(value);
        controller.enqueue(value);
      },
      async cancel(reason) {
        end();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The ESPI answer to `r`, recorded in the access log when a third party's token read data with it.
 * The record is written when the body has been sent (or the reader stopped), with what was sent.
 */
export function recordedRead(r: EspiRequest, response: Response): Response {
  const { authorization } = r.caller;
  if (authorization.kind !== 'third-party' || response.status !== 200 || !response.body) return response;
  const meter = new BodyMeter(authorization.usagePointIds);
  const resource = r.url.pathname.slice(new URL(r.ctx.espiBase).pathname.length) + r.url.search;
  const body = metered(response.body, meter, () =>
    appendRead(r.ctx, authorization.id, { at: r.at, resource, ...meter.tally() }),
  );
  return new Response(body, { status: response.status, headers: response.headers });
}
