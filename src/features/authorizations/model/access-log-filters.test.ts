import { describe, expect, it } from 'vitest';
import { hasFilters, logApiQuery, readLogFilters, writeLogFilters } from './access-log-filters.ts';

describe('access log filters in the URL', () => {
  it('reads dates, meter and page, and drops what is not a real day or page', () => {
    const read = readLogFilters(new URLSearchParams('from=2025-06-03&to=2025-02-30&meter=up-1&logPage=3'));
    expect(read).toEqual({ from: '2025-06-03', to: '', meter: 'up-1', page: 3 });
    expect(readLogFilters(new URLSearchParams('from=June&logPage=-2'))).toEqual({
      from: '',
      to: '',
      meter: '',
      page: 1,
    });
  });

  it('writes them back beside the other parameters, defaults left out', () => {
    const params = writeLogFilters(new URLSearchParams('tab=x&from=2025-01-01&logPage=4'), {
      from: '',
      to: '2025-06-05',
      meter: 'up-1',
      page: 1,
    });
    expect(params.toString()).toBe('tab=x&to=2025-06-05&meter=up-1');
    expect(hasFilters(readLogFilters(params))).toBe(true);
    expect(hasFilters(readLogFilters(new URLSearchParams('logPage=2')))).toBe(false);
  });
});

describe('the customer API query', () => {
  it('asks from the first day’s local midnight to the midnight after the last day', () => {
    const query = new URLSearchParams(
      logApiQuery(
        { from: '2025-06-03', to: '2025-06-05', meter: 'up-1', page: 2 },
        { offset: 20, limit: 20 },
      ),
    );
    expect(query.get('from')).toBe(new Date(2025, 5, 3).toISOString());
    expect(query.get('to')).toBe(new Date(2025, 5, 6).toISOString());
    expect(query.get('usagePointId')).toBe('up-1');
    expect([query.get('offset'), query.get('limit')]).toEqual(['20', '20']);
  });

  it('leaves out the bounds nobody set', () => {
    const query = logApiQuery({ from: '', to: '', meter: '', page: 1 }, { offset: 0, limit: 500 });
    expect(query).toBe('offset=0&limit=500');
  });
});
