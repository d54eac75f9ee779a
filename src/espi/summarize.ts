/**
 * The figures `npm run espi -- summarize` prints: how many usage points, interval readings, register
 * reads and usage summaries, the time span, and interval totals per unit and flow direction (sum of
 * value x 10^powerOfTenMultiplier; issues 3 and 14).
 */
import { flowDirectionName, unitSymbol } from './enumerations.ts';
import type { EspiDocument, MeterReading } from './model.ts';
import { scaleValue } from './units.ts';
import { isoSeconds } from './time-units.ts';

export interface Summary {
  usagePoints: number;
  readings: number;
  /** Register reads (point readings of duration 0), when there are any; never part of the totals. */
  registerReads?: number;
  /** UsageSummary and ElectricPowerUsageSummary resources read, claimed by a UsagePoint or not. */
  summaries: number;
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

export function summarize(doc: EspiDocument): Summary {
  let readings = 0;
  let first = Infinity;
  let last = -Infinity;
  const totals = new Map<string, Summary['totals'][number]>();
  let registerReads = 0;
  for (const m of allMeterReadings(doc)) {
    registerReads += m.registerReads?.count ?? 0;
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
    // Without a ReadingType nothing is known of the unit: "none" would claim the file says so.
    const uom = m.readingType ? unitSymbol(m.readingType.uom) : 'unknown';
    const flowDirection = m.readingType ? flowDirectionName(m.readingType.flowDirection) : 'unknown';
    const key = `${uom}\u0000${flowDirection}`;
    const entry = totals.get(key) ?? { uom, flowDirection, total: 0, readings: 0 };
    entry.total += scaleValue(sum, m.readingType?.powerOfTenMultiplier);
    entry.readings += count;
    totals.set(key, entry);
  }
  const summaries =
    doc.usagePoints.reduce((n, p) => n + p.usageSummaries.length, 0) +
    (doc.orphanUsageSummaries?.length ?? 0);
  return {
    usagePoints: doc.usagePoints.length,
    readings,
    ...(registerReads > 0 ? { registerReads } : {}),
    summaries,
    start: readings > 0 ? isoSeconds(first) : null,
    end: readings > 0 ? isoSeconds(last) : null,
    totals: [...totals.values()],
  };
}
