/**
 * Search and service filter over a customer's meters. With 5,000 meters every keystroke filters the
 * whole list, so each meter's searchable text is folded once (`indexMeters`) and a query only does
 * substring tests on it.
 */
import type { Meter } from './meter.ts';

export interface MeterFilter {
  /** Free text: every word must appear in the meter's address, site, meter number, title or id. */
  query: string;
  /** A ServiceKind, or null for every service. */
  serviceKind: number | null;
}

export const NO_FILTER: MeterFilter = { query: '', serviceKind: null };

export interface MeterIndex {
  meters: readonly Meter[];
  haystacks: readonly string[];
}

/** Lower case without accents, so "Saint-Leonard" finds "Saint-Léonard". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function indexMeters(meters: readonly Meter[]): MeterIndex {
  return {
    meters,
    haystacks: meters.map((m) => fold([m.address, m.site, m.meterId, m.title, m.id].join('\u0000'))),
  };
}

export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

export function filterMeters(index: MeterIndex, filter: MeterFilter): Meter[] {
  const words = queryWords(filter.query);
  const result: Meter[] = [];
  index.meters.forEach((meter, i) => {
    if (filter.serviceKind !== null && meter.serviceKind !== filter.serviceKind) return;
    const haystack = index.haystacks[i] ?? '';
    if (words.every((word) => haystack.includes(word))) result.push(meter);
  });
  return result;
}

export function isFiltered(filter: MeterFilter): boolean {
  return queryWords(filter.query).length > 0 || filter.serviceKind !== null;
}
