import { describe, expect, it } from 'vitest';
import {
  NO_QUALITY,
  type ApplicationInformation,
  type Authorization,
  type EspiDocument,
  type IntervalReadings,
  type LocalTimeParameters,
  type MeterReading,
  type ReadingType,
  type UsagePoint,
} from './model.ts';
import {
  atomDateTime,
  documentToEntries,
  writeDownloadMyData,
  writeEntry,
  writeFeed,
  writeFeedChunks,
  writeServiceStatus,
  type EspiEntry,
} from './write-xml.ts';
import { escapeXml } from './xml-text.ts';
import { schemaErrors } from '../testing/test-data.ts';

const BASE = 'https://dc.example.com/DataCustodian/espi/1_1/resource';
const noMeta = () => ({ relatedHrefs: [] as string[] });

/** Hourly readings from `start`, with a cost and a quality on some of them. */
function hourly(start: number, values: number[], withCost = true): IntervalReadings {
  const n = values.length;
  const quality = new Uint8Array(n).fill(NO_QUALITY);
  quality[1] = 9;
  return {
    count: n,
    start: Float64Array.from(values, (_, i) => start + i * 3600),
    duration: new Uint32Array(n).fill(3600),
    value: Float64Array.from(values),
    ...(withCost ? { cost: Float64Array.from(values, (v, i) => (i === 2 ? NaN : v * 7)) } : {}),
    quality,
  };
}

function meterReading(
  readingType: ReadingType | undefined,
  start: number,
  values: number[],
  title: string,
): MeterReading {
  const readings = hourly(start, values);
  return {
    meta: { ...noMeta(), title },
    ...(readingType ? { readingType } : {}),
    blocks: [
      { meta: noMeta(), interval: { start, duration: 12 * 3600 }, offset: 0, count: 12 },
      {
        meta: noMeta(),
        interval: { start: start + 12 * 3600, duration: (values.length - 12) * 3600 },
        offset: 12,
        count: values.length - 12,
      },
    ],
    readings,
  };
}

const pacific: LocalTimeParameters = {
  meta: { ...noMeta(), title: 'US Pacific' },
  dstEndRule: 0xb40e2000,
  dstOffset: 3600,
  dstStartRule: 0x360e2000,
  tzOffset: -28800,
};
const electricType = (flowDirection: number): ReadingType => ({
  meta: noMeta(),
  accumulationBehaviour: 4,
  commodity: 1,
  currency: 840,
  flowDirection,
  intervalLength: 3600,
  kind: 12,
  powerOfTenMultiplier: 0,
  uom: 72,
  phase: 769,
  measuringPeriod: 7,
});
const DST_DAY = 1710057600; // 2024-03-10T08:00Z, local midnight PST: a 23-hour day
const values = Array.from({ length: 23 }, (_, i) => 400 + 10 * i);

