import { describe, expect, it } from 'vitest';
import { splitBillChange } from './bill-change.ts';

describe('splitBillChange', () => {
  it('splits a change into more days, more use and higher prices that add up to it', () => {
    // 30 days at 10 kWh a day and $0.20/kWh ($60), then 31 days at 12 kWh a day and $0.25/kWh ($93):
    // days 1 × 10 × 0.20 = 2; use 31 × 2 × 0.20 = 12.40; price 31 × 12 × 0.05 = 18.60; total 33.
    const change = splitBillChange({ days: 30, use: 300, cost: 60 }, { days: 31, use: 372, cost: 93 });
    expect(change?.total).toBeCloseTo(33, 10);
    expect(change?.days).toBeCloseTo(2, 10);
    expect(change?.use).toBeCloseTo(12.4, 10);
    expect(change?.price).toBeCloseTo(18.6, 10);
  });

  it('gives fewer days and lower use as negative effects', () => {
    // 31 days of 20 kWh at $0.10 ($62) to 28 days of 15 kWh at $0.10 ($42): days -3 × 20 × 0.1 = -6,
    // use 28 × -5 × 0.1 = -14, price 0.
    const change = splitBillChange({ days: 31, use: 620, cost: 62 }, { days: 28, use: 420, cost: 42 });
    expect(change?.days).toBeCloseTo(-6, 10);
    expect(change?.use).toBeCloseTo(-14, 10);
    expect(change?.price).toBeCloseTo(0, 10);
    expect(change?.total).toBeCloseTo(-20, 10);
  });

  it('cannot split without use in the earlier period', () => {
    expect(splitBillChange({ days: 30, use: 0, cost: 10 }, { days: 30, use: 5, cost: 12 })).toBeUndefined();
  });
});
