import type { ReadingColumns } from './columns.ts';
import type { NamespaceScopes } from './namespaces.ts';
import type { PlainReadingReader } from './plain-reading.ts';
import type { WarningLog } from './warnings.ts';
import type { XmlScanner } from '../xml-scanner.ts';
import type { SourceLocation } from '../model.ts';

/** What the resource readers share while walking one document. */
export interface ReadContext {
  readonly sc: XmlScanner;
  readonly log: WarningLog;
  readonly columns: ReadingColumns;
  readonly plain: PlainReadingReader;
  readonly maxReadings: number;
  readonly namespaces: NamespaceScopes;
  /** The entry being read, for messages: "entry 12". */
  context: string;
  /** Readings whose TimeType start or duration had a fraction (kept as whole seconds). */
  fractionalTimes: number;
  /** Reports progress when the scanner has moved far enough since the last report. */
  progress(): void;
}

/** Where the scanner stands, for a warning. */
export function here(ctx: ReadContext, pos = ctx.sc.tagStart): SourceLocation {
  return { line: ctx.sc.lineAt(pos), context: ctx.context };
}
