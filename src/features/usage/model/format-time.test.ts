import { describe, expect, it } from 'vitest';
import { createLocalTime, usZoneRules } from '../../../espi/index.ts';
import { formatInterval, zoneOnDays } from './format-time.ts';

const pacific = createLocalTime(undefined, usZoneRules('Pacific'));

describe('times around a DST change', () => {
  it('names both offsets of the fall-back hour, which starts and ends at 1:00 AM', () => {
    // 1 November 2026: 1:00 AM PDT (08:00 UTC) to 1:00 AM PST (09:00 UTC).
    const start = Date.UTC(2026, 10, 1, 8) / 1000;
    expect(formatInterval(pacific, start, start + 3600)).toBe(
      'Nov 1, 2026, 1:00 AM (UTC-07:00) – 1:00 AM (UTC-08:00)',
    );
    expect(formatInterval(pacific, start + 3600, start + 7200)).toBe(
      'Nov 1, 2026, 1:00 AM – 2:00 AM (UTC-08:00)',
    );
  });

  it('names the offset in force on the days shown, not the standard one marked DST', () => {
    const november = [pacific.fromLocal(2026, 11, 3), pacific.fromLocal(2026, 11, 24)] as const;
    expect(zoneOnDays(pacific, ...november)).toBe('US Pacific Time (UTC-08:00)');
    const july = [pacific.fromLocal(2026, 7, 1), pacific.fromLocal(2026, 7, 8)] as const;
    expect(zoneOnDays(pacific, ...july)).toBe('US Pacific Time (UTC-07:00)');
  });

  it('says when the offset changes inside the days shown, and sums up a year', () => {
    const across = [pacific.fromLocal(2026, 10, 25), pacific.fromLocal(2026, 11, 24)] as const;
    expect(zoneOnDays(pacific, ...across)).toBe('US Pacific Time (UTC-07:00, UTC-08:00 from Nov 1, 2026)');
    const years = [pacific.fromLocal(2024, 11, 24), pacific.fromLocal(2026, 11, 24)] as const;
    expect(zoneOnDays(pacific, ...years)).toBe(
      'US Pacific Time (UTC-08:00; UTC-07:00 in daylight saving time)',
    );
  });
});
