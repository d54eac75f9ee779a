/**
 * The Green Button Alliance's OpenAPI description of the ESPI API (testdata/gba-openapi, vendored with its
 * licence and commit), walked against the sandbox over real HTTP: for every path and method it lists, the
 * sandbox answers 200 with the token kind ESPI gives that path, `application/atom+xml`, and a body valid
 * against espi.xsd (usage data) or customer.xsd (PII) alone, so the two are never mixed; 403 to a token of
 * another kind, 400 to a malformed query parameter, 404 to an unknown id where the description lists it.
 * A path added upstream that this test cannot place is named by the first test.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_RECORDS_SCOPE } from './directory.ts';
import { startSandboxServer, type SandboxServer } from './server.ts';
import { basic, bearer, codeFlow, postForm, type TokenResponse } from '../testing/custodian-client.ts';
import { SANDBOX_PORTAL_REDIRECT_URI, commercialApiClient } from '../testing/own-api-client.ts';
import { schemaErrors } from '../testing/test-data.ts';

const OPENAPI = fileURLToPath(new URL('../../testdata/gba-openapi/openapi/openapi.yaml', import.meta.url));
const RESOURCE = '/espi/1_1/resource';

interface Operation {
  parameters?: ({ name: string; in: string } | { $ref: string })[];
  responses: Record<string, { $ref?: string }>;
}
interface Described {
  template: string;
  method: string;
  operation: Operation;
}

function readYaml<T>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

/** Every (path, method) of the description, each path's file resolved from its `$ref`. */
function describedOperations(): Described[] {
  const root = readYaml<{ paths: Record<string, { $ref: string }> }>(OPENAPI);
  return Object.entries(root.paths).flatMap(([template, ref]) => {
    const item = readYaml<Record<string, Operation>>(join(dirname(OPENAPI), ref.$ref));
    return Object.entries(item).map(([method, operation]) => ({ template, method, operation }));
  });
}

/** The query parameters an operation lists (by their component file's name). */
function queryParameters(operation: Operation): string[] {
  return (operation.parameters ?? []).flatMap((p) =>
    '$ref' in p ? [p.$ref.replace(/^.*\//, '').replace(/\.yaml$/, '')] : p.in === 'query' ? [p.name] : [],
  );
}

/** The resource an operation's 200 answer holds (`AtomFeed_Customer` is Customer), if it names one. */
function answeredResource(operation: Operation): string | undefined {
  return /Atom(?:Feed|Entry)_(\w+)\.yaml$/.exec(operation.responses['200']?.$ref ?? '')?.[1];
}

type TokenKind = 'customer' | 'client' | 'own';

/**
 * Which of the sandbox's token kinds reads a path (docs/espi.md 1.2, 1.3, 1.7): a third party's client
 * token for its registration, its authorizations, bulk and the service status; the customer's own token
 * for Download My Data; a customer-data token for the rest. A path matching no rule is unplaced.
 */
const TOKEN_RULES: [RegExp, TokenKind][] = [
  [/^\/(ApplicationInformation|Authorization|ReadServiceStatus)$/, 'client'],
  [/^\/(ApplicationInformation|Authorization)\/\{\w+\}$/, 'client'],
  [/^\/Batch\/Bulk\/\{\w+\}$/, 'client'],
  [/^\/Batch\/RetailCustomer\/\{\w+\}\/UsagePoint$/, 'own'],
  [/^\/Batch\/Subscription\/\{\w+\}(\/UsagePoint\/\{\w+\})?$/, 'customer'],
  [/^\/Subscription\/\{\w+\}\/UsagePoint(\/\{\w+\}(\/\w+(\/\{\w+\})?)*)?$/, 'customer'],
  [
    /^\/(UsagePoint|MeterReading|IntervalBlock|ReadingType|LocalTimeParameters|Customer|CustomerAccount|CustomerAgreement|ServiceLocation|ServiceSupplier|Meter|EndDevice|Statement|ProgramDateIdMappings)(\/\{\w+\})?$/,
    'customer',
  ],
];

function tokenKindOf(template: string): TokenKind | undefined {
  const path = template.slice(RESOURCE.length);
  return TOKEN_RULES.find(([pattern]) => pattern.test(path))?.[1];
}

const CUSTOMER_RESOURCES = new Set([
  'Customer',
  'CustomerAccount',
  'CustomerAgreement',
  'ServiceLocation',
  'ServiceSupplier',
  'Meter',
  'EndDevice',
  'Statement',
  'ProgramDateIdMappings',
]);
const isCustomerPath = (template: string) =>
  CUSTOMER_RESOURCES.has(template.slice(RESOURCE.length).split('/')[1] ?? '');

const OPERATIONS = describedOperations();

let sandbox: SandboxServer;
const tokens = {} as Record<TokenKind, string>;
/** Path parameters whose values come from a token, not from a collection. */
const knownIds: Record<string, string> = {};

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0 });
  const customer: TokenResponse = await codeFlow(
    sandbox.url,
    {
      clientId: 'brightwatt',
      redirectUri: 'https://brightwatt.example/callback',
      scope: CUSTOMER_RECORDS_SCOPE,
    },
    'brightwatt-secret',
  );
  const grant = async (form: Record<string, string>, client: string, secret = `${client}-secret`) =>
    (
      (await (
        await postForm(`${sandbox.url}/oauth/token`, form, {
          Authorization: basic(client, secret),
        })
      ).json()) as TokenResponse
    ).access_token;
  tokens.customer = customer.access_token;
  tokens.client = await grant({ grant_type: 'client_credentials' }, 'gridflex');
  const own = await commercialApiClient(sandbox.url, SANDBOX_PORTAL_REDIRECT_URI);
  tokens.own = await grant(
    { grant_type: 'password', username: 'commercial', password: 'demo' },
    own.clientId,
    own.clientSecret,
  );
  knownIds.subscriptionId = customer.resourceURI.split('/').pop() ?? '';
  knownIds.retailCustomerId = 'rc-3001';
  // gridflex's bulk: the resourceURI of a bulk grant among its authorizations.
  const authorizations = await (await get(`${sandbox.url}${RESOURCE}/Authorization`, tokens.client)).text();
  knownIds.bulkId = /\/Batch\/Bulk\/([^<]+)<\/espi:resourceURI>/.exec(authorizations)?.[1] ?? '';
}, 60_000);
afterAll(() => sandbox.close());

