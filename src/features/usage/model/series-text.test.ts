import { describe, expect, it } from 'vitest';
import { createLocalTime, usZoneRules } from '../../../espi/index.ts';
import { rangeBounds } from './range.ts';
import type { ChartData, ChartRow } from './series.ts';
import { chartSummary, rowNotes, rowSentence, type RowWording } from './series-text.ts';

const clock = createLocalTime(undefined, usZoneRules('Pacific'));
const day = (date: string) => rangeBounds({ from: date, to: date }, clock);

function row(date: string, delivered: number | null, extra: Partial<ChartRow> = {}): ChartRow {
  const { start, end } = day(date);
  return {
    start,
    end,
    delivered,
    received: null,
    net: null,
    cost: 1.5,
    compare: null,
    estimated: 0,
    ...extra,
  };
}

const wording: RowWording = { clock, lines: ['delivered'], unit: 'kWh', currency: 840, netMetered: false };
const data = (rows: ChartRow[], combine: ChartData['combine'] = 'sum'): ChartData => ({
  rows,
  flows: ['delivered'],
  unit: 'kWh',
  combine,
  currency: 840,
  hasCost: true,
  resolution: 'day',
  gaps: [],
});

describe('rowSentence', () => {
  it('says when, each series with its unit, and what the figure rests on', () => {
    const r = row('2026-03-04', 12.3456, { estimated: 2 });
    expect(rowSentence(r, wording)).toBe('Mar 4, 2026: use 12.346 kWh; includes 2 estimated readings');
    expect(rowSentence(r, { ...wording, lines: ['delivered', 'cost'] })).toBe(
      'Mar 4, 2026: Use 12.346 kWh, Cost $1.50; includes 2 estimated readings',
    );
  });

  it('says a gap is no reading, not zero', () => {
    expect(rowSentence(row('2026-03-04', null), wording)).toBe('Mar 4, 2026: use no reading');
  });
});

describe('rowNotes', () => {
  it('counts estimates in the singular and plural, and the days of a partial period', () => {
    expect(rowNotes(row('2026-03-04', 1, { estimated: 1 }))).toEqual(['includes 1 estimated reading']);
    expect(rowNotes(row('2026-03-04', 1, { partial: { days: 12, periodDays: 30 } }))).toEqual([
      'partial: 12 of 30 days',
    ]);
    expect(rowNotes(row('2026-03-04', 1))).toEqual([]);
  });
});

describe('chartSummary', () => {
  it('totals the first series and names its highest bucket with when', () => {
    const rows = [
      row('2026-03-04', 10),
      row('2026-03-05', 25.5),
      row('2026-03-06', null),
      row('2026-03-07', 4),
    ];
    expect(chartSummary(data(rows), wording)).toBe(
      'Use 39.5 kWh in all; the highest day Mar 5, 2026, 25.5 kWh.',
    );
  });

  it('does not add up peaks: it counts them instead', () => {
    const rows = [row('2026-03-04', 3), row('2026-03-05', 7)];
    expect(chartSummary(data(rows, 'max'), { ...wording, unit: 'kW' })).toBe(
      '2 days of use; the highest day Mar 5, 2026, 7 kW.',
    );
  });

  it('says when there is nothing to summarise', () => {
    expect(chartSummary(data([row('2026-03-04', null)]), wording)).toBe('No readings.');
  });
});