function sampleDocument(): EspiDocument {
  const home: UsagePoint = {
    meta: {
      ...noMeta(),
      title: 'Home <electric> & "solar"',
      published: '2024-01-01',
      updated: '2024-03-12T10:00:00.123Z',
    },
    serviceKind: 0,
    status: 1,
    roleFlags: '0001',
    localTime: pacific,
    meterReadings: [
      meterReading(electricType(1), DST_DAY, values, 'Delivered'),
      meterReading(
        electricType(19),
        DST_DAY,
        values.map((v) => v / 2),
        'Received',
      ),
      meterReading(undefined, DST_DAY, values, 'No reading type'),
    ],
    usageSummaries: [
      {
        meta: noMeta(),
        element: 'UsageSummary',
        billingPeriod: { start: 1704096000, duration: 2678400 },
        billLastPeriod: 9843000,
        currency: 840,
        overallConsumptionLastPeriod: { powerOfTenMultiplier: 3, uom: 72, value: 412 },
        peakDemand: { powerOfTenMultiplier: 3, uom: 38, value: 7, timeStamp: 1705000000 },
        qualityOfReading: 19,
        statusTimeStamp: 1706832000,
        commodity: 1,
      },
      {
        meta: noMeta(),
        element: 'ElectricPowerUsageSummary',
        billingPeriod: { start: 1706774400, duration: 2505600 },
        billLastPeriod: 100,
      },
    ],
  };
  const gasType: ReadingType = {
    meta: noMeta(),
    uom: 169,
    powerOfTenMultiplier: -3,
    flowDirection: 1,
    commodity: 7,
    kind: 58,
  };
  const gas: UsagePoint = {
    meta: { ...noMeta(), title: 'Gas' },
    serviceKind: 1,
    localTime: pacific,
    meterReadings: [
      meterReading(
        gasType,
        DST_DAY,
        values.map((v) => v * 10),
        'Gas daily',
      ),
    ],
    usageSummaries: [],
  };
  const authorizations: Authorization[] = [
    {
      meta: {
        ...noMeta(),
        title: 'SolarCo',
        published: '2024-01-05T17:20:00Z',
        updated: '2024-01-05T17:20:00Z',
      },
      authorizedPeriod: { start: 1704475200, duration: 31536000 },
      publishedPeriod: { start: 1670347200, duration: 34128000 },
      status: 1,
      expiresAt: 1704478800,
      grantType: 'authorization_code',
      scope: 'FB=1_3_4_5_13_14_15_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000',
      tokenType: 'Bearer',
      resourceURI: `${BASE}/Batch/Subscription/5`,
      authorizationURI: `${BASE}/Authorization/7`,
    },
    {
      meta: noMeta(),
      status: 0,
      grantType: 'password',
      scope: 'FB=1_3_4_5_13_14_35;BR=17',
      tokenType: 'bearer',
      error: 'invalid_grant',
      errorDescription: 'Revoked by the customer',
    },
    { meta: noMeta(), status: 2, scope: 'FB=4_5', error: 'not an OAuth error' },
  ];
  const app: ApplicationInformation = {
    meta: { ...noMeta(), title: '<script>alert(1)</script> Insights', published: '2023-11-01T00:00:00Z' },
    dataCustodianId: 'example-utility',
    dataCustodianApplicationStatus: 2,
    thirdPartyApplicationDescription: 'Solar sizing \u0007 and savings',
    clientName: 'SolarCo <b>Insights</b>',
    clientId: 'solarco',
    redirectUris: ['https://solarco.example.net/cb'],
    contacts: ['support@solarco.example.net'],
    scopes: ['FB=1_3_4_5_13_14_15_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000'],
    grantTypes: ['authorization_code', 'password'],
    logoUri: 'https://solarco.example.net/logo.png',
    thirdPartyNotifyUri: 'https://solarco.example.net/notify',
  };
  return {
    usagePoints: [home, gas],
    orphanMeterReadings: [meterReading(electricType(4), DST_DAY, values, 'Orphan net')],
    localTimeParameters: [pacific, { meta: noMeta(), tzOffset: -18000 }],
    authorizations,
    applicationInformation: [app],
    warnings: [],
    partial: false,
  };
}

describe('writeDownloadMyData', () => {
  const doc = sampleDocument();
  const xml = writeDownloadMyData(doc, {
    baseUrl: BASE,
    usagePointsHref: `${BASE}/Subscription/5/UsagePoint`,
  });

  it('validates against feed.xsd', () => {
    expect(schemaErrors(xml)).toBe('');
  });

  it('is deterministic and leaves the document untouched', () => {
    expect(
      writeDownloadMyData(sampleDocument(), {
        baseUrl: BASE,
        usagePointsHref: `${BASE}/Subscription/5/UsagePoint`,
      }),
    ).toBe(xml);
    expect(doc.usagePoints[0]?.meta.selfHref).toBeUndefined();
    expect(doc.usagePoints[0]?.meta.relatedHrefs).toEqual([]);
  });

  it('writes every reading with its cost, quality and value', () => {
    // 5 meter readings x 23 readings
    expect(xml.match(/<espi:IntervalReading>/g)).toHaveLength(5 * 23);
    expect(xml).toContain(
      '<espi:IntervalReading><espi:cost>2870</espi:cost><espi:ReadingQuality><espi:quality>9</espi:quality></espi:ReadingQuality><espi:timePeriod><espi:duration>3600</espi:duration><espi:start>1710061200</espi:start></espi:timePeriod><espi:value>410</espi:value></espi:IntervalReading>',
    );
    // The NaN cost of the third reading is left out, not written as 0.
    expect(xml).toContain(
      '<espi:IntervalReading><espi:timePeriod><espi:duration>3600</espi:duration><espi:start>1710064800</espi:start>',
    );
  });

  it('escapes text and replaces characters XML forbids', () => {
    expect(xml).toContain('<title>Home &lt;electric&gt; &amp; &quot;solar&quot;</title>');
    expect(xml).toContain('<espi:client_name>SolarCo &lt;b&gt;Insights&lt;/b&gt;</espi:client_name>');
    expect(xml).toContain('Solar sizing \uFFFD and savings');
    expect(xml).not.toContain('<script>');
  });

  it('never writes a grant type, token type or OAuth error the schema rejects', () => {
    expect(xml).not.toContain('password');
    expect(xml).not.toContain('bearer<');
    expect(xml).not.toContain('not an OAuth error');
    expect(xml.match(/<espi:token_type>Bearer<\/espi:token_type>/g)).toHaveLength(3);
    expect(xml).toContain(
      '<espi:grant_types>authorization_code</espi:grant_types><espi:grant_types>refresh_token</espi:grant_types>',
    );
  });

  it('normalises date-only published values to a full dateTime', () => {
    expect(xml).toContain('<published>2024-01-01T00:00:00Z</published>');
    expect(xml).toContain('<updated>2024-03-12T10:00:00.123Z</updated>');
  });
});

