import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEspi } from '../../../espi/index.ts';
import { QUIRK_FILES_DIR, REAL_FIXTURES_DIR } from '../../../testing/test-data.ts';
import { chooseClock } from './clock.ts';
import { formatDay } from './format-time.ts';

const open = (path: string) => {
  const doc = readEspi(readFileSync(path));
  return { doc, usagePoint: doc.usagePoints[0] };
};

describe('chooseClock', () => {
  it('turns a wrong-signed tzOffset with US DST rules and midnight-aligned days, and says so', () => {
    const { doc, usagePoint } = open(join(QUIRK_FILES_DIR, 'wrong-sign-tzoffset-daily-gas.xml'));
    const { clock, correction } = chooseClock(doc, usagePoint);
    expect(clock.zoneName).toBe('US Eastern Time (UTC-05:00, DST)');
    expect(correction).toContain('UTC+05:00');
    expect(correction).toContain('US daylight-saving rules');
    expect(correction).toContain('daily readings start at midnight only at UTC-05:00');
    // The first reading is 5 January local, at midnight: not 5 January 10:00 as UTC+05:00 would have it.
    const first = usagePoint?.meterReadings[0]?.readings.start[0] ?? 0;
    expect(clock.toLocal(first).hour).toBe(0);
    expect(formatDay(clock, first)).toBe('Jan 5, 2026');
  });

  it('turns the sign of the real Massachusetts gas file on its US DST rules alone', () => {
    const { doc, usagePoint } = open(join(REAL_FIXTURES_DIR, 'vladistan-ngma_gas_provider_2024-07-16.xml'));
    const { clock, correction } = chooseClock(doc, usagePoint);
    expect(clock.tzOffset).toBe(-18000);
    expect(correction).toMatch(/UTC\+05:00.*US daylight-saving rules/);
  });

  it('keeps a file whose zone is consistent', () => {
    const { doc, usagePoint } = open(join(REAL_FIXTURES_DIR, 'openespi-test_usage_data.xml'));
    const { clock, correction } = chooseClock(doc, usagePoint);
    expect(clock.tzOffset).toBe(-18000);
    expect(correction).toBeUndefined();
  });
});
