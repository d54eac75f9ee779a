import { describe, expect, it } from 'vitest';
import type { UsagePointListing } from '../api/usage-points.ts';
import { chosenMeters, lastWholeMonth, meterCaveat, sitesOf } from './export-selection.ts';

const meter = (id: string, site: string, serviceKind: number, bulkEligible = true): UsagePointListing => ({
  id,
  site,
  serviceKind,
  bulkEligible,
  hrefs: { batch: `https://dc.example/Batch/Subscription/1/UsagePoint/${id}` },
});

const METERS = [
  meter('a', 'Store 2', 0),
  meter('b', 'Store 1', 1),
  meter('c', 'Store 1', 0, false),
  meter('d', 'Store 2', 2),
];

describe('the meters an export takes', () => {
  it('takes a site and some services, and counts the disconnected ones it takes or leaves', () => {
    expect(sitesOf(METERS)).toEqual(['Store 1', 'Store 2']);
    const all = chosenMeters(METERS, { services: [0, 1, 2], includeDisconnected: true });
    expect(all.taken.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(all.disconnected.map((m) => m.id)).toEqual(['c']);
    const left = chosenMeters(METERS, { site: 'Store 1', services: [0], includeDisconnected: false });
    expect(left.taken).toEqual([]);
    expect(left.disconnected.map((m) => m.id)).toEqual(['c']);
    expect(meterCaveat(METERS[2] as UsagePointListing)).toMatch(/^Disconnected/);
    expect(meterCaveat(METERS[0] as UsagePointListing)).toBeUndefined();
  });
});

describe('lastWholeMonth', () => {
  it('is the last calendar month whose every day is published (data ends about two days back)', () => {
    expect(lastWholeMonth('2026-11-29')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastWholeMonth('2026-12-02')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastWholeMonth('2026-12-01')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastWholeMonth('2026-01-02')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});
