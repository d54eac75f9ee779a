/**
 * ESPI data as CSV, one row per interval reading, with UTC and local start times, the value in the unit a
 * person expects and the cost in currency units. RFC 4180 (quotes doubled, CRLF line ends), and text cells
 * that a spreadsheet would run as a formula are neutralised (OWASP "CSV Injection").
 */
import { currencyAlpha, flowDirectionName, qualityName, unitSymbol } from './enumerations.ts';
import { serviceKindName } from './service-kind.ts';
import { createLocalTime, type TimeZoneRules } from './local-time.ts';
import { NO_QUALITY, type EspiDocument, type MeterReading, type UsagePoint } from './model.ts';
import { COST_DIVISOR, displayUnitFor, rawToDisplayFactor } from './units.ts';
import { isoSeconds } from './time-units.ts';

export const CSV_COLUMNS = [
  'usage_point',
  'meter_reading',
  'flow_direction',
  'start_utc',
  'start_local',
  'duration_s',
  'value',
  'unit',
  'cost',
  'currency',
  'quality',
] as const;

export interface CsvOptions {
  /** Clock for usage points without LocalTimeParameters (default UTC). */
  fallbackTimeZone?: TimeZoneRules;
  /** Rows per chunk of `writeCsvChunks`. */
  rowsPerChunk?: number;
}

const NEEDS_QUOTES = /[",\r\n]/;
// A leading = + - @ (or tab / carriage return) makes Excel, LibreOffice and Google Sheets evaluate the cell.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: formula starts neutralised with a leading apostrophe, then RFC 4180 quoting. */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number without binary-fraction noise (0.1 + 0.2 shows as 0.3); empty for NaN. */
function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  return String(Number(n.toPrecision(12)));
}

function usagePointLabel(up: UsagePoint | undefined, index: number): string {
  if (!up) return 'Unlinked meter readings';
  return up.meta.title ?? `Usage point ${index + 1} (${serviceKindName(up.serviceKind)})`;
}

function meterReadingLabel(mr: MeterReading, index: number): string {
  if (mr.meta.title) return mr.meta.title;
  const rt = mr.readingType;
  const interval = rt?.intervalLength ? `, ${rt.intervalLength} s` : '';
  return `Meter reading ${index + 1} (${unitSymbol(rt?.uom)}${interval})`;
}

function* rowsOf(
  mr: MeterReading,
  usagePoint: string,
  meterReading: string,
  clock: ReturnType<typeof createLocalTime>,
): Generator<string> {
  const rt = mr.readingType;
  const factor = rawToDisplayFactor(rt);
  const unit = csvText(displayUnitFor(rt).unit);
  const flow = flowDirectionName(rt?.flowDirection);
  const currency = currencyAlpha(rt?.currency) ?? '';
  const prefix = `${csvText(usagePoint)},${csvText(meterReading)},${flow},`;
  const r = mr.readings;
  for (let i = 0; i < r.count; i++) {
    const start = r.start[i] ?? 0;
    const cost = r.cost?.[i];
    const q = r.quality[i] ?? NO_QUALITY;
    const quality = qualityName(q === NO_QUALITY ? rt?.defaultQuality : q);
    const costText = cost === undefined || Number.isNaN(cost) ? '' : csvNumber(cost / COST_DIVISOR);
    yield `${prefix}${isoSeconds(start)},${clock.toIsoLocal(start)},${r.duration[i] ?? 0},${csvNumber((r.value[i] ?? NaN) * factor)},${unit},${costText},${costText ? currency : ''},${csvText(quality)}\r\n`;
  }
}

/** The CSV in chunks of `rowsPerChunk` rows (header first), for large files and streaming. */
export function* writeCsvChunks(doc: EspiDocument, options: CsvOptions = {}): Generator<string> {
  const writer = createCsvWriter(options);
  yield writer.header;
  yield* writer.rows(doc);
}

/**
 * A CSV written as it goes, one document (a meter's) at a time: `header`, then `rows` for each document
 * (with that document's fallback zone, if it has one of its own). Usage points without a title are
 * numbered across the documents, as if they were one.
 */
export function createCsvWriter(options: CsvOptions = {}): {
  header: string;
  rows(doc: EspiDocument, fallbackTimeZone?: TimeZoneRules): Generator<string>;
} {
  const rowsPerChunk = options.rowsPerChunk ?? 10_000;
  let usagePoints = 0;
  function* rows(doc: EspiDocument, fallbackTimeZone = options.fallbackTimeZone): Generator<string> {
    const sources: {
      mr: MeterReading;
      up: string;
      label: string;
      clock: ReturnType<typeof createLocalTime>;
    }[] = [];
    for (const up of doc.usagePoints) {
      const clock = createLocalTime(up.localTime, fallbackTimeZone);
      const label = usagePointLabel(up, usagePoints++);
      up.meterReadings.forEach((mr, j) =>
        sources.push({ mr, up: label, label: meterReadingLabel(mr, j), clock }),
      );
    }
    const orphanClock = createLocalTime(doc.localTimeParameters[0], fallbackTimeZone);
    doc.orphanMeterReadings.forEach((mr, j) =>
      sources.push({
        mr,
        up: usagePointLabel(undefined, 0),
        label: meterReadingLabel(mr, j),
        clock: orphanClock,
      }),
    );
    let chunk: string[] = [];
    for (const source of sources) {
      for (const row of rowsOf(source.mr, source.up, source.label, source.clock)) {
        chunk.push(row);
        if (chunk.length >= rowsPerChunk) {
          yield chunk.join('');
          chunk = [];
        }
      }
    }
    if (chunk.length > 0) yield chunk.join('');
  }
  return { header: `${CSV_COLUMNS.join(',')}\r\n`, rows };
}

/** The whole CSV as one string. */
export function writeCsv(doc: EspiDocument, options: CsvOptions = {}): string {
  return Array.from(writeCsvChunks(doc, options)).join('');
}
