/**
 * The figures `npm run espi -- summarize` prints: how many usage points and readings, the time span,
 * and totals per unit and flow direction (sum of value x 10^powerOfTenMultiplier; issue 3).
 */
import { flowDirectionName, unitSymbol } from './enumerations.ts';
import type { EspiDocument, MeterReading } from './model.ts';
import { scaleValue } from './units.ts';

export interface Summary {
  usagePoints: number;
  readings: number;
  /** ISO-8601 UTC of the earliest interval start; null without readings. */
  start: string | null;
  /** ISO-8601 UTC of the latest interval end. */
  end: string | null;
  totals: { uom: string; flowDirection: string; total: number; readings: number }[];
}

/** Every MeterReading of the document, claimed by a UsagePoint or not. */
export function allMeterReadings(doc: EspiDocument): MeterReading[] {
  return [...doc.usagePoints.flatMap((p) => p.meterReadings), ...doc.orphanMeterReadings];
}

/** `2024-03-10T08:00:00Z`: seconds precision, as ESPI times are whole seconds. */
export function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

export function summarize(doc: EspiDocument): Summary {
  let readings = 0;
  let first = Infinity;
  let last = -Infinity;
  const totals = new Map<string, Summary['totals'][number]>();
  for (const m of allMeterReadings(doc)) {
    const { count, start, duration, value } = m.readings;
    if (count === 0) continue;
    readings += count;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const s = start[i] as number;
      if (s < first) first = s;
      const end = s + (duration[i] as number);
      if (end > last) last = end;
      sum += value[i] as number;
    }
    const uom = unitSymbol(m.readingType?.uom);
    const flowDirection = flowDirectionName(m.readingType?.flowDirection);
    const key = `${uom}\u0000${flowDirection}`;
    const entry = totals.get(key) ?? { uom, flowDirection, total: 0, readings: 0 };
    entry.total += scaleValue(sum, m.readingType?.powerOfTenMultiplier);
    entry.readings += count;
    totals.set(key, entry);
  }
  return {
    usagePoints: doc.usagePoints.length,
    readings,
    start: readings > 0 ? isoSeconds(first) : null,
    end: readings > 0 ? isoSeconds(last) : null,
    totals: [...totals.values()],
  };
}
