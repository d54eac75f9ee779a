import { describe, expect, it } from 'vitest';
import { ACCESS_LOG_CSV_COLUMNS, accessLogCsv } from './access-log-csv.ts';

const names: Record<string, string> = { 'up-1': 'Home electricity', 'up-2': '=HYPERLINK("x")' };

describe('accessLogCsv', () => {
  it('writes one row per read with UTC times, meters by id and by name', () => {
    const csv = accessLogCsv(
      [
        {
          at: Date.parse('2025-06-15T12:01:30Z') / 1000,
          resource: '/Batch/Subscription/s-1?published-min=2025-06-01T00:00:00Z',
          usagePointIds: ['up-1', 'up-2'],
          entries: 12,
          readings: 480,
          bytes: 91_234,
        },
        {
          at: 1_750_000_000,
          resource: '/Authorization/a-1',
          usagePointIds: ['up-2'],
          entries: 1,
          readings: 0,
          bytes: 900,
        },
      ],
      (id) => names[id] ?? id,
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(ACCESS_LOG_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      '2025-06-15T12:01:30Z,/Batch/Subscription/s-1?published-min=2025-06-01T00:00:00Z,up-1 up-2,' +
        '"Home electricity; =HYPERLINK(""x"")",12,480,91234',
    );
    // A cell a spreadsheet would run as a formula is neutralised.
    expect(lines[2]).toBe(`2025-06-15T15:06:40Z,/Authorization/a-1,up-2,"'=HYPERLINK(""x"")",1,0,900`);
    expect(lines).toHaveLength(4);
  });
});
