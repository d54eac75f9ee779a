/**
 * Download My Data for many meters, written as it goes, against the mock custodian: the streamed file is
 * byte for byte the file the whole-document writers make of the same meters (XML valid against
 * espi.xsd; with and without personal details), the CSV's rows and totals are the readings', a refused
 * meter is named and skipped, and a dropped connection interrupts the run without losing what was
 * written: resumed, the file is the one an uninterrupted run writes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_BASE_URL, startNodeCustodian } from '../../../custodian/node.ts';
import {
  ANONYMOUS_BASE_URL,
  anonymizeDocument,
  type EspiDocument,
  readEspi,
  CSV_COLUMNS,
  writeCsv,
  writeDownloadMyData,
} from '../../../espi/index.ts';
import type { ApiClient } from '../../../lib/api-client.ts';
import { signedInPortalClient } from '../../../testing/portal-client.ts';
import { parseCsv } from '../../../testing/csv.ts';
import { schemaErrors } from '../../../testing/test-data.ts';
import { clockFor, usagePointIn } from '../model/clock.ts';
import { documentForExport } from '../model/export-document.ts';
import { createByteFormatter, type ExportSettings } from '../model/export-format.ts';
import { fetchWindow, rangeBounds, type DayRange } from '../model/range.ts';
import { exportMeters, type ExportMeter, type MeterWritten, type RunOutcome } from './export-meters.ts';
import { feedUrl } from './usage-feed.ts';
import type { UsagePointListing } from './usage-points.ts';

const custodian = startNodeCustodian({ now: () => Date.parse('2026-11-29T20:00:00Z') });
afterAll(() => custodian.close());

const RANGE: DayRange = { from: '2026-11-02', to: '2026-11-04' };
const FEED_HREF = `${NODE_BASE_URL}/espi/1_1/resource/UsagePoint`;
const UPDATED = '2026-11-29T20:00:00Z';

/** The commercial account's API client (fetch replaceable, to drop the connection) and three of its meters: electricity, gas, water. */
async function commercial(fetchImpl: typeof fetch = fetch) {
  const api = await signedInPortalClient('commercial', fetchImpl);
  const { usagePoints } = (await api.json(`${NODE_BASE_URL}/api/customer/v1/usage-points`)) as {
    usagePoints: UsagePointListing[];
  };
  const meters = [0, 1, 2].map((kind) => {
    const listing = usagePoints.find((up) => up.serviceKind === kind);
    if (!listing) throw new Error(`no meter of service ${kind}`);
    return listing;
  });
  return { api, meters };
}

function exportMeterOf(listing: UsagePointListing): ExportMeter {
  return {
    id: listing.id,
    name: listing.title ?? listing.id,
    batchHref: listing.hrefs.batch,
    ...(listing.timeZone ? { timeZone: listing.timeZone } : {}),
    ...(listing.intervalLength ? { intervalLength: listing.intervalLength } : {}),
  };
}

/** An export run as the page runs it, its formatter in process and its file in memory. */
async function streamed(api: ApiClient, meters: ExportMeter[], settings: Partial<ExportSettings> = {}) {
  const formatter = createByteFormatter({
    format: 'xml',
    range: RANGE,
    anonymize: false,
    feedHref: FEED_HREF,
    updated: UPDATED,
    ...settings,
  });
  const parts: Uint8Array[] = [formatter.head];
  const written: MeterWritten[] = [];
  const run = (todo: readonly ExportMeter[]) =>
    exportMeters({
      api,
      meters: todo,
      range: RANGE,
      writer: { meter: async (feed) => formatter.meter(feed) },
      sink: { write: async (bytes) => void parts.push(bytes) },
      signal: new AbortController().signal,
      concurrency: 2,
      onWritten: (w) => written.push(w),
    });
  const outcomes: RunOutcome[] = [await run(meters)];
  for (let last = outcomes[0]; last?.kind === 'interrupted'; outcomes.push(last))
    last = await run(last.remaining);
  parts.push(formatter.tail);
  const text = new TextDecoder().decode(await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer());
  return { text, written, outcomes };
}

/** The same meters as one document, fetched and cut as the single-meter download does. */
async function wholeDocument(api: ApiClient, listings: UsagePointListing[]) {
  const parts: EspiDocument[] = [];
  for (const listing of listings) {
    const url = feedUrl(listing.hrefs.batch, fetchWindow(RANGE, listing.intervalLength));
    const doc = readEspi(await api.getText(url), { baseUrl: url });
    const up = usagePointIn(doc, { id: listing.id });
    if (!up) throw new Error(`no usage point ${listing.id}`);
    parts.push(documentForExport(doc, up, rangeBounds(RANGE, clockFor(doc, up, listing.timeZone))));
  }
  return {
    ...parts[0],
    usagePoints: parts.flatMap((d) => d.usagePoints),
    localTimeParameters: parts.flatMap((d) => d.localTimeParameters),
  } as EspiDocument;
}

