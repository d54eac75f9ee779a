import { describe, expect, it } from 'vitest';
import { filterMeters, fold, indexMeters, isFiltered, NO_FILTER } from './meter-filter.ts';
import type { Meter } from './meter.ts';

const meters: Meter[] = [
  {
    id: 'up-1',
    title: 'Store #001: HVAC',
    serviceKind: 0,
    meterId: 'E-5000001',
    site: 'Store #001',
    address: '100 Commerce Way, Albany, NY 12207',
    bulkEligible: true,
  },
  {
    id: 'up-2',
    title: 'Store #001: Gas',
    serviceKind: 1,
    meterId: 'G-5000002',
    site: 'Store #001',
    address: '100 Commerce Way, Albany, NY 12207',
    bulkEligible: true,
  },
  {
    id: 'up-3',
    title: 'Plant #002: Main service',
    serviceKind: 0,
    meterId: 'E-7000003',
    site: 'Plant #002',
    address: '117 Rue Saint-Léonard, Montréal, QC',
    bulkEligible: true,
  },
];
const index = indexMeters(meters);
const ids = (found: Meter[]) => found.map((m) => m.id);

describe('filterMeters', () => {
  it('returns every meter without a filter', () => {
    expect(ids(filterMeters(index, NO_FILTER))).toEqual(['up-1', 'up-2', 'up-3']);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('finds by address, site or meter number, case-insensitively', () => {
    expect(ids(filterMeters(index, { query: 'commerce way', serviceKind: null }))).toEqual(['up-1', 'up-2']);
    expect(ids(filterMeters(index, { query: 'PLANT #002', serviceKind: null }))).toEqual(['up-3']);
    expect(ids(filterMeters(index, { query: 'g-5000002', serviceKind: null }))).toEqual(['up-2']);
  });

  it('needs every word, in any order, and ignores accents', () => {
    expect(ids(filterMeters(index, { query: 'albany hvac', serviceKind: null }))).toEqual(['up-1']);
    expect(ids(filterMeters(index, { query: 'leonard montreal', serviceKind: null }))).toEqual(['up-3']);
  });

  it('does not match across fields', () => {
    // "Albany" ends the address and "Store" starts the site: joined text must not make "12207store".
    expect(filterMeters(index, { query: '12207store', serviceKind: null })).toEqual([]);
  });

  it('filters by service kind, together with the text', () => {
    expect(ids(filterMeters(index, { query: '', serviceKind: 1 }))).toEqual(['up-2']);
    expect(ids(filterMeters(index, { query: 'store', serviceKind: 0 }))).toEqual(['up-1']);
    expect(isFiltered({ query: ' ', serviceKind: 0 })).toBe(true);
    expect(isFiltered({ query: '  ', serviceKind: null })).toBe(false);
  });

  it('folds text to lower case without diacritics', () => {
    expect(fold('Café Zürich')).toBe('cafe zurich');
  });
});