function get(url: string, token: string): Promise<Response> {
  return fetch(url, { headers: bearer(token) });
}

/** Values for every query parameter the operation lists, wide enough to keep every entry. */
function validQuery(operation: Operation): URLSearchParams {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const values: Record<string, string> = {
    'published-min': '2000-01-01T00:00:00Z',
    'published-max': now,
    'updated-min': '2000-01-01T00:00:00Z',
    'updated-max': now,
    'max-results': '3',
    'start-index': '1',
    depth: '3',
  };
  return new URLSearchParams(queryParameters(operation).map((name) => [name, values[name] ?? '']));
}

const ids = new Map<string, string>();

async function firstEntryHref(collection: string, token: string): Promise<string | undefined> {
  const feed = await (await get(`${collection}?max-results=1`, token)).text();
  return /<entry>[\s\S]*?<link rel="self" href="([^"]+)"/.exec(feed)?.[1];
}

/** `…/Batch/Subscription/{id}/UsagePoint` is no collection: its members are listed at `…/resource/UsagePoint`. */
function rootCollection(url: string): string {
  return `${sandbox.url}${RESOURCE}/${url.split('/').pop() ?? ''}`;
}

/**
 * The URL of a path template: each `{id}` is the last segment of the first entry of the collection the
 * template names before it (read with the same token), or a value the tokens gave.
 */
async function concreteUrl(template: string, token: string): Promise<string> {
  let url = sandbox.url;
  for (const segment of template.split('/').filter(Boolean)) {
    const param = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!param) {
      url += `/${segment}`;
      continue;
    }
    const cached = knownIds[param] ?? ids.get(url);
    if (cached) {
      url += `/${encodeURIComponent(cached)}`;
      continue;
    }
    const self = (await firstEntryHref(url, token)) ?? (await firstEntryHref(rootCollection(url), token));
    const id = self?.split('/').pop();
    if (!id) throw new Error(`No entry in ${url} (nor at the root) to take {${param}} from.`);
    ids.set(url, decodeURIComponent(id));
    url += `/${id}`;
  }
  return url;
}

describe('the GBA OpenAPI description (testdata/gba-openapi)', () => {
  it('lists 47 paths, each placed with a token kind', () => {
    expect(new Set(OPERATIONS.map((o) => o.template)).size).toBe(47);
    const unplaced = OPERATIONS.filter((o) => !tokenKindOf(o.template)).map((o) => o.template);
    expect(unplaced, 'paths the contract does not know which token reads').toEqual([]);
  });

  it('describes only GET operations (the sandbox serves ESPI resources read-only)', () => {
    expect(OPERATIONS.filter((o) => o.method !== 'get').map((o) => `${o.method} ${o.template}`)).toEqual([]);
  });
});

describe.each(OPERATIONS.map((o) => [`${o.method.toUpperCase()} ${o.template}`, o] as const))(
  '%s',
  (_name, { template, operation }) => {
    const kind = tokenKindOf(template) ?? 'customer';
    const schema = isCustomerPath(template) ? 'customer.xsd' : 'espi.xsd';

    it(`answers 200 with Atom valid against ${schema} alone to a ${kind} token`, async () => {
      const url = await concreteUrl(template, tokens[kind]);
      const query = validQuery(operation);
      const response = await get(`${url}${query.size ? `?${query}` : ''}`, tokens[kind]);
      const body = await response.text();
      expect(response.status, body.slice(0, 300)).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/atom+xml');
      expect(schemaErrors(body, schema)).toBe('');
      const resource = answeredResource(operation);
      if (resource) expect(body).toMatch(new RegExp(`<(espi:)?${resource}[ >/]`));
    });

    it('answers 403 to a token of another kind', async () => {
      const url = await concreteUrl(template, tokens[kind]);
      const other = kind === 'customer' ? tokens.client : tokens.customer;
      const response = await get(url, other);
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
    });

    if (queryParameters(operation).includes('max-results')) {
      it('answers 400 to a malformed query parameter', async () => {
        const url = await concreteUrl(template, tokens[kind]);
        expect((await get(`${url}?max-results=-1`, tokens[kind])).status).toBe(400);
        expect((await get(`${url}?published-min=yesterday`, tokens[kind])).status).toBe(400);
      });
    }

    if (operation.responses['404']) {
      it('answers 404 to an id that does not exist', async () => {
        const url = await concreteUrl(template, tokens[kind]);
        const unknown = url.replace(/\/[^/]+$/, '/no-such-resource');
        expect((await get(unknown, tokens[kind])).status).toBe(404);
      });
    }
  },
);
