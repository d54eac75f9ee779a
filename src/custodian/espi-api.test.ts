import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B, startNodeCustodian } from './node.ts';
import { basic, bearer, codeFlow, postForm, type TokenResponse } from '../testing/custodian-client.ts';
import { PORTAL, TEST_START } from '../testing/node-custodian.ts';
import { assertValidEspi } from '../testing/test-data.ts';

const custodian = startNodeCustodian({ now: () => TEST_START });
afterAll(() => custodian.close());

const R = `${B}/espi/1_1/resource`;
const FULL =
  'FB=1_3_4_5_8_10_12_13_14_15_16_19_32_37_39;IntervalDuration=900;BlockDuration=daily;HistoryLength=63072000';
const GAS_ONLY =
  'FB=1_3_4_10_13_14_19_32_37_39;IntervalDuration=86400;BlockDuration=monthly;HistoryLength=34128000';
const WINDOW = 'published-min=2025-06-11T00:00:00Z&published-max=2025-06-13T12:00:00Z';

let household: TokenResponse;
let gasApp: TokenResponse;
beforeAll(async () => {
  household = await codeFlow(
    B,
    { clientId: 'suntrack', redirectUri: 'https://suntrack.example/callback', scope: FULL },
    'suntrack-secret',
  );
  gasApp = await codeFlow(
    B,
    {
      clientId: 'gasmeter-compare',
      redirectUri: 'https://gasmeter-compare.example/callback',
      scope: GAS_ONLY,
    },
    'gasmeter-compare-secret',
  );
});

const get = (url: string, token?: string) => fetch(url, { headers: token ? bearer(token) : {} });
const count = (xml: string, element: string) => xml.split(`<espi:${element}>`).length - 1;
const subscriptionOf = (t: TokenResponse) => t.resourceURI.split('/').pop() ?? '';