describe('documentToEntries', () => {
  const entries = documentToEntries(sampleDocument(), { baseUrl: `${BASE}/` });

  it('orders entries parent first', () => {
    expect(entries.slice(0, 10).map((e) => e.kind)).toEqual([
      'UsagePoint',
      'LocalTimeParameters',
      'MeterReading',
      'ReadingType',
      'IntervalBlock',
      'IntervalBlock',
      'MeterReading',
      'ReadingType',
      'IntervalBlock',
      'IntervalBlock',
    ]);
    const kinds = entries.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'LocalTimeParameters')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'UsageSummary')).toHaveLength(2);
    expect(kinds.slice(-4)).toEqual([
      'Authorization',
      'Authorization',
      'Authorization',
      'ApplicationInformation',
    ]);
  });

  it('fills self, up, related and ids so the graph can be followed', () => {
    const [up, ltp, mr, rt, block] = entries;
    if (
      up?.kind !== 'UsagePoint' ||
      ltp?.kind !== 'LocalTimeParameters' ||
      mr?.kind !== 'MeterReading' ||
      rt?.kind !== 'ReadingType' ||
      block?.kind !== 'IntervalBlock'
    )
      throw new Error('unexpected entry order');
    expect(up.resource.meta.selfHref).toBe(`${BASE}/UsagePoint/1`);
    expect(up.resource.meta.relatedHrefs).toEqual([
      `${BASE}/UsagePoint/1/MeterReading`,
      `${BASE}/UsagePoint/1/UsageSummary`,
      `${BASE}/UsagePoint/1/ElectricPowerUsageSummary`,
      `${BASE}/LocalTimeParameters/1`,
    ]);
    expect(ltp.resource.meta.selfHref).toBe(`${BASE}/LocalTimeParameters/1`);
    expect(mr.resource.meta.upHref).toBe(`${BASE}/UsagePoint/1/MeterReading`);
    expect(mr.resource.meta.relatedHrefs).toEqual([
      `${BASE}/ReadingType/1`,
      `${BASE}/UsagePoint/1/MeterReading/1/IntervalBlock`,
    ]);
    expect(block.block.meta.upHref).toBe(`${BASE}/UsagePoint/1/MeterReading/1/IntervalBlock`);
    expect(up.resource.meta.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const ids = entries.map((e) => (e.kind === 'IntervalBlock' ? e.block.meta.id : e.resource.meta.id));
    expect(new Set(ids).size).toBe(entries.length);
  });

  it('keeps links a parsed file already had', () => {
    const doc = sampleDocument();
    const first = doc.usagePoints[0];
    if (!first) throw new Error('no usage point');
    first.meta = {
      ...first.meta,
      id: 'urn:uuid:6f0e1d2c-3b4a-5978-8a6b-5c4d3e2f1a01',
      selfHref: '/espi/1_1/resource/RetailCustomer/9/UsagePoint/5',
    };
    const [up] = documentToEntries(doc, { baseUrl: BASE });
    expect(up?.kind === 'UsagePoint' && up.resource.meta.selfHref).toBe(
      '/espi/1_1/resource/RetailCustomer/9/UsagePoint/5',
    );
    expect(up?.kind === 'UsagePoint' && up.resource.meta.id).toBe(
      'urn:uuid:6f0e1d2c-3b4a-5978-8a6b-5c4d3e2f1a01',
    );
    expect(up?.kind === 'UsagePoint' && up.resource.meta.upHref).toBe(
      '/espi/1_1/resource/RetailCustomer/9/UsagePoint',
    );
  });
});

