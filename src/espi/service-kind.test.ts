import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS, serviceKindName, serviceLabel } from './service-kind.ts';

describe('ServiceKind', () => {
  it('names each code as espi.xsd does, and says when a code is absent or unknown', () => {
    expect([0, 1, 2, 8].map(serviceKindName)).toEqual(['electricity', 'gas', 'water', 'tvLicence']);
    expect(serviceKindName(undefined)).toBe('none');
    expect(serviceKindName(42)).toBe('unknown (42)');
  });

  it('labels each code in plain words, with a fallback a person can read', () => {
    expect([0, 1, 2, 8].map(serviceLabel)).toEqual(['Electricity', 'Gas', 'Water', 'TV licence']);
    expect(serviceLabel(undefined)).toBe('Service');
    expect(serviceLabel(42)).toBe('Other service');
  });

  it('lists each code once, with the usual unit of the metered services', () => {
    expect(new Set(SERVICE_KINDS.map((s) => s.kind)).size).toBe(SERVICE_KINDS.length);
    expect(SERVICE_KINDS.filter((s) => 'uom' in s).map((s) => [s.name, s.uom])).toEqual([
      ['electricity', 72],
      ['gas', 169],
      ['water', 128],
    ]);
  });
});
