import { describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/csv.ts';
import { NO_QUALITY, type EspiDocument, type MeterReading } from './model.ts';
import { CSV_COLUMNS, csvText, writeCsv, writeCsvChunks } from './write-csv.ts';
import { usZoneRules } from './local-time.ts';

const meta = (title?: string) => ({ relatedHrefs: [] as string[], ...(title ? { title } : {}) });
const SPRING = Date.parse('2024-03-10T05:00:00Z') / 1000; // local midnight EST

function hourly(count: number, value: number, withCost: boolean, flowDirection = 1): MeterReading {
  return {
    meta: meta(),
    readingType: {
      meta: meta(),
      uom: 72,
      powerOfTenMultiplier: -1,
      flowDirection,
      currency: 840,
      intervalLength: 3600,
    },
    blocks: [],
    readings: {
      count,
      start: Float64Array.from({ length: count }, (_, i) => SPRING + i * 3600),
      duration: new Uint32Array(count).fill(3600),
      value: new Float64Array(count).fill(value),
      ...(withCost ? { cost: Float64Array.from({ length: count }, (_, i) => (i === 1 ? NaN : 4125)) } : {}),
      quality: Uint8Array.from({ length: count }, (_, i) => (i === 0 ? 9 : NO_QUALITY)),
    },
  };
}

function doc(): EspiDocument {
  return {
    usagePoints: [
      {
        meta: meta('=HYPERLINK("http://evil.example","Home, "main"")'),
        serviceKind: 0,
        localTime: {
          meta: meta(),
          tzOffset: -18000,
          dstOffset: 3600,
          dstStartRule: 0x360e2000,
          dstEndRule: 0xb40e2000,
        },
        meterReadings: [hourly(4, 6125, true), hourly(2, 10, false, 19)],
        usageSummaries: [],
      },
    ],
    orphanMeterReadings: [hourly(1, 1, false)],
    localTimeParameters: [],
    authorizations: [],
    applicationInformation: [],
    warnings: [],
    partial: false,
  };
}

describe('writeCsv', () => {
  const rows = parseCsv(writeCsv(doc()));

  it('writes a header and one row per interval reading', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 4 + 2 + 1);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('writes UTC and local starts, across the spring-forward hour', () => {
    expect(rows[1]?.slice(3, 6)).toEqual(['2024-03-10T05:00:00Z', '2024-03-10T00:00:00-05:00', '3600']);
    expect(rows[3]?.[4]).toBe('2024-03-10T03:00:00-04:00');
  });

  it('writes values in the display unit and cost in currency units', () => {
    // 6125 x 10^-1 Wh = 612.5 Wh = 0.6125 kWh; cost 4125 = $0.04125
    expect(rows[1]?.slice(6, 11)).toEqual([
      '0.6125',
      'kWh',
      '0.04125',
      'USD',
      'estimated using linear interpolation',
    ]);
    expect(rows[2]?.slice(8, 11)).toEqual(['', '', 'valid']);
    expect(rows[5]?.[2]).toBe('reverse');
  });

  it('neutralises formulas and quotes text so it reads back unchanged', () => {
    expect(rows[1]?.[0]).toBe(`'=HYPERLINK("http://evil.example","Home, "main"")`);
    expect(rows[1]?.[1]).toBe('Meter reading 1 (Wh, 3600 s)');
    expect(rows[7]?.[0]).toBe('Unlinked meter readings');
    expect(rows[7]?.[4]).toBe('2024-03-10T05:00:00Z');
  });

  it('uses the fallback zone when LocalTimeParameters are missing', () => {
    const d = doc();
    const orphanRows = parseCsv(writeCsv(d, { fallbackTimeZone: usZoneRules('Pacific') }));
    expect(orphanRows[7]?.[4]).toBe('2024-03-09T21:00:00-08:00');
  });

  it('gives the same text in chunks', () => {
    const chunks = Array.from(writeCsvChunks(doc(), { rowsPerChunk: 3 }));
    // The header, then the rows three at a time.
    expect(chunks.map((c) => c.split('\r\n').length - 1)).toEqual([1, 3, 3, 1]);
    expect(chunks.join('')).toBe(writeCsv(doc()));
  });
});

describe('csvText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
  ])('%j becomes %j', (input, output) => {
    expect(csvText(input)).toBe(output);
  });
});
