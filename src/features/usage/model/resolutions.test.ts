import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_QUALITY, readEspi, type UsagePoint } from '../../../espi/index.ts';
import { REAL_FIXTURES_DIR } from '../../../testing/test-data.ts';
import { hasBillingPeriods, offeredResolutions, readingSeconds } from './resolutions.ts';

function meter(durations: number[], intervalLength?: number): UsagePoint {
  const n = durations.length;
  let t = 1_700_000_000;
  const start = Float64Array.from(durations, (d) => (t += d) - d);
  return {
    meta: { relatedHrefs: [] },
    serviceKind: 1,
    usageSummaries: [],
    meterReadings: [
      {
        meta: { relatedHrefs: [] },
        readingType: {
          meta: { relatedHrefs: [] },
          flowDirection: 1,
          uom: 169,
          ...(intervalLength ? { intervalLength } : {}),
        },
        blocks: [],
        readings: {
          count: n,
          start,
          duration: Uint32Array.from(durations),
          value: new Float64Array(n).fill(1),
          quality: new Uint8Array(n).fill(NO_QUALITY),
        },
      },
    ],
  };
}

describe('resolutions a meter can show', () => {
  it('offers a daily gas meter no interval or hour', () => {
    expect(offeredResolutions(86400, true)).toEqual(['day', 'month', 'billing']);
  });

  it('offers a 15-minute meter everything, an hourly one no separate interval', () => {
    expect(offeredResolutions(900, true)).toEqual(['interval', 'hour', 'day', 'month', 'billing']);
    expect(offeredResolutions(3600, true)).toEqual(['hour', 'day', 'month', 'billing']);
  });

  it('offers monthly billing readings months and periods only', () => {
    expect(offeredResolutions(30 * 86400, true)).toEqual(['month', 'billing']);
  });

  it('reads the length from the ReadingType, else from the readings (a 23-hour DST day is still a day)', () => {
    expect(readingSeconds(meter([86400, 86400], 86400))).toBe(86400);
    expect(readingSeconds(meter([86400, 82800, 86400]))).toBe(86400);
    expect(offeredResolutions(readingSeconds(meter([82800, 90000, 90000])), true)).toEqual([
      'day',
      'month',
      'billing',
    ]);
  });

  it('reads a real monthly gas bill file as monthly', () => {
    const name = 'vladistan-ngma_natural_gas_billing_billing_data_Service_1_1_2021-05-26_to_2024-04-25.xml';
    const doc = readEspi(readFileSync(join(REAL_FIXTURES_DIR, name)));
    const usagePoint = doc.usagePoints[0];
    if (!usagePoint) throw new Error('the file has a usage point');
    // A bill file of monthly reads with no UsageSummary: months, and no billing periods to offer.
    expect(offeredResolutions(readingSeconds(usagePoint), hasBillingPeriods(usagePoint, 'file'))).toEqual([
      'month',
    ]);
  });

  it('offers billing periods for a file that holds UsageSummaries, not for one that only links them', () => {
    const read = (name: string) => readEspi(readFileSync(join(REAL_FIXTURES_DIR, name)));
    const summarised = read('verdigris-BulkSCEUsageSummaryAndIntervalBlock.xml').usagePoints[0];
    const linksOnly = read('vladistan-ngma_gas_provider_2024-07-16.xml').usagePoints[0];
    if (!summarised || !linksOnly) throw new Error('both files have a usage point');
    expect(linksOnly.meta.relatedHrefs.some((href) => href.endsWith('UsageSummary'))).toBe(true);
    expect(hasBillingPeriods(summarised, 'file')).toBe(true);
    expect(hasBillingPeriods(linksOnly, 'file')).toBe(false);
    expect(offeredResolutions(3600, hasBillingPeriods(linksOnly, 'file'))).not.toContain('billing');
  });
});
