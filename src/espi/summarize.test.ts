import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readEspi } from './read/read-espi.ts';
import { summarize } from './summarize.ts';
import { REAL_FIXTURES_DIR } from '../testing/test-data.ts';

const REAL = `${REAL_FIXTURES_DIR}/`;

interface ManifestRow {
  file: string;
  usagePoints: number;
  readings: number;
  summaries: number;
  start: string | null;
  end: string | null;
  totals: { key: string; printed: string }[];
}

/** The table of MANIFEST.md, read by its header names so a reordered or extended table still parses. */
function manifest(): ManifestRow[] {
  const lines = readFileSync(`${REAL}MANIFEST.md`, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('|'));
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const header = cells(lines[0] ?? '');
  const col = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
  const time = (s: string) => (s === '-' || s === '' ? null : s);
  return lines.slice(2).map((line) => {
    const row = cells(line);
    return {
      file: col(row, 'file'),
      usagePoints: Number(col(row, 'usage points')),
      readings: Number(col(row, 'readings')),
      summaries: Number(col(row, 'summaries')),
      start: time(col(row, 'first start (UTC)')),
      end: time(col(row, 'last end (UTC)')),
      totals: col(row, 'totals')
        .split(/;\s*/)
        .filter(Boolean)
        .map((t) => {
          const [key = '', printed = ''] = t.split(/:\s*/);
          return { key, printed };
        }),
    };
  });
}

/**
 * The manifest prints totals like C's %g: six significant digits, ties rounded to even (4425305 prints
 * as 4.4253e+06), so a total matches when it is within half a unit of the sixth digit.
 */
function matchesPrinted(total: number, printed: string): boolean {
  const shown = Number(printed);
  if (shown === 0) return total === 0;
  const halfUnit = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(shown))) - 5);
  return Math.abs(total - shown) <= halfUnit;
}

const rows = manifest();

test('the manifest lists every real file', () => {
  expect(rows.length).toBeGreaterThanOrEqual(21);
  expect(rows.map((r) => r.file)).toContain('vladistan-ngma_gas_provider_2024-07-16.xml');
});

describe.each(rows)('$file', (row) => {
  test('summarizes to the manifest figures', () => {
    const doc = readEspi(new Uint8Array(readFileSync(REAL + row.file)));
    const summary = summarize(doc);
    expect(summary.usagePoints).toBe(row.usagePoints);
    expect(summary.readings).toBe(row.readings);
    expect(summary.summaries).toBe(row.summaries);
    expect(summary.start).toBe(row.start);
    expect(summary.end).toBe(row.end);
    expect(summary.totals.map((t) => `${t.uom}/${t.flowDirection}`)).toEqual(row.totals.map((t) => t.key));
    summary.totals.forEach((t, i) => {
      const printed = row.totals[i]?.printed ?? '';
      expect(matchesPrinted(t.total, printed), `${t.total} printed as ${printed}`).toBe(true);
    });
    expect(summary.totals.reduce((n, t) => n + t.readings, 0)).toBe(row.readings);
  });
});

test('a positive tzOffset with US DST rules is kept as written and flagged', () => {
  const doc = readEspi(readFileSync(`${REAL}vladistan-ngma_gas_provider_2024-07-16.xml`, 'utf8'));
  expect(doc.localTimeParameters[0]?.tzOffset).toBe(18000);
  expect(doc.usagePoints[0]?.localTime?.tzOffset).toBe(18000);
  expect(doc.warnings.map((w) => w.code)).toContain('suspicious-tz-offset');
});

test('Authorization and ApplicationInformation documents are read', () => {
  const auth = readEspi(readFileSync(`${REAL}openespi-Multiple-Authorization-Feed-Anonymized.xml`, 'utf8'));
  expect(auth.authorizations.length).toBeGreaterThanOrEqual(2);
  expect(auth.authorizations[0]).toMatchObject({ status: 1, scope: 'FB=1_3_4_5', tokenType: 'Bearer' });
  const app = readEspi(readFileSync(`${REAL}openespi-ApplicationInformation-Entry-Anonymized.xml`, 'utf8'));
  expect(app.applicationInformation[0]?.dataCustodianId).toBe('test-datacustodian');
  expect(app.applicationInformation[0]).not.toHaveProperty('clientSecret');
});

test('a ReadingType nested in its MeterReading (openespi Usage-Subscription feed) is used', () => {
  const doc = readEspi(readFileSync(`${REAL}openespi-Usage-Subscription-Feed-Anonymized.xml`, 'utf8'));
  const reading = doc.usagePoints[0]?.meterReadings[0];
  expect(reading?.readingType).toMatchObject({ uom: 72, flowDirection: 1, intervalLength: 3600 });
  expect(doc.usagePoints[0]?.localTime?.tzOffset).toBe(-18000);
});

test('usage summaries are tied to their usage point', () => {
  const doc = readEspi(readFileSync(`${REAL}cew821-sample_greenbutton_data.xml`, 'utf8'));
  const summaries = doc.usagePoints[0]?.usageSummaries ?? [];
  expect(summaries.length).toBeGreaterThan(0);
  expect(summaries[0]?.billingPeriod?.duration).toBeGreaterThan(0);
});

test('a PG&E feed of UsageSummaries alone keeps all three', () => {
  const doc = readEspi(readFileSync(`${REAL}verdigris-PGEUsageSummaries.xml`, 'utf8'));
  expect(doc.orphanUsageSummaries).toHaveLength(3);
  expect(doc.warnings).toEqual([]);
});

test('SCE bulk: two different ReadingTypes under one self href are reported', () => {
  const doc = readEspi(readFileSync(`${REAL}verdigris-BulkSCEUsageSummaryAndIntervalBlock.xml`, 'utf8'));
  expect(doc.warnings.map((w) => w.code)).toEqual(['conflicting-reading-types']);
  expect(doc.usagePoints[0]?.meterReadings[0]?.readingType?.accumulationBehaviour).toBe(4);
});
