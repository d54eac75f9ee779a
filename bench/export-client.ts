/**
 * One export of the export benchmark (bench/cases/export-all-meters.ts), in a process of its own so its
 * peak memory is its own: the portal's export run (features/usage/api/export-meters.ts) with its
 * formatter (model/export-format.ts, the export worker's code, here in process) against the sandbox
 * server, writing either as it goes to a file, or into memory first and then to the file, as the
 * single-meter download does (one text, then a Blob). Prints its figures as JSON.
 *
 * Arguments: <base URL> <streamed|in-memory> <from> <to> <output file>; the access token in EXPORT_TOKEN
 * (not an argument, which any process on the machine can list).
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createApiClient } from '../src/lib/api-client.ts';
import { exportMeters, type ByteSink, type ExportMeter } from '../src/features/usage/api/export-meters.ts';
import { createByteFormatter } from '../src/features/usage/model/export-format.ts';
import type { UsagePointListing } from '../src/features/usage/api/usage-points.ts';

const [base = '', mode = 'streamed', from = '', to = '', output = ''] = process.argv.slice(2);
const token = process.env.EXPORT_TOKEN ?? '';
const range = { from, to };
const api = createApiClient({
  getAccessToken: async () => token,
  renew: async () => null,
  onSessionLost: () => {},
});
const { usagePoints } = (await api.json(`${base}/api/customer/v1/usage-points`)) as {
  usagePoints: UsagePointListing[];
};
const meters: ExportMeter[] = usagePoints.map((up) => ({
  id: up.id,
  name: up.title ?? up.id,
  batchHref: up.hrefs.batch,
  ...(up.timeZone ? { timeZone: up.timeZone } : {}),
  ...(up.intervalLength ? { intervalLength: up.intervalLength } : {}),
}));

const t0 = performance.now();
const formatter = createByteFormatter({
  format: 'csv',
  range,
  anonymize: false,
  feedHref: `${base}/espi/1_1/resource/UsagePoint`,
  updated: new Date().toISOString(),
});
const file = createWriteStream(output);
const held: Uint8Array[] = [];
const streamedSink: ByteSink = {
  async write(bytes) {
    // Backpressure: wait when the file's buffer is full, as a browser's writable stream makes the writer wait.
    if (!file.write(bytes)) await once(file, 'drain');
  },
};
const inMemorySink: ByteSink = { write: async (bytes) => void held.push(bytes) };
const sink = mode === 'streamed' ? streamedSink : inMemorySink;
await sink.write(formatter.head);
let readings = 0;
const outcome = await exportMeters({
  api,
  meters,
  range,
  writer: { meter: async (feed) => formatter.meter(feed) },
  sink,
  signal: new AbortController().signal,
  onWritten: (written) => (readings += written.readings),
});
await sink.write(formatter.tail);
if (mode === 'streamed') {
  file.end();
  await once(file, 'finish');
} else {
  file.destroy();
  // The old way: the whole file as one Blob, then saved.
  const blob = new Blob(held as Uint8Array<ArrayBuffer>[], { type: 'text/csv' });
  held.length = 0;
  await writeFile(output, blob.stream());
}
const ms = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    meters: meters.length,
    skipped: outcome.skipped.length,
    complete: outcome.kind === 'complete',
    readings,
  }) + '\n',
);
