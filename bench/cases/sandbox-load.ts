/**
 * The sandbox server under load and fault (issue 13), on loopback only and bounded in time: the server
 * runs as its own process (its memory is its own), 50 autocannon clients read windowed ESPI feeds and
 * the customer API (a household's portal) for 30 s, then one client reads a maximal feed (the largest page, unwindowed, the
 * 1,280-meter account) while discovery is asked again and again. Reported: errors against requests,
 * p99 against p50 latency, discovery's slowest answer during the maximal feed against a 1 s budget, and
 * the server's resident memory during the load, during the maximal feed and after, against before.
 */
import { once } from 'node:events';
import autocannon from 'autocannon';
import { result, type BenchCase, type BenchResult } from '../harness.ts';
import { peakRss, rssMb, startSandboxProcess } from '../sandbox-process.ts';
import { PAGE_SIZE } from '../../src/custodian/feed-stream.ts';
import { basic, codeFlow, postForm, type TokenResponse } from '../../src/testing/custodian-client.ts';
import { commercialApiClient } from '../../src/testing/own-api-client.ts';

/** In this project's bench port range; loopback only. */
const PORT = 4245;
const BASE = `http://localhost:${PORT}`;
const LOAD_SECONDS = 30;
const CLIENTS = 50;
const PORTAL_REDIRECT = 'http://localhost:5173/auth/callback';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function load(commercial: TokenResponse, portalToken: string) {
  const day = 86_400_000;
  const window = `published-min=${iso(Date.now() - 9 * day)}&published-max=${iso(Date.now() - 2 * day)}`;
  const espi = new URL(commercial.resourceURI).pathname;
  const requests = [
    ...['0001', '0002', '0101', '1280'].map((meter) => ({
      path: `${espi}/UsagePoint/up-3001-${meter}?${window}`,
      headers: { Authorization: `Bearer ${commercial.access_token}` },
    })),
    ...['/me', '/usage-points', '/authorizations', '/third-parties'].map((path) => ({
      path: `/api/customer/v1${path}`,
      headers: { Authorization: `Bearer ${portalToken}` },
    })),
  ];
  return autocannon({ url: BASE, connections: CLIENTS, duration: LOAD_SECONDS, requests });
}

/** Reads the maximal feed to its end, asking discovery every 200 ms meanwhile: the slowest answer, ms. */
async function maximalFeed(commercial: TokenResponse): Promise<{ bytes: number; slowestDiscovery: number }> {
  const feed = await fetch(`${commercial.resourceURI}?max-results=${PAGE_SIZE.max}`, {
    headers: { Authorization: `Bearer ${commercial.access_token}` },
  });
  let done = false;
  let slowest = 0;
  const probing = (async () => {
    while (!done) {
      const t0 = performance.now();
      const answer = await fetch(`${BASE}/.well-known/openid-configuration`);
      await answer.arrayBuffer();
      if (!answer.ok) throw new Error(`discovery answered ${answer.status}`);
      slowest = Math.max(slowest, performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  let bytes = 0;
  for await (const chunk of feed.body ?? []) bytes += (chunk as Uint8Array).length;
  done = true;
  await probing;
  return { bytes, slowestDiscovery: slowest };
}

/** Waits (at most 20 s) until discovery answers within 100 ms: the server has nothing queued. */
async function settle(): Promise<void> {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const t0 = performance.now();
    await (await fetch(`${BASE}/.well-known/openid-configuration`)).arrayBuffer();
    if (performance.now() - t0 < 100) return;
  }
}

const benchCase: BenchCase = {
  name: 'sandbox server under load',
  async run(): Promise<BenchResult[]> {
    const server = await startSandboxProcess(PORT);
    const pid = server.pid ?? 0;
    try {
      const own = await commercialApiClient(BASE, PORTAL_REDIRECT);
      const commercial = (await (
        await postForm(
          `${BASE}/oauth/token`,
          { grant_type: 'password', username: 'commercial', password: 'demo' },
          { Authorization: basic(own.clientId, own.clientSecret) },
        )
      ).json()) as TokenResponse;
      const portal = await codeFlow(BASE, {
        clientId: 'green-button-portal',
        redirectUri: PORTAL_REDIRECT,
        scope: 'openid customer_api',
        // A household's portal: the customer API as most customers use it.
        username: 'household',
      });
      const before = rssMb(pid);

      const duringLoad = peakRss(pid);
      const loaded = await load(commercial, portal.access_token);
      const loadPeak = duringLoad.stop();
      // Requests autocannon abandoned at the end are still being answered: let the server finish them.
      await settle();

      const duringFeed = peakRss(pid);
      const maximal = await maximalFeed(commercial);
      const feedPeak = duringFeed.stop();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const after = rssMb(pid);

      const failures = loaded.errors + loaded.timeouts + loaded.non2xx;
      process.stderr.write(
        `  ${loaded.requests.total} requests in ${LOAD_SECONDS} s (${loaded.requests.average} req/s), ` +
          `p50 ${loaded.latency.p50} ms, p99 ${loaded.latency.p99} ms, ` +
          `${failures} failed (${loaded.errors} errors, ${loaded.timeouts} timeouts, ${loaded.non2xx} not 2xx); ` +
          `maximal feed ${(maximal.bytes / 1e6).toFixed(1)} MB; memory ${before.toFixed(0)} MB before, ` +
          `${loadPeak.toFixed(0)} MB under load, ${feedPeak.toFixed(0)} MB during the maximal feed, ${after.toFixed(0)} MB after\n`,
      );
      return [
        result(
          `sandbox: failed requests of ${loaded.requests.total}, ${CLIENTS} clients x ${LOAD_SECONDS} s`,
          { value: failures, unit: 'requests', baseline: loaded.requests.total },
          { ratio: 0, higherIsBetter: false },
        ),
        result(
          'sandbox: p99 latency under load (baseline: p50)',
          { value: loaded.latency.p99, unit: 'ms', baseline: loaded.latency.p50 },
          { ratio: 20, higherIsBetter: false },
        ),
        result(
          `sandbox: slowest discovery during a maximal feed (${(maximal.bytes / 1e6).toFixed(0)} MB) (budget 1 s)`,
          { value: maximal.slowestDiscovery, unit: 'ms', baseline: 1000 },
          { ratio: 1, higherIsBetter: false },
        ),
        result(
          'sandbox: server memory under load (baseline: before)',
          { value: loadPeak, unit: 'MB', baseline: before },
          { ratio: 3, higherIsBetter: false },
        ),
        result(
          'sandbox: server memory during a maximal feed (baseline: before)',
          { value: feedPeak, unit: 'MB', baseline: before },
          { ratio: 3, higherIsBetter: false },
        ),
        result(
          'sandbox: server memory after (baseline: before)',
          { value: after, unit: 'MB', baseline: before },
          { ratio: 2, higherIsBetter: false },
        ),
      ];
    } finally {
      server.kill();
      await once(server, 'exit');
    }
  },
};

export default benchCase;
