/**
 * Turns the caller's input into the text the scanner reads: bytes are decoded strictly (a wrong
 * encoding is an error, never silently replaced characters), by byte order mark, else by the XML
 * declaration's `encoding`, else as UTF-8 (XML 1.0, 4.3.3).
 */
import { EspiReadError } from '../errors.ts';

/** Declared encoding names (lower case) -> WHATWG TextDecoder label. */
const supportedEncodings: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8', // ASCII is a subset of UTF-8; a byte above 0x7F still fails the strict decode
  ascii: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
};

function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeInput(input: string | Uint8Array, maxBytes: number): string {
  const size = input.length;
  if (size > maxBytes)
    throw new EspiReadError(
      'too-large',
      `The input is ${size.toLocaleString('en-US')} ${typeof input === 'string' ? 'characters' : 'bytes'}, over the limit of ${maxBytes.toLocaleString('en-US')}; ask for a shorter date range or fewer meters.`,
    );
  if (typeof input === 'string') return input;
  if (startsWithBytes(input, [0x50, 0x4b, 0x03, 0x04]) || startsWithBytes(input, [0x1f, 0x8b]))
    throw new EspiReadError(
      'not-xml',
      'This is a compressed archive (ZIP or gzip), not XML: extract the XML file from it first.',
    );
  const label = detectEncoding(input);
  const bom =
    startsWithBytes(input, [0xef, 0xbb, 0xbf]) ||
    (label.startsWith('utf-16') && (input[0] === 0xfe || input[0] === 0xff));
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: !bom }).decode(input);
  } catch {
    const offset = label === 'utf-8' ? firstInvalidUtf8(input) : -1;
    const line =
      offset >= 0 ? input.subarray(0, offset).reduce((n, b) => (b === 10 ? n + 1 : n), 1) : undefined;
    throw new EspiReadError(
      'encoding',
      offset >= 0
        ? `The file is not valid UTF-8: byte 0x${(input[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}. Save it as UTF-8, or declare its real encoding in <?xml ... encoding="..."?>.`
        : `The file does not decode as ${label === 'utf-8' ? 'UTF-8' : label}: save it as UTF-8, or declare its real encoding.`,
      line === undefined ? undefined : { line },
    );
  }
}

function detectEncoding(bytes: Uint8Array): string {
  if (startsWithBytes(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWithBytes(bytes, [0xfe, 0xff]) || startsWithBytes(bytes, [0x00, 0x3c, 0x00, 0x3f]))
    return 'utf-16be';
  if (startsWithBytes(bytes, [0xff, 0xfe]) || startsWithBytes(bytes, [0x3c, 0x00, 0x3f, 0x00]))
    return 'utf-16le';
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = /^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1];
  if (declared === undefined) return 'utf-8';
  const label = supportedEncodings[declared.toLowerCase()];
  if (!label)
    throw new EspiReadError(
      'encoding',
      `The XML declaration names encoding "${declared}", which this reader does not support (it reads UTF-8, UTF-16, US-ASCII and ISO-8859-1). Convert the file to UTF-8.`,
      { line: 1 },
    );
  return label;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const extra =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}
