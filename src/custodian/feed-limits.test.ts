/**
 * Feeds over real HTTP are bounded and streamed (issue 13): a maximum page, Atom next links, a default
 * page when none is asked, and a large feed written as the client reads it while others are answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from './feed-stream.ts';
import { startSandboxServer, type SandboxServer } from './server.ts';
import { basic, bearer, postForm, type TokenResponse } from '../testing/custodian-client.ts';
import { SANDBOX_PORTAL_REDIRECT_URI, commercialApiClient } from '../testing/own-api-client.ts';
import { assertValidEspi } from '../testing/test-data.ts';

let sandbox: SandboxServer;
let tokens: TokenResponse;
beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0 });
  const client = await commercialApiClient(sandbox.url, SANDBOX_PORTAL_REDIRECT_URI);
  const response = await postForm(
    `${sandbox.url}/oauth/token`,
    { grant_type: 'password', username: 'commercial', password: 'demo' },
    { Authorization: basic(client.clientId, client.clientSecret) },
  );
  tokens = (await response.json()) as TokenResponse;
});
afterAll(() => sandbox.close());

const get = (url: string) => fetch(url, { headers: bearer(tokens.access_token) });
const entryIds = (xml: string) => [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
const nextHref = (xml: string) =>
  /<link rel="next" href="([^"]+)"\/>/.exec(xml)?.[1]?.replace(/&amp;/g, '&') ?? null;

describe('feed pages', () => {
  it('refuses a page beyond the maximum with 400 and says the limit', async () => {
    for (const size of [PAGE_SIZE.max + 1, 999_999_999]) {
      const response = await get(`${tokens.resourceURI}?max-results=${size}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error_description: string };
      expect(body.error_description).toContain(`at most ${PAGE_SIZE.max}`);
    }
  });

  it('links each page to the next (Atom rel="next"), and the pages follow on without overlap', async () => {
    const first = await (await get(`${tokens.resourceURI}?max-results=4`)).text();
    assertValidEspi(first);
    const next = nextHref(first);
    expect(next).toBe(`${tokens.resourceURI}?max-results=4&start-index=5`);
    const second = await (await get(next ?? '')).text();
    expect(entryIds(first)).toHaveLength(4);
    expect(entryIds(second)).toHaveLength(4);
    expect(new Set([...entryIds(first), ...entryIds(second)]).size).toBe(8);
    const all = await (await get(`${tokens.resourceURI}?max-results=8`)).text();
    expect(entryIds(all)).toEqual([...entryIds(first), ...entryIds(second)]);
  });

  it('gives the last page no next link', async () => {
    const readingTypes = `${sandbox.url}/espi/1_1/resource/ReadingType`;
    const whole = await (await get(readingTypes)).text();
    expect(nextHref(whole)).toBeNull();
    const count = entryIds(whole).length;
    const last = await (await get(`${readingTypes}?start-index=${count}&max-results=1`)).text();
    expect(entryIds(last)).toHaveLength(1);
    expect(nextHref(last)).toBeNull();
  });

  it('sends the default page size when none is asked, and links to the rest', async () => {
    const xml = await (await get(tokens.resourceURI)).text();
    expect(entryIds(xml)).toHaveLength(PAGE_SIZE.default);
    expect(nextHref(xml)).toBe(
      `${tokens.resourceURI}?start-index=${PAGE_SIZE.default + 1}&max-results=${PAGE_SIZE.default}`,
    );
  });
});

describe('a large feed', () => {
  it('is streamed (chunked, no length), and the server answers others while it is open', async () => {
    const feed = await get(`${tokens.resourceURI}?max-results=${PAGE_SIZE.max}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('transfer-encoding')).toBe('chunked');
    expect(feed.headers.get('content-length')).toBeNull();
    const reader = feed.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value).slice(0, 200)).toContain('<feed');
    // The feed stays open and unread; discovery is answered meanwhile.
    const discovery = await fetch(`${sandbox.url}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    await reader?.cancel();
    // Cancelling the big feed leaves the server whole.
    expect((await fetch(`${sandbox.url}/oauth/jwks`)).status).toBe(200);
  });
});
