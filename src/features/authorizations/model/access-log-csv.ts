/**
 * An app's access log as CSV, for the customer to keep (the log is theirs): one row per read, times in
 * UTC (ISO 8601, what a spreadsheet sorts and converts), meters by id and by name. Text cells go through
 * the ESPI CSV writer's quoting, which also neutralises cells a spreadsheet would run as a formula.
 */
import { csvText, millisOf } from '../../../espi/index.ts';

export const ACCESS_LOG_CSV_COLUMNS = [
  'time_utc',
  'resource',
  'usage_point_ids',
  'meters',
  'entries',
  'readings',
  'bytes',
] as const;

export interface LoggedRead {
  /** Epoch seconds. */
  at: number;
  resource: string;
  usagePointIds: string[];
  entries: number;
  readings: number;
  bytes: number;
}

export function accessLogCsv(reads: readonly LoggedRead[], meterName: (id: string) => string): string {
  const rows = reads.map((read) =>
    [
      new Date(millisOf(read.at)).toISOString().replace('.000Z', 'Z'),
      csvText(read.resource),
      csvText(read.usagePointIds.join(' ')),
      csvText(read.usagePointIds.map(meterName).join('; ')),
      read.entries,
      read.readings,
      read.bytes,
    ].join(','),
  );
  return [ACCESS_LOG_CSV_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('');
}
