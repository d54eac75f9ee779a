import { describe, expect, it } from 'vitest';
import type { MeterSummary } from '../api/portfolio-queries.ts';
import { filterMeters, meterRows, rankedRows, sortRows, yearAgoChange } from './portfolio.ts';

const ELECTRICITY = { uom: 72, powerOfTenMultiplier: 0 };
const GAS = { uom: 169, powerOfTenMultiplier: -3 };

function summary(
  usagePointId: string,
  unit: MeterSummary['unit'],
  current: { use: number; cost: number; peakDemand?: number },
  yearAgo: { use: number; cost: number } | null,
): MeterSummary {
  const figures = (f: { use: number; cost: number; peakDemand?: number }) => ({
    peakDemand: 0,
    readings: 2880,
    estimated: 0,
    ...f,
  });
  return {
    usagePointId,
    unit,
    currency: 840,
    current: figures(current),
    yearAgo: yearAgo && figures(yearAgo),
    readingsEnd: '2025-06-14T04:00:00Z',
  };
}

// Raw figures: Wh, milli-therms, hundred-thousandths of a dollar.
const SUMMARIES = [
  summary(
    'a',
    ELECTRICITY,
    { use: 1_000_000, cost: 18_000_000, peakDemand: 40_000 },
    { use: 800_000, cost: 14_400_000 },
  ),
  summary('b', GAS, { use: 500_000, cost: 80_000_000 }, { use: 1_000_000, cost: 160_000_000 }),
  summary('c', ELECTRICITY, { use: 3_000_000, cost: 54_000_000, peakDemand: 100_000 }, null),
];
const LISTINGS = [
  { id: 'a', title: 'Store #001: HVAC', site: 'Store #001', serviceKind: 0 },
  { id: 'b', title: 'Store #001: Gas', site: 'Store #001', serviceKind: 1 },
  { id: 'c', title: 'Store #002: Main service', site: 'Store #002', serviceKind: 0 },
];
const rows = meterRows(SUMMARIES, LISTINGS);

describe('a meter’s figures', () => {
  it('are read in the units of a bill: kWh and kW, therms, dollars', () => {
    expect(rows[0]).toMatchObject({ use: 1000, unit: 'kWh', peak: 40, rateUnit: 'kW', cost: 180 });
    expect(rows[0]?.yearAgo).toEqual({ use: 800, cost: 144, readings: 2880 });
    expect(rows[1]).toMatchObject({ use: 500, unit: 'therm', rateUnit: 'therm/h', cost: 800 });
  });

  it('change against a year before, as a fraction; none without a year-ago figure or from zero', () => {
    expect(yearAgoChange(1000, 800)).toBe(0.25);
    expect(yearAgoChange(500, 1000)).toBe(-0.5);
    expect(yearAgoChange(500, null)).toBeNull();
    expect(yearAgoChange(500, 0)).toBeNull();
  });
});

describe('rankings', () => {
  it('by site: costs add up, use across units does not, a year-ago total only when every meter has one', () => {
    const sites = rankedRows(rows, 'site');
    const first = sites.find((s) => s.name === 'Store #001');
    expect(first).toMatchObject({ meters: 2, use: null, peak: null, cost: 980, useChange: null });
    // $980 against $144 + $1,600 = $1,744.
    expect(first?.costChange).toBeCloseTo(980 / 1744 - 1, 10);
    expect(sites.find((s) => s.name === 'Store #002')).toMatchObject({ cost: 540, costChange: null });
  });

  it('by service: use and the sum of peaks in the service’s unit', () => {
    const services = rankedRows(rows, 'service');
    expect(services.find((s) => s.name === 'Electricity')).toMatchObject({
      meters: 2,
      use: 4000,
      unit: 'kWh',
      peak: 140,
      cost: 720,
      useChange: null,
    });
    expect(services.find((s) => s.name === 'Gas')).toMatchObject({
      use: 500,
      useChange: -0.5,
      costChange: -0.5,
    });
  });

  it('sorts either way, lines without the figure last', () => {
    const sites = rankedRows(rows, 'site');
    expect(sortRows(sites, 'cost', 'desc').map((s) => s.name)).toEqual(['Store #001', 'Store #002']);
    expect(sortRows(sites, 'cost', 'asc').map((s) => s.name)).toEqual(['Store #002', 'Store #001']);
    expect(sortRows(sites, 'costChange', 'asc').map((s) => s.name)).toEqual(['Store #001', 'Store #002']);
    expect(sortRows(sites, 'costChange', 'desc').map((s) => s.name)).toEqual(['Store #001', 'Store #002']);
    const meters = rankedRows(rows, 'meter');
    expect(sortRows(meters, 'use', 'desc').map((m) => m.meterId)).toEqual(['c', 'a', 'b']);
  });

  it('filters by service and by words in the name or site', () => {
    expect(filterMeters(rows, 'electricity', '').map((r) => r.id)).toEqual(['a', 'c']);
    expect(filterMeters(rows, 'all', 'store #001').map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterMeters(rows, 'gas', '#002')).toEqual([]);
  });
});
