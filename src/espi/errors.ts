import type { SourceLocation } from './model.ts';

/**
 * Why a document could not be read at all. Recoverable problems are `ParseWarning`s instead; this is
 * for input where no trustworthy data can be produced (not XML, not ESPI, cut off, refused).
 */
export type EspiReadErrorCode =
  | 'not-xml'
  | 'not-espi'
  | 'truncated'
  | 'encoding'
  | 'doctype-refused'
  | 'entity-refused'
  | 'too-large'
  | 'too-deep'
  | 'too-many-readings';

export class EspiReadError extends Error {
  readonly code: EspiReadErrorCode;
  readonly where?: SourceLocation;

  constructor(code: EspiReadErrorCode, message: string, where?: SourceLocation) {
    super(where?.line === undefined ? message : `${message} (line ${where.line})`);
    this.name = 'EspiReadError';
    this.code = code;
    if (where) this.where = where;
  }
}
