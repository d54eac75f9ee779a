import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_RECORDS_SCOPE } from './directory.ts';
import { NODE_BASE_URL as B, NODE_PORTAL_REDIRECT_URI, startNodeCustodian } from './node.ts';
import { basic, bearer, codeFlow, postForm, type TokenResponse } from '../testing/custodian-client.ts';
import { assertValidEspi } from '../testing/test-data.ts';

const clock = Date.parse('2025-06-15T12:00:00Z');
const custodian = startNodeCustodian({ now: () => clock });
afterAll(() => custodian.close());

const R = `${B}/espi/1_1/resource`;
const brightwatt = (username: string, scope = CUSTOMER_RECORDS_SCOPE, usagePointIds?: string[]) =>
  codeFlow(
    B,
    {
      clientId: 'brightwatt',
      redirectUri: 'https://brightwatt.example/callback',
      scope,
      username,
      ...(usagePointIds ? { usagePointIds } : {}),
    },
    'brightwatt-secret',
  );

let household: TokenResponse;
beforeAll(async () => {
  household = await brightwatt('household');
});

const text = async (url: string, token: string) => {
  const response = await fetch(url, { headers: bearer(token) });
  expect(response.status, url).toBe(200);
  const xml = await response.text();
  assertValidEspi(xml);
  return xml;
};
/** Every value of a (non-nested) element, in document order. */
const values = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<(?:espi:)?${element}>(-?\\d+)</(?:espi:)?${element}>`, 'g'))].map((m) =>
    Number(m[1]),
  );
const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

describe('Statements (bills)', () => {
  it('bill each month what the interval data cost: the sum of the usage summaries of the account', async () => {
    const xml = await text(`${R}/Statement/stmt-1001-01-202505`, household.access_token);
    expect(xml).toContain('<name>Bill for May 2025</name>');
    const [amount] = values(xml, 'amount');
    const sub = household.resourceURI.split('/').pop() ?? '';
    const summaries = await Promise.all(
      ['up-1001-e', 'up-1001-g'].map((up) =>
        text(`${R}/Subscription/${sub}/UsagePoint/${up}/UsageSummary/202505`, household.access_token),
      ),
    );
    const billed = sum(summaries.flatMap((s) => values(s, 'billLastPeriod')));
    expect(billed).toBeGreaterThan(0);
    expect(amount).toBe(billed);
    // The electricity part is the time-of-use cost of every reading of the month.
    const blocks = await text(
      `${R}/Subscription/${sub}/UsagePoint/up-1001-e/MeterReading/delivered/IntervalBlock?published-min=2025-05-01T07:00:00Z&published-max=2025-06-01T07:00:00Z`,
      household.access_token,
    );
    expect(sum(values(blocks, 'cost'))).toBe(values(summaries[0] ?? '', 'billLastPeriod')[0]);
  });

  it('are issued five days after the month, the account showing the last one', async () => {
    const feed = await text(`${R}/Statement`, household.access_token);
    const names = [...feed.matchAll(/<name>(Bill for [^<]+)<\/name>/g)].map((m) => m[1]);
    expect(names.at(-1)).toBe('Bill for May 2025'); // June is not over on June 15th
    expect(names).toHaveLength(12);
    const account = await text(`${R}/CustomerAccount/acct-1001-01`, household.access_token);
    const latest = await text(`${R}/Statement/stmt-1001-01-202505`, household.access_token);
    expect(values(account, 'lastBillAmount')).toEqual(values(latest, 'amount'));
  });
});

describe('the customer’s records', () => {
  it('place the usage points at the address the portal shows, with their meters', async () => {
    const location = await text(`${R}/ServiceLocation`, household.access_token);
    expect(location).toContain('<addressGeneral>1427 Alder Lane</addressGeneral>');
    expect(location).toContain('<name>Sacramento</name>');
    expect(location).toContain('<postalCode>95818</postalCode>');
    expect(location).toContain(`<UsagePoint>${R}/UsagePoint/up-1001-e</UsagePoint>`);
    const meters = await text(`${R}/Meter`, household.access_token);
    expect(meters).toContain('<serialNumber>E-4471902</serialNumber>');
    expect(meters).toContain('<serialNumber>G-2208815</serialNumber>');
    const customer = await text(`${R}/Customer/rc-1001`, household.access_token);
    expect(customer).toContain('<customerName>Maya Okafor</customerName>');
  });

  it('are refused to a third party whose scope lacks the retail-customer blocks', async () => {
    const detailOnly =
      'FB=1_3_4_5_8_10_12_13_14_15_16_19_32_37_39;IntervalDuration=900;BlockDuration=daily;HistoryLength=63072000';
    const token = await brightwatt('household', detailOnly);
    const response = await fetch(`${R}/Customer`, { headers: bearer(token.access_token) });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error_description: string }).error_description).toMatch(
      /function block 50 and 51/,
    );
  });

  it('show a third party only the sites of the usage points it was authorized for', async () => {
    const token = await brightwatt('commercial', CUSTOMER_RECORDS_SCOPE, ['up-3001-0001']);
    const locations = await text(`${R}/ServiceLocation`, token.access_token);
    expect(locations.split('<entry>')).toHaveLength(2);
    expect(locations).toContain('<UsagePoint>');
    expect(locations).not.toContain('up-3001-0065'); // same site, not authorized
    expect((await text(`${R}/Meter`, token.access_token)).split('<entry>')).toHaveLength(2);
    // Another customer's record is not there at all.
    const other = await fetch(`${R}/Customer/rc-1001`, { headers: bearer(token.access_token) });
    expect(other.status).toBe(404);
  });

  it('are all the customer’s own with the portal’s token, without the PII blocks in its scope', async () => {
    const portal = await codeFlow(B, {
      clientId: 'green-button-portal',
      redirectUri: NODE_PORTAL_REDIRECT_URI,
      scope: 'openid',
      username: 'commercial',
    });
    const accounts = await text(`${R}/CustomerAccount?max-results=100`, portal.access_token);
    expect(accounts.split('<entry>')).toHaveLength(65); // one per site
  });
});

describe('ApplicationInformation', () => {
  it('lists every registered third party to the portal, as text, without a credential', async () => {
    const portal = await codeFlow(B, {
      clientId: 'green-button-portal',
      redirectUri: NODE_PORTAL_REDIRECT_URI,
      scope: 'openid',
      username: 'household',
    });
    const xml = await text(`${R}/ApplicationInformation`, portal.access_token);
    for (const id of [
      'brightwatt',
      'suntrack',
      'gasmeter-compare',
      'markup-test',
      'gridflex',
      'carbonledger',
    ])
      expect(xml).toContain(`<espi:client_id>${id}</espi:client_id>`);
    expect(xml).toContain('<espi:client_name>&lt;img src=x onerror=alert(1)&gt;</espi:client_name>');
    expect(xml).toContain(`<espi:logo_uri>${B}/logos/brightwatt.svg</espi:logo_uri>`);
    expect(xml).toContain(`<espi:scope>${CUSTOMER_RECORDS_SCOPE}</espi:scope>`);
    expect(xml).not.toContain('-secret');
    expect(xml).not.toContain('green-button-portal</espi:client_id>');
  });

  it('gives a client token its own registration and refuses another’s', async () => {
    const token = (
      (await (
        await postForm(
          `${B}/oauth/token`,
          { grant_type: 'client_credentials' },
          { Authorization: basic('suntrack', 'suntrack-secret') },
        )
      ).json()) as TokenResponse
    ).access_token;
    const feed = await text(`${R}/ApplicationInformation`, token);
    expect(feed.split('<entry>')).toHaveLength(2);
    expect(feed).toContain('<espi:client_id>suntrack</espi:client_id>');
    const other = await fetch(`${R}/ApplicationInformation/brightwatt`, { headers: bearer(token) });
    expect(other.status).toBe(403);
    const mine = await fetch(`${R}/ApplicationInformation/brightwatt`, {
      headers: bearer(household.access_token),
    });
    expect(mine.status).toBe(403); // a token for a customer's data reads no registration
  });
});

describe('root forms of the usage resources', () => {
  it('carry the same Atom ids as the subscription’s', async () => {
    const sub = household.resourceURI.split('/').pop() ?? '';
    const id = (xml: string) => /<entry[^>]*>\s*<id>([^<]+)<\/id>/.exec(xml)?.[1];
    const root = await text(`${R}/MeterReading/up-1001-e.delivered`, household.access_token);
    const scoped = await text(
      `${R}/Subscription/${sub}/UsagePoint/up-1001-e/MeterReading/delivered`,
      household.access_token,
    );
    expect(id(root)).toBe(id(scoped));
    expect(root).toContain(`<link rel="self" href="${R}/MeterReading/up-1001-e.delivered"`);
    const block = await text(`${R}/IntervalBlock/up-1001-e.delivered.20250601`, household.access_token);
    expect(values(block, 'value').length).toBe(96);
  });
});