describe('writeEntry', () => {
  const entries = documentToEntries(sampleDocument(), { baseUrl: BASE });
  const firstOfKind = new Map<string, EspiEntry>();
  for (const e of entries) if (!firstOfKind.has(e.kind)) firstOfKind.set(e.kind, e);

  it.each([...firstOfKind.keys()])('writes a valid standalone %s entry', (kind) => {
    const entry = firstOfKind.get(kind);
    if (!entry) throw new Error(kind);
    const xml = writeEntry(entry);
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<entry xmlns="http://www.w3.org/2005/Atom"'),
    ).toBe(true);
    expect(schemaErrors(xml)).toBe('');
  });

  it('is checked by a validator that rejects what the schema forbids', () => {
    const xml = writeEntry(entries.find((e) => e.kind === 'Authorization') as EspiEntry);
    expect(schemaErrors(xml.replace('authorization_code', 'password'))).toMatch(/grant_type/);
    expect(schemaErrors(xml.replace(/(<link rel="up"[^>]*\/>)/, '<title>x</title>$1'))).toMatch(
      /not expected/,
    );
  });

  it('writes every Authorization, including password-granted and revoked ones, validly', () => {
    for (const e of entries.filter((x) => x.kind === 'Authorization'))
      expect(schemaErrors(writeEntry(e))).toBe('');
  });

  it('writes links contiguously, self and up first', () => {
    const xml = writeEntry(entries[0] as EspiEntry);
    expect(xml).toMatch(
      /<id>[^<]+<\/id>(<link rel="self"[^>]*\/>)(<link rel="up"[^>]*\/>)(<link rel="related"[^>]*\/>){4}<title>/,
    );
    expect(xml).toContain('type="espi-entry/UsagePoint"');
    expect(xml).toContain(
      `<link rel="related" href="${BASE}/LocalTimeParameters/1" type="espi-entry/LocalTimeParameters"/>`,
    );
  });

  it('asks for documentToEntries when an entry has no self link', () => {
    const doc = sampleDocument();
    const up = doc.usagePoints[0];
    if (!up) throw new Error('no usage point');
    expect(() => writeEntry({ kind: 'UsagePoint', resource: up })).toThrow(/no self link.*documentToEntries/);
  });
});

describe('writeFeed', () => {
  const entries = documentToEntries(sampleDocument(), { baseUrl: BASE });
  const header = {
    title: 'Green Button Subscription Feed',
    selfHref: `${BASE}/Batch/Subscription/5`,
    updated: '2024-03-12T10:00:00Z',
  };

  it('validates, and its chunks join to the same text', () => {
    const xml = writeFeed(header, entries);
    expect(schemaErrors(xml)).toBe('');
    const chunks = Array.from(writeFeedChunks(header, entries, 1000));
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(xml);
  });

  it('writes a valid empty feed (an authorization list with none)', () => {
    expect(
      schemaErrors(writeFeed({ ...header, title: 'Authorizations', selfHref: `${BASE}/Authorization` }, [])),
    ).toBe('');
  });
});

describe('writeServiceStatus', () => {
  it.each([0, 1] as const)('writes a valid ServiceStatus %i', (status) => {
    const xml = writeServiceStatus(status);
    expect(xml).toContain(`<currentStatus>${status}</currentStatus>`);
    expect(schemaErrors(xml)).toBe('');
  });
});

describe('helpers', () => {
  it('escapes markup', () => {
    expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it('normalises Atom dateTimes', () => {
    expect(atomDateTime('2021-05-26')).toBe('2021-05-26T00:00:00Z');
    expect(atomDateTime('2023-10-20T17:33:23.054424Z')).toBe('2023-10-20T17:33:23.054424Z');
    expect(atomDateTime('Mon, 01 Jan 2024 00:00:00 GMT')).toBe('2024-01-01T00:00:00.000Z');
    expect(atomDateTime('yesterday')).toBeUndefined();
  });
});
