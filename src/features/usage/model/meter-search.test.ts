import { describe, expect, it } from 'vitest';
import { filterUsagePoints } from './meter-search.ts';
import type { UsagePointListing } from '../api/usage-points.ts';

const listing = (id: string, title: string, serviceKind: number, address: string): UsagePointListing => ({
  id,
  title,
  serviceKind,
  address,
  meterId: `M-${id}`,
  hrefs: { batch: `https://dc.example/Batch/${id}` },
});

const points = [
  listing('1', 'Store #001: HVAC', 0, '100 Commerce Way, Albany, NY'),
  listing('2', 'Store #001: Gas', 1, '100 Commerce Way, Albany, NY'),
  listing('3', 'Warehouse #002: Lighting', 0, '117 Market Street, Hartford, CT'),
];

describe('filterUsagePoints', () => {
  it('matches every word, in any field and any order', () => {
    expect(filterUsagePoints(points, 'albany gas').map((p) => p.id)).toEqual(['2']);
    expect(filterUsagePoints(points, 'ELECTRICITY hartford').map((p) => p.id)).toEqual(['3']);
    expect(filterUsagePoints(points, 'M-1').map((p) => p.id)).toEqual(['1']);
  });

  it('returns everything for an empty query and nothing for a stranger', () => {
    expect(filterUsagePoints(points, '  ')).toHaveLength(3);
    expect(filterUsagePoints(points, 'boston')).toEqual([]);
  });
});
