import { describe, expect, it } from 'vitest';
import { chartForm, chartPoints, stepCursor } from './chart-points.ts';
import type { ChartRow } from './series.ts';

function rows(count: number, value: (i: number) => number | null): ChartRow[] {
  return Array.from({ length: count }, (_, i) => ({
    start: i * 900,
    end: (i + 1) * 900,
    delivered: value(i),
    received: i % 96 === 50 ? 5 : 0,
    net: null,
    cost: null,
    compare: null,
    estimated: 0,
  }));
}

describe('chartPoints', () => {
  const year = rows(365 * 96, (i) => (i === 20_000 ? 99 : i >= 30_000 && i < 30_100 ? null : (i % 96) / 10));

  it('draws no more than about two points per pixel across the visible series', () => {
    const points = chartPoints(year, ['delivered', 'received'], 800);
    expect(points.length).toBeLessThanOrEqual(1600 + 4);
    expect(points.length).toBeGreaterThan(800);
  });

  it('keeps the peak of each series and the break of a gap', () => {
    const points = chartPoints(year, ['delivered', 'received'], 800);
    expect(points.some((p) => p.delivered === 99)).toBe(true);
    expect(points.some((p) => p.received === 5)).toBe(true);
    expect(points.some((p) => p.delivered === null && p.start === 30_000 * 900)).toBe(true);
    expect(points.every((p, i) => i === 0 || p.start >= (points[i - 1]?.start ?? 0))).toBe(true);
  });

  it('passes a short series through whole', () => {
    const week = rows(7 * 24, (i) => i);
    expect(chartPoints(week, ['delivered'], 800)).toEqual(week);
  });
});

describe('chartForm', () => {
  const days = rows(30, () => 1);
  it('draws totals per day as bars, interval readings and peaks as lines', () => {
    expect(chartForm({ resolution: 'day', combine: 'sum', rows: days }, 1, 300)).toBe('bars');
    expect(chartForm({ resolution: 'month', combine: 'sum', rows: days.slice(0, 12) }, 3, 300)).toBe('bars');
    expect(chartForm({ resolution: 'interval', combine: 'sum', rows: days }, 1, 300)).toBe('lines');
    expect(chartForm({ resolution: 'day', combine: 'max', rows: days }, 1, 300)).toBe('lines');
  });

  it('draws totals as steps where their bars would not fit', () => {
    expect(chartForm({ resolution: 'day', combine: 'sum', rows: days }, 3, 260)).toBe('steps');
    expect(chartForm({ resolution: 'hour', combine: 'sum', rows: rows(8760, () => 1) }, 1, 800)).toBe(
      'steps',
    );
  });
});

describe('stepCursor', () => {
  it('moves as a slider does: one at a time, to the ends, a tenth at a time, never past the ends', () => {
    expect(stepCursor('ArrowRight', 0, 30)).toBe(1);
    expect(stepCursor('ArrowUp', 0, 30)).toBe(1);
    expect(stepCursor('ArrowLeft', 0, 30)).toBe(0);
    expect(stepCursor('ArrowDown', 5, 30)).toBe(4);
    expect(stepCursor('End', 0, 30)).toBe(29);
    expect(stepCursor('ArrowRight', 29, 30)).toBe(29);
    expect(stepCursor('Home', 17, 30)).toBe(0);
    expect(stepCursor('PageUp', 0, 30)).toBe(3);
    expect(stepCursor('PageDown', 2, 30)).toBe(0);
  });

  it('leaves other keys to the browser, and does nothing with nothing to read', () => {
    expect(stepCursor('Tab', 0, 30)).toBeUndefined();
    expect(stepCursor('ArrowRight', 0, 0)).toBeUndefined();
  });
});