describe('bearer tokens (docs/espi.md 1.6)', () => {
  it('answers 401 invalid_token for a missing, unknown or malformed token', async () => {
    for (const token of [undefined, 'nonsense', `${household.access_token}x`]) {
      const response = await get(household.resourceURI, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(
        /^Bearer realm="DataCustodian", error="invalid_token"/,
      );
    }
  });

  it('answers 403 insufficient_scope outside the resourceURI, and for a usage point outside the scope', async () => {
    const other = await get(`${R}/Batch/Subscription/${subscriptionOf(gasApp)}`, household.access_token);
    expect(other.status).toBe(403);
    expect(other.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
    const electric = await get(
      `${R}/Subscription/${subscriptionOf(gasApp)}/UsagePoint/up-1001-e`,
      gasApp.access_token,
    );
    expect(electric.status).toBe(403);
    const bulk = await get(`${R}/Batch/Bulk/5101`, household.access_token);
    expect(bulk.status).toBe(403);
  });

  it('rejects malformed query parameters with 400', async () => {
    for (const q of [
      'published-min=yesterday',
      'max-results=-1',
      'start-index=0',
      'updated-max=2025-06-01',
    ]) {
      expect((await get(`${household.resourceURI}?${q}`, household.access_token)).status).toBe(400);
    }
  });
});

describe('Batch/Subscription', () => {
  it('serves a valid feed with delivered and received readings, time-of-use costs and summaries', async () => {
    const response = await get(
      `${household.resourceURI}?published-min=2025-04-01T00:00:00Z&published-max=2025-06-13T12:00:00Z`,
      household.access_token,
    );
    expect(response.headers.get('content-type')).toBe('application/atom+xml');
    const xml = await response.text();
    assertValidEspi(xml);
    expect(count(xml, 'UsagePoint')).toBe(2);
    expect(xml).toContain('<espi:flowDirection>19</espi:flowDirection>');
    expect(xml).toContain('<espi:cost>');
    expect(xml).toContain('<espi:tzOffset>-28800</espi:tzOffset>');
    expect(count(xml, 'UsageSummary')).toBe(4); // April and May, electricity and gas
  });

  it('takes published-min/max as the reading-time window and pages with start-index and max-results', async () => {
    const xml = await (await get(`${household.resourceURI}?${WINDOW}`, household.access_token)).text();
    // 2 days (11th, 12th) of two electricity readings, and the gas month block ends after the window.
    expect(count(xml, 'IntervalBlock')).toBe(4);
    const page = async (start: number) =>
      (
        await get(
          `${household.resourceURI}?${WINDOW}&max-results=3&start-index=${start}`,
          household.access_token,
        )
      ).text();
    const first = await page(1);
    const second = await page(4);
    expect(first.split('<entry>').length - 1).toBe(3);
    expect(first.match(/<id>urn:uuid:[^<]+<\/id>/g)?.slice(1)).not.toEqual(
      second.match(/<id>urn:uuid:[^<]+<\/id>/g)?.slice(1),
    );
    expect(first).toContain('<espi:UsagePoint>');
    expect(second).not.toContain('<espi:UsagePoint>');
  });

  it('filters interval data by updated-min', async () => {
    const xml = await (
      await get(`${household.resourceURI}?updated-min=2025-06-14T00:00:00Z`, household.access_token)
    ).text();
    // Only the 12th was published after that instant (30 hours after the local day ended), and the gas month.
    expect(count(xml, 'IntervalBlock')).toBe(3);
  });

  it('applies the scope: gas only, without costs or received energy', async () => {
    const xml = await (await get(gasApp.resourceURI, gasApp.access_token)).text();
    assertValidEspi(xml);
    expect(count(xml, 'UsagePoint')).toBe(1);
    expect(xml).toContain('<espi:kind>1</espi:kind>');
    expect(xml).not.toContain('<espi:cost>');
    // HistoryLength=34128000 (395 days): no month block older than that.
    expect(count(xml, 'IntervalBlock')).toBeLessThanOrEqual(14);
  });
});

describe('resource-level REST', () => {
  const up = () => `${R}/Subscription/${subscriptionOf(household)}/UsagePoint/up-1001-e`;

  it('serves UsagePoint, MeterReading, IntervalBlock entries and collections, all valid', async () => {
    const urls = [
      `${R}/Subscription/${subscriptionOf(household)}/UsagePoint`,
      up(),
      `${up()}/MeterReading`,
      `${up()}/MeterReading/received`,
      `${up()}/MeterReading/delivered/IntervalBlock?${WINDOW}`,
      `${up()}/MeterReading/delivered/IntervalBlock/20241103`,
      `${up()}/UsageSummary?published-min=2025-01-01T00:00:00Z`,
      `${up()}/ElectricPowerUsageSummary/202505`,
      `${R}/ReadingType`,
      `${R}/ReadingType/delivered-900-tou`,
      `${R}/LocalTimeParameters/pacific`,
    ];
    for (const url of urls) {
      const response = await get(url, household.access_token);
      expect(response.status, url).toBe(200);
      assertValidEspi(await response.text());
    }
  });

  it('holds 25 hours of readings in the block of the autumn DST day', async () => {
    const xml = await (
      await get(`${up()}/MeterReading/delivered/IntervalBlock/20241103`, household.access_token)
    ).text();
    expect(xml).toContain('<espi:interval><espi:duration>90000</espi:duration>');
  });

  it('answers 404 for what does not exist', async () => {
    for (const path of ['/MeterReading/nope', '/MeterReading/delivered/IntervalBlock/20990101', '/Nothing']) {
      expect((await get(`${up()}${path}`, household.access_token)).status).toBe(404);
    }
  });
});

describe('client tokens', () => {
  const clientToken = async (id: string) =>
    (
      (await (
        await postForm(
          `${B}/oauth/token`,
          { grant_type: 'client_credentials' },
          { Authorization: basic(id, `${id}-secret`) },
        )
      ).json()) as TokenResponse
    ).access_token;

  it('list only the client’s own authorizations, and read ReadServiceStatus', async () => {
    const token = await clientToken('suntrack');
    const xml = await (await get(`${R}/Authorization`, token)).text();
    assertValidEspi(xml);
    expect(xml).toContain(`/Authorization/${household.authorizationURI.split('/').pop()}`);
    expect(xml).not.toContain(gasApp.authorizationURI);
    const status = await get(`${R}/ReadServiceStatus`, token);
    expect(status.headers.get('content-type')).toBe('application/atom+xml');
    const body = await status.text();
    assertValidEspi(body, 'espi.xsd');
    expect(body).toContain('<currentStatus>1</currentStatus>');
    expect((await get(household.resourceURI, token)).status).toBe(403);
  });

  it('read the customer token’s own authorizationURI, and not the collection', async () => {
    const own = await get(household.authorizationURI, household.access_token);
    expect(own.status).toBe(200);
    assertValidEspi(await own.text());
    expect((await get(`${R}/Authorization`, household.access_token)).status).toBe(403);
  });
});

describe('own data', () => {
  it('Download My Data with the portal’s token, not with a third party’s', async () => {
    const portal = await codeFlow(B, { ...PORTAL, scope: 'openid', username: 'business' });
    const url = `${R}/Batch/RetailCustomer/rc-2001/UsagePoint?${WINDOW}`;
    const xml = await (await get(url, portal.access_token)).text();
    assertValidEspi(xml);
    expect(count(xml, 'UsagePoint')).toBe(3);
    expect((await get(url, household.access_token)).status).toBe(403);
    expect((await get(`${R}/Batch/RetailCustomer/rc-1001/UsagePoint`, portal.access_token)).status).toBe(403);
  });
});
