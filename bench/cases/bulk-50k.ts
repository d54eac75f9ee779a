/**
 * An aggregator pulls the latest day of a 50,000-meter bulk (issue 20) from the real HTTP server, page
 * by page (`rel="next"`, the largest page ESPI's max-results allows here). The server runs as its own
 * process; synthetic customers (each under terms of their own) join GridFlex's hourly bulk through the
 * demo control first. Reported, each against a baseline of the same run:
 * - server memory at its highest during the whole pull, against its highest while serving one page: a
 *   streamed, paged feed keeps memory flat however many pages follow;
 * - the whole pull's time, against the first page's time times the number of pages: what paging costs
 *   beyond the pages themselves (each page skips the entries before it).
 */
import { once } from 'node:events';
import { result, type BenchCase, type BenchResult } from '../harness.ts';
import { peakRss, rssMb, startSandboxProcess } from '../sandbox-process.ts';
import { PAGE_SIZE } from '../../src/custodian/feed-stream.ts';
import { basic, postForm, type TokenResponse } from '../../src/testing/custodian-client.ts';

/** In this engineer's bench port range; loopback only. */
const PORT = 4601;
const BASE = `http://localhost:${PORT}`;
const BULK = '5101';
const METERS = 50_000;
const DEMO_TOKEN = 'bulk-bench-demo-token';

/** One page read to its end: its next link and the usage points in it. */
async function readPage(
  url: string,
  token: string,
): Promise<{ next?: string; meters: number; bytes: number }> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const xml = await response.text();
  const next = /<link rel="next" href="([^"]+)"/.exec(xml)?.[1]?.replaceAll('&amp;', '&');
  const meters = xml.match(/<link rel="self" href="[^"]*\/UsagePoint\/[^"/]+"/g)?.length ?? 0;
  return { ...(next ? { next } : {}), meters, bytes: xml.length };
}

const benchCase: BenchCase = {
  name: 'a 50,000-meter bulk, page by page',
  async run(): Promise<BenchResult[]> {
    const server = await startSandboxProcess(PORT, { DEMO_TOKEN });
    const pid = server.pid ?? 0;
    try {
      const population = await fetch(`${BASE}/__demo/bulks/${BULK}/population`, {
        method: 'PUT',
        headers: { 'X-Demo-Token': DEMO_TOKEN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ meters: METERS }),
      });
      if (!population.ok) throw new Error(`population answered ${population.status}`);
      const { grants } = (await population.json()) as { grants: number };
      const token = (
        (await (
          await postForm(
            `${BASE}/oauth/token`,
            { grant_type: 'client_credentials' },
            { Authorization: basic('gridflex', 'gridflex-secret') },
          )
        ).json()) as TokenResponse
      ).access_token;
      const first = `${BASE}/espi/1_1/resource/Batch/Bulk/${BULK}?max-results=${PAGE_SIZE.max}`;
      await readPage(first, token); // warm-up: code paths compiled before anything is measured

      const onePage = peakRss(pid);
      const t0 = performance.now();
      await readPage(first, token);
      const pageMs = performance.now() - t0;
      const onePagePeak = onePage.stop();

      const whole = peakRss(pid);
      const t1 = performance.now();
      let pages = 0;
      let meters = 0;
      let bytes = 0;
      for (let url: string | undefined = first; url !== undefined; pages++) {
        const page = await readPage(url, token);
        meters += page.meters;
        bytes += page.bytes;
        url = page.next;
      }
      const pullMs = performance.now() - t1;
      const wholePeak = whole.stop();
      if (meters < METERS) throw new Error(`the pull carried ${meters} meters, not ${METERS}`);

      process.stderr.write(
        `  ${meters} meters of ${grants}+ customers in ${pages} pages (${(bytes / 1e6).toFixed(0)} MB) in ` +
          `${(pullMs / 1000).toFixed(1)} s; first page ${pageMs.toFixed(0)} ms; server memory ` +
          `${onePagePeak.toFixed(0)} MB serving one page, ${wholePeak.toFixed(0)} MB at most during the pull, ` +
          `${rssMb(pid).toFixed(0)} MB after\n`,
      );
      return [
        result(
          `bulk: server memory pulling ${meters} meters in ${pages} pages (baseline: serving one page)`,
          { value: wholePeak, unit: 'MB', baseline: onePagePeak },
          { ratio: 1.5, higherIsBetter: false },
        ),
        result(
          `bulk: time to pull ${meters} meters page by page (baseline: first page x ${pages})`,
          { value: pullMs, unit: 'ms', baseline: pageMs * pages },
          { ratio: 3, higherIsBetter: false },
        ),
      ];
    } finally {
      server.kill();
      await once(server, 'exit');
    }
  },
};

export default benchCase;
