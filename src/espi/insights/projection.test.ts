import { describe, expect, it } from 'vitest';
import { nearestRank, projectBill } from './projection.ts';

describe('projectBill', () => {
  it('carries the average day to the period end, the range at the quartiles of the days so far', () => {
    // $40 in 10 days of 30: $4 a day for 20 more days = $120. Sorted days 2,3,3,4,4,4,5,5,5,5: the lower
    // quartile is the 3rd ($3: $40 + 20 × 3 = $100), the upper the 8th ($5: $40 + 20 × 5 = $140).
    const days = [5, 4, 3, 5, 2, 4, 5, 3, 4, 5];
    expect(projectBill(40, 10, 30, days)).toEqual({
      soFar: 40,
      days: 10,
      periodDays: 30,
      projected: 120,
      low: 100,
      high: 140,
    });
  });

  it('keeps the projection inside its range when the days are skewed', () => {
    // One $30 day among $1 days: the mean ($4.50) is above the upper quartile ($1).
    const p = projectBill(36, 7, 14, [1, 1, 1, 1, 1, 1, 30]);
    expect(p?.projected).toBeCloseTo(72, 10);
    expect(p?.low).toBe(43);
    expect(p?.high).toBeCloseTo(72, 10);
  });

  it('says nothing under three days, and nothing of a range without daily costs', () => {
    expect(projectBill(10, 2, 30)).toBeUndefined();
    const p = projectBill(30, 3, 30);
    expect([p?.low, p?.projected, p?.high]).toEqual([300, 300, 300]);
  });

  it('ranks as the nearest-rank method does', () => {
    expect(nearestRank([1, 2, 3, 4], 0.25)).toBe(1);
    expect(nearestRank([1, 2, 3, 4], 0.75)).toBe(3);
    expect(nearestRank([7], 0.75)).toBe(7);
  });
});
