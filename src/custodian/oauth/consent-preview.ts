/**
 * "What the app will see", before the customer allows: which of their meters the requested scope can
 * read, which readings of each, the history it reaches (dates), and one meter's data in that window.
 * Everything is derived from the same rules the ESPI API serves a feed by (scope-limits.ts,
 * resources.ts `readingRange` and `visibleSpecs`, readings.ts `blockSpans`), so the preview cannot
 * promise more or less than the app will get. `POST B/oauth/interaction/preview` answers the demo's
 * consent page; the server's HTML consent page states the same facts in text.
 */
import { z } from 'zod';
import { displayUnitFor } from '../../espi/index.ts';
import { espiScopeOf, nowSeconds, type CustodianContext } from '../context.ts';
import { findCustomer, type Customer, type ReadingSpec, type UsagePointInfo } from '../directory.ts';
import { json, oauthError, readJson } from '../http-util.ts';
import { blockSpans, dataEnd, dataStart, generateBlock, zoneOf } from '../readings.ts';
import { visibleSpecs } from '../resources.ts';
import { scopeLimits } from '../scope-limits.ts';
import { verifyToken } from '../tokens.ts';
import { checkAuthorizeRequest } from './authorize.ts';
import type { HistoryWindow } from './history-window.ts';

/** What a scope reaches of one customer's data, now. */
export interface ScopeReach {
  /** The meters the scope can read (its commodity blocks), in the customer's order. */
  usagePoints: UsagePointInfo[];
  /**
   * The reading time the app may read, epoch seconds: from the first whole local day its HistoryLength
   * reaches (or the oldest published day) to the end of published data (exclusive), and the zone those
   * days are days of.
   */
  history: HistoryWindow;
}

export function scopeReach(customer: Customer, scope: string, at: number): ScopeReach {
  const limits = scopeLimits(espiScopeOf(scope) ?? '');
  const zone = zoneOf(customer.zone);
  const published = { start: dataStart(zone, at), end: dataEnd(zone, at) };
  const allowedFrom = Number.isFinite(limits.historySeconds) ? at - limits.historySeconds : -Infinity;
  // The feed holds whole days only (readings.ts blockSpans): a day the history cuts into is left out.
  const firstDay = zone.clock.startOfLocalDay(allowedFrom);
  const firstWholeDay = firstDay < allowedFrom ? zone.clock.addLocalDays(firstDay, 1) : firstDay;
  return {
    usagePoints: customer.usagePoints.filter((up) => limits.serviceKinds.has(up.serviceKind)),
    history: {
      start: Number.isFinite(allowedFrom) ? Math.max(published.start, firstWholeDay) : published.start,
      end: published.end,
      timeZone: customer.zone,
    },
  };
}

/** The readings of a meter the scope lets the app see, in words: "Electricity used", "Gas used". */
export function readingsInWords(up: UsagePointInfo, scope: string): string[] {
  return visibleSpecs(scopeLimits(espiScopeOf(scope) ?? ''), up).map(readingName);
}

const READING_NAMES: Record<ReadingSpec['key'], string> = {
  delivered: 'Electricity used',
  received: 'Energy exported to the grid (solar)',
  gas: 'Gas used',
  water: 'Water used',
};

function readingName(spec: ReadingSpec): string {
  return READING_NAMES[spec.key];
}

export interface PreviewSeries {
  usagePointId: string;
  reading: string;
  unit: string;
  /** `day` or `month`: a window longer than about two months is shown by month. */
  bucket: 'day' | 'month';
  /** Bucket start (epoch seconds) and total in `unit`. */
  points: { start: number; value: number }[];
}

/** Longest window shown day by day; beyond it a month is one bar (a phone fits about 25 of them). */
const MAX_DAILY_BARS = 62;

/**
 * One meter's first visible reading over the window, totalled per day or month: the blocks the app's
 * feed would hold (whole local days or months inside the window), summed.
 */
export function previewSeries(
  up: UsagePointInfo,
  scope: string,
  reach: ScopeReach,
  at: number,
): PreviewSeries {
  const [spec] = visibleSpecs(scopeLimits(espiScopeOf(scope) ?? ''), up);
  if (!spec) throw new Error(`${up.id} has no readings`);
  const { clock } = zoneOf(up.zone);
  const spans = blockSpans(up, reach.history.start, reach.history.end, at);
  const monthly = up.intervalLength >= 86_400 || spans.length > MAX_DAILY_BARS;
  const unit = displayUnitFor({ meta: { relatedHrefs: [] }, uom: spec.uom, kind: spec.kind });
  const scale = 10 ** spec.powerOfTenMultiplier * unit.factor;
  const points: PreviewSeries['points'] = [];
  for (const span of spans) {
    const start = monthly ? clock.startOfLocalMonth(span.start) : span.start;
    const value = generateBlock(up, spec, span, false).total * scale;
    const last = points.at(-1);
    if (last?.start === start) last.value += value;
    else points.push({ start, value });
  }
  return {
    usagePointId: up.id,
    reading: readingName(spec),
    unit: unit.unit,
    bucket: monthly ? 'month' : 'day',
    points: points.map((p) => ({ start: p.start, value: Math.round(p.value * 100) / 100 })),
  };
}

/** `POST B/oauth/interaction/preview` `{ interaction, usagePointId }`: one meter's data as the scope cuts it. */
export async function previewEndpoint(ctx: CustodianContext, request: Request): Promise<Response> {
  const body = z
    .object({ interaction: z.string(), usagePointId: z.string() })
    .safeParse(await readJson(request));
  if (!body.success) return oauthError('invalid_request', 'Send { interaction, usagePointId } as JSON.');
  const verified = await verifyToken<{ sub: string; req: unknown }>('interaction', body.data.interaction, {
    issuer: ctx.baseUrl,
    nowSeconds: nowSeconds(ctx),
  });
  if (!verified.ok) {
    return oauthError(
      'invalid_request',
      'This sign-in has expired or is not valid: start again from the application.',
      401,
    );
  }
  const check = checkAuthorizeRequest(ctx, verified.claims.req);
  const customer = findCustomer(verified.claims.sub);
  if (!check.ok || !customer)
    return oauthError('invalid_request', 'The authorization request is no longer valid.');
  const at = nowSeconds(ctx);
  const reach = scopeReach(customer, check.scope, at);
  const up = reach.usagePoints.find((u) => u.id === body.data.usagePointId);
  if (!up) {
    return oauthError(
      'invalid_request',
      `The scope reads no usage point ${body.data.usagePointId} of this account.`,
    );
  }
  return json(previewSeries(up, check.scope, reach, at));
}
