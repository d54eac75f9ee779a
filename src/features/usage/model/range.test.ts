import { describe, expect, it } from 'vitest';
import { createLocalTime, isoSeconds, usZoneRules } from '../../../espi/index.ts';
import {
  dayNumber,
  defaultRange,
  fetchWindow,
  fittingView,
  namesRange,
  widenedForLag,
  wholeMonths,
  rangeBounds,
  rangeDays,
  readViewState,
  shiftRange,
  writeViewState,
  yearEarlier,
} from './range.ts';

describe('ranges of local days', () => {
  it('refuses dates that do not exist', () => {
    expect(dayNumber('2024-02-29')).toBeDefined();
    expect(dayNumber('2023-02-29')).toBeUndefined();
    expect(dayNumber('2024-13-01')).toBeUndefined();
    expect(dayNumber('yesterday')).toBeUndefined();
  });

  it('defaults each resolution to a range ending today', () => {
    expect(defaultRange('interval', '2026-11-23')).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(rangeDays(defaultRange('month', '2026-11-23'))).toBe(365);
  });

  it('ends a default range on the last day with data, fetching a week more before it', () => {
    expect(defaultRange('day', '2026-11-20').to).toBe('2026-11-20');
    expect(widenedForLag({ from: '2026-10-25', to: '2026-11-23' })).toEqual({
      from: '2026-10-18',
      to: '2026-11-23',
    });
    expect(namesRange(new URLSearchParams('res=day'))).toBe(false);
    expect(namesRange(new URLSearchParams('from=2026-11-01&to=2026-11-07'))).toBe(true);
  });

  it('turns a resolution the meter cannot show into the nearest coarser one', () => {
    const daily = ['day', 'month', 'billing'] as const;
    expect(readViewState(new URLSearchParams('res=interval'), '2026-11-20', daily).resolution).toBe('day');
    expect(
      readViewState(new URLSearchParams('res=hour'), '2026-11-20', ['month', 'billing']).resolution,
    ).toBe('month');
  });

  it('fits a file: one day at its own readings, a year by day, years by month', () => {
    const all = ['interval', 'hour', 'day', 'month', 'billing'] as const;
    expect(fittingView('2012-03-11', '2012-03-11', all)).toEqual({
      resolution: 'interval',
      range: { from: '2012-03-11', to: '2012-03-11' },
    });
    expect(fittingView('2012-03-11', '2012-03-11', ['hour', 'day', 'month', 'billing']).resolution).toBe(
      'hour',
    );
    expect(fittingView('2011-01-01', '2011-12-31', all).resolution).toBe('day');
    expect(fittingView('2021-05-26', '2024-04-25', ['month', 'billing']).resolution).toBe('month');
    expect(fittingView('2019-01-01', '2024-04-25', all).range.from).toBe('2021-04-24');
  });

  it('moves a range by its own length and a year back, clamping 29 February', () => {
    expect(shiftRange({ from: '2026-11-01', to: '2026-11-07' }, -1)).toEqual({
      from: '2026-10-25',
      to: '2026-10-31',
    });
    expect(yearEarlier({ from: '2024-02-29', to: '2024-03-31' })).toEqual({
      from: '2023-02-28',
      to: '2023-03-31',
    });
  });

  it('cuts the spring-forward day at local midnights, 23 hours apart', () => {
    const clock = createLocalTime(undefined, usZoneRules('Pacific'));
    const { start, end } = rangeBounds({ from: '2026-03-08', to: '2026-03-08' }, clock);
    expect(end - start).toBe(23 * 3600);
    expect(isoSeconds(start)).toBe('2026-03-08T08:00:00Z');
  });

  it('asks the API for a window in the RI format that covers every zone', () => {
    const window = fetchWindow({ from: '2026-03-08', to: '2026-03-09' });
    expect(window).toEqual({ publishedMin: '2026-03-07T00:00:00Z', publishedMax: '2026-03-11T00:00:00Z' });
    expect(window.publishedMin).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('asks for whole months for readings of a day or longer, which come a month to a block', () => {
    expect(wholeMonths({ from: '2026-12-28', to: '2027-02-03' })).toEqual({
      from: '2026-12-01',
      to: '2027-02-28',
    });
    expect(fetchWindow({ from: '2026-10-28', to: '2026-11-03' }, 86_400)).toEqual({
      publishedMin: '2026-09-30T00:00:00Z',
      publishedMax: '2026-12-02T00:00:00Z',
    });
    expect(fetchWindow({ from: '2026-10-28', to: '2026-11-03' }, 3600)).toEqual(
      fetchWindow({ from: '2026-10-28', to: '2026-11-03' }),
    );
  });
});

describe('view state in the URL', () => {
  it('round-trips resolution, range and series', () => {
    const state = {
      resolution: 'hour' as const,
      range: { from: '2026-10-01', to: '2026-10-14' },
      series: ['delivered' as const, 'compare' as const],
    };
    const params = writeViewState(new URLSearchParams('keep=1'), state);
    expect(params.get('keep')).toBe('1');
    expect(readViewState(params, '2026-11-23')).toEqual(state);
  });

  it('falls back to defaults for a hand-edited URL', () => {
    const state = readViewState(
      new URLSearchParams('res=fortnight&from=2026-10-10&to=2026-10-01'),
      '2026-11-23',
    );
    expect(state.resolution).toBe('day');
    expect(state.range).toEqual(defaultRange('day', '2026-11-23'));
    expect(state.series).toEqual(['delivered', 'received', 'net']);
  });

  it('keeps the end of a range longer than allowed', () => {
    const state = readViewState(new URLSearchParams('res=day&from=2000-01-01&to=2026-11-23'), '2026-11-23');
    expect(state.range.to).toBe('2026-11-23');
    expect(rangeDays(state.range)).toBeLessThanOrEqual(3 * 366);
  });
});
