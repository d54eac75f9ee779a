import { describe, expect, it } from 'vitest';
import { findOutliers, outlierReasons } from './outliers.ts';
import type { MeterRow } from './portfolio.ts';

const DAY = 86_400;
const DATA_END = Date.parse('2025-06-14T04:00:00Z') / 1000;

function meter(id: string, fields: Partial<MeterRow> = {}): MeterRow {
  return {
    id,
    title: id,
    site: 'Store #001',
    serviceKind: 0,
    unit: 'kWh',
    rateUnit: 'kW',
    use: 1000,
    peak: 5,
    cost: 180,
    currency: 840,
    yearAgo: { use: 1000, cost: 180, readings: 2880 },
    readings: 2880,
    estimated: 20,
    readingsEnd: DATA_END,
    ...fields,
  };
}

describe('outliers', () => {
  it('a usual meter has no reason to stand out', () => {
    expect(outlierReasons(meter('usual'), DATA_END)).toEqual([]);
  });

  it('readings that ended two days or more before the data did: stopped', () => {
    expect(outlierReasons(meter('late', { readingsEnd: DATA_END - DAY }), DATA_END)).toEqual([]);
    expect(outlierReasons(meter('stopped', { readingsEnd: DATA_END - 5 * DAY }), DATA_END)).toEqual([
      { kind: 'stopped', since: DATA_END - 5 * DAY },
    ]);
  });

  it('use per reading half again or half below the same month a year before', () => {
    // 2,500 kWh against 1,000 over the same 2,880 readings: +150%.
    expect(outlierReasons(meter('surge', { use: 2500 }), DATA_END)).toEqual([{ kind: 'use', change: 1.5 }]);
    expect(outlierReasons(meter('warm', { use: 1400 }), DATA_END)).toEqual([]);
    expect(outlierReasons(meter('low', { use: 400 }), DATA_END)).toEqual([{ kind: 'use', change: -0.6 }]);
    // Half the readings and half the use: the same use per reading, not a drop.
    expect(outlierReasons(meter('gappy', { use: 500, readings: 1440 }), DATA_END)).toEqual([]);
    expect(outlierReasons(meter('new', { use: 2500, yearAgo: null }), DATA_END)).toEqual([]);
  });

  it('a fifth of the readings or more estimated', () => {
    // 600 of 2,880 is 20.8%; 500 is 17.4%.
    expect(outlierReasons(meter('guessed', { estimated: 600 }), DATA_END)).toEqual([
      { kind: 'estimated', share: 600 / 2880 },
    ]);
    expect(outlierReasons(meter('some', { estimated: 500 }), DATA_END)).toEqual([]);
  });

  it('lists meters with more reasons first, then the costlier', () => {
    const found = findOutliers(
      [
        meter('usual'),
        meter('cheap-surge', { use: 2500, cost: 100 }),
        meter('dear-surge', { use: 2500, cost: 900 }),
        meter('both', { use: 2500, estimated: 1000, cost: 50 }),
      ],
      DATA_END,
    );
    expect(found.map((o) => o.row.id)).toEqual(['both', 'dear-surge', 'cheap-surge']);
  });
});