describe('Download My Data for many meters, streamed', () => {
  it('writes, meter by meter, exactly the XML the whole-document writer makes, valid against espi.xsd', async () => {
    const { api, meters } = await commercial();
    const { text, written } = await streamed(api, meters.map(exportMeterOf));
    const whole = await wholeDocument(api, meters);
    expect(text).toBe(
      writeDownloadMyData(whole, { baseUrl: FEED_HREF, selfHref: FEED_HREF, updated: UPDATED }),
    );
    expect(schemaErrors(text, 'espi.xsd')).toBe('');
    expect(written.map((w) => w.meter.id)).toEqual(meters.map((m) => m.id));
    expect(written.every((w) => w.readings > 0)).toBe(true);
  });

  it('keeps one set of pseudonyms across meters when personal details are left out', async () => {
    const { api, meters } = await commercial();
    const { text } = await streamed(api, meters.map(exportMeterOf), { anonymize: true });
    const whole = anonymizeDocument(await wholeDocument(api, meters));
    const selfHref = `${ANONYMOUS_BASE_URL}/UsagePoint`;
    expect(text).toBe(
      writeDownloadMyData(whole, { baseUrl: ANONYMOUS_BASE_URL, selfHref, updated: UPDATED }),
    );
    expect(schemaErrors(text, 'espi.xsd')).toBe('');
    for (const meter of meters) expect(text).not.toContain(meter.id);
  });

  it('writes the CSV with one row per reading, whose values add up to the totals it reports', async () => {
    const { api, meters } = await commercial();
    const { text, written } = await streamed(api, meters.map(exportMeterOf), { format: 'csv' });
    expect(text).toBe(writeCsv(await wholeDocument(api, meters)));
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(written.reduce((sum, w) => sum + w.readings, 0));
    const value = CSV_COLUMNS.indexOf('value');
    const unit = CSV_COLUMNS.indexOf('unit');
    const sums: Record<string, number> = {};
    for (const cells of rows) sums[cells[unit] ?? ''] = (sums[cells[unit] ?? ''] ?? 0) + Number(cells[value]);
    const reported: Record<string, number> = {};
    for (const w of written)
      for (const [u, total] of Object.entries(w.totals)) reported[u] = (reported[u] ?? 0) + total;
    expect(Object.keys(sums).sort()).toEqual(Object.keys(reported).sort());
    for (const [u, total] of Object.entries(reported)) expect(sums[u]).toBeCloseTo(total, 3);
  });

  it('names a meter the custodian refuses and writes the others', async () => {
    const { api, meters } = await commercial();
    const [first, second, third] = meters.map(exportMeterOf) as [ExportMeter, ExportMeter, ExportMeter];
    const foreign: ExportMeter = {
      ...second,
      id: 'up-1001-01',
      name: 'Not this account’s meter',
      batchHref: second.batchHref.replace(second.id, 'up-1001-01'),
    };
    const { written, outcomes } = await streamed(api, [first, foreign, third], { format: 'csv' });
    expect(written.map((w) => w.meter.id)).toEqual([first.id, third.id]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.skipped.map((s) => s.meter.name)).toEqual(['Not this account’s meter']);
    expect(outcomes[0]?.skipped[0]?.reason).not.toBe('');
  });

  it('stops at a dropped connection with the meters still to do, and resumed writes the whole file', async () => {
    let dropFor: string | undefined;
    const flaky: typeof fetch = (input, init) => {
      if (dropFor && String(input).includes(`/UsagePoint/${dropFor}?`)) {
        dropFor = undefined;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fetch(input, init);
    };
    const { api, meters } = await commercial(flaky);
    const meterIds = meters.map((m) => m.id);
    // The second meter's feed meets the drop, once.
    dropFor = meterIds[1];
    const { text, outcomes } = await streamed(api, meters.map(exportMeterOf), { format: 'csv' });
    expect(outcomes[0]).toMatchObject({ kind: 'interrupted' });
    if (outcomes[0]?.kind !== 'interrupted') return;
    expect(outcomes[0].remaining.map((m) => m.id)).toEqual(meterIds.slice(1));
    expect(outcomes[0].reason).toMatch(/could not be reached/);
    expect(outcomes.at(-1)?.kind).toBe('complete');
    const { api: steady } = await commercial();
    expect(text).toBe((await streamed(steady, meters.map(exportMeterOf), { format: 'csv' })).text);
  });
});
