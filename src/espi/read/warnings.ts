import type { ParseWarning, SourceLocation } from '../model.ts';

/** After this many warnings of one code, further ones are only counted: a broken 60 MB file must not yield 350,000 warnings. */
const PER_CODE_LIMIT = 20;

/** Collects a document's warnings and whether data was left out (`partial`). */
export class WarningLog {
  readonly warnings: ParseWarning[] = [];
  partial = false;
  private readonly counts = new Map<string, number>();

  /** Records a warning; `partial` says the data shown is incomplete because of it. */
  add(code: string, message: string, where: SourceLocation | undefined, partial: boolean): void {
    if (partial) this.partial = true;
    const seen = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, seen);
    if (seen > PER_CODE_LIMIT) return;
    this.warnings.push(where ? { code, message, where } : { code, message });
  }

  /** The warnings, with one closing note per code that went over the limit. */
  finish(): ParseWarning[] {
    for (const [code, seen] of this.counts) {
      if (seen > PER_CODE_LIMIT)
        this.warnings.push({
          code,
          message: `${seen - PER_CODE_LIMIT} more "${code}" warnings like the ones above were not listed.`,
        });
    }
    return this.warnings;
  }
}
