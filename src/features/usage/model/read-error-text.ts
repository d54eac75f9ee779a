/**
 * A file that could not be opened, explained: what the reader found (EspiReadError code, message and where)
 * and what the person can do about it.
 */
import type { EspiReadErrorCode } from '../../../espi/index.ts';

const ADVICE: Readonly<Record<EspiReadErrorCode, string>> = {
  'not-xml':
    'Green Button files are XML (they usually end in .xml). Check that this is the file your utility gave you.',
  'not-espi':
    'This is XML, but not Green Button (ESPI) energy data. Download the file again from your utility.',
  truncated: 'The file ends part-way through: it may not have finished downloading. Download it again.',
  encoding: 'The text of the file could not be decoded. Save it as UTF-8, or download it again.',
  'doctype-refused':
    'The file declares a DOCTYPE, which Green Button files never need; such files are refused because they can be used to attack a computer.',
  'entity-refused':
    'The file defines or uses XML entities, which Green Button files never need; they are refused for safety.',
  'too-large': 'The file is larger than the portal opens. Download a shorter date range from your utility.',
  'too-deep': 'The file nests elements far deeper than Green Button data does; it is refused.',
  'too-many-readings':
    'The file holds more readings than the portal opens at once. Download a shorter date range.',
};

export interface ReadErrorText {
  title: string;
  detail: string;
  advice: string;
}

function codeOf(error: unknown): EspiReadErrorCode | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code in ADVICE ? (code as EspiReadErrorCode) : undefined;
}

/** Works on an EspiReadError and on its copy from a worker (plain data with the same fields). */
export function readErrorText(error: unknown, fileName: string): ReadErrorText {
  const code = codeOf(error);
  const message =
    error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
      ? String((error as { message: unknown }).message)
      : 'The file could not be read.';
  const where =
    typeof error === 'object' && error !== null && 'where' in error
      ? (error as { where?: { context?: string } }).where?.context
      : undefined;
  return {
    title: `“${fileName}” could not be opened`,
    detail: where && !message.includes(where) ? `${message} (${where})` : message,
    advice: code ? ADVICE[code] : 'Try the file again, or another Green Button file.',
  };
}

export interface WarningMeaning {
  title: string;
  meaning: string;
}

/** The reader's notes (ParseWarning codes) a person could not read the meaning of from the message alone. */
const WARNING_MEANINGS: Readonly<Record<string, WarningMeaning>> = {
  'same-start-intervals': {
    title: 'Readings with the same start time',
    meaning:
      'Two readings start at the same moment. This happens on the night the clocks go back, when the repeated hour is stamped twice. Both are kept, so that hour counts twice in totals.',
  },
  'duplicate-intervals': {
    title: 'Data sent twice',
    meaning: 'Part of the file was sent twice. The second copy was set aside, so nothing is counted twice.',
  },
  'conflicting-reading-types': {
    title: 'One kind of reading described two ways',
    meaning:
      'The file describes the same kind of reading twice, differently. The first description is used, so the unit or scale of that meter may be off.',
  },
  'conflicting-links': {
    title: 'Data that names two meters',
    meaning:
      'Some readings say they belong to two different meters. They are shown with the first; they may belong to the other.',
  },
  'unlinked-summary': {
    title: 'A bill summary without its meter',
    meaning: 'A bill summary in the file is not tied to any of its meters, so it is kept on its own.',
  },
  'foreign-namespace': {
    title: 'Another format',
    meaning:
      'The file says it follows a format other than Green Button’s. It was read as Green Button anyway: check the figures against your bill.',
  },
  'out-of-range': {
    title: 'Impossible numbers or dates',
    meaning:
      'A number or a date in the file is impossible (far too large, or hundreds of thousands of years away). It was left out.',
  },
  'missing-reading-type': {
    title: 'Unknown unit',
    meaning:
      'The file does not say what its readings measure, so they are shown unscaled, in an unknown unit.',
  },
};

/** Plain words for a reader's note, by its code; undefined when the note's own message says enough. */
export function warningMeaning(code: string): WarningMeaning | undefined {
  return Object.hasOwn(WARNING_MEANINGS, code) ? WARNING_MEANINGS[code] : undefined;
}
