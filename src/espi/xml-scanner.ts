/**
 * A small, strict XML pull scanner over a JS string, written for speed on ESPI feeds: a general
 * parser builds events for every byte, this one lets the reader skip what it does not need and read
 * numbers straight from the character codes. It checks well-formedness as it goes (matching end tags,
 * one root, quoted attributes, terminated comments/CDATA/PIs), refuses DOCTYPE and never expands
 * entities: only the five predefined ones and numeric character references are decoded.
 * Elements are recognised by local name; prefixes are kept only for the root namespace check.
 */
import { EspiReadError } from './errors.ts';
import { countOf } from './plural.ts';

export const EOF = 0;
export const OPEN = 1;
export const CLOSE = 2;
export type Token = typeof EOF | typeof OPEN | typeof CLOSE;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const EQUALS = 61;
const MINUS = 45;
const PLUS = 43;
const ZERO = 48;
const NINE = 57;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** A name ends at whitespace, `/`, `>` or `=`; anything else (including non-ASCII) belongs to it. */
function endsName(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === SLASH || c === GT || c === EQUALS || c !== c;
}

const predefinedEntities: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

const DOT = 46;
const AMP = 38;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * Whether `text` is a strict decimal (XSD integer or decimal, optional exponent). One pass over the
 * characters: a regular expression for this backtracks, and 200,000 digits and a letter took a minute.
 */
export function isDecimal(text: string): boolean {
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === PLUS || c === MINUS) c = text.charCodeAt(++i);
  let digits = 0;
  while (isDigit(c)) {
    digits++;
    c = text.charCodeAt(++i);
  }
  if (c === DOT) {
    c = text.charCodeAt(++i);
    while (isDigit(c)) {
      digits++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++i);
    if (c === PLUS || c === MINUS) c = text.charCodeAt(++i);
    if (!isDigit(c)) return false;
    while (isDigit(c)) c = text.charCodeAt(++i);
  }
  return i === text.length;
}

export class XmlScanner {
  readonly src: string;
  /** Next character to look at. */
  pos = 0;
  /** Open elements (the current one, after OPEN, included unless self-closing). */
  depth = 0;
  /** The tag just returned by `next()`: qualified name `[nameStart, nameEnd)`, local name from `localStart`. */
  nameStart = 0;
  localStart = 0;
  nameEnd = 0;
  /** Start of the tag (its `<`) and the position just after its `>`. */
  tagStart = 0;
  selfClosing = false;

  /** Deepest nesting accepted. */
  readonly maxDepth: number;
  private readonly openStart: Int32Array;
  private readonly openEnd: Int32Array;
  private rootDone = false;
  private lineCachePos = 0;
  private lineCacheLine = 1;
  /** The first line break at or after `lineCachePos`, or -1. */
  private nextLineBreak: number;
  /** Where every line break is, built at the first backward `lineAt` query. */
  private lineBreaks: Int32Array | undefined;
  /** There is no "&" in `[ampFrom, ampAt)` (to the end when `ampAt` is -1). */
  private ampFrom: number;
  private ampAt: number;

  constructor(src: string, maxDepth: number) {
    this.src = src;
    this.maxDepth = maxDepth;
    this.openStart = new Int32Array(maxDepth + 1);
    this.openEnd = new Int32Array(maxDepth + 1);
    this.ampFrom = 0;
    this.ampAt = src.indexOf('&');
    this.nextLineBreak = src.indexOf('\n');
  }

  /**
   * 1-based line of a position. Counts forward from the last answer, so ascending queries (the reader's
   * warnings) stay linear; the first query behind the last answer indexes every line break once, so
   * warnings about entries in any order never rescan the text.
   */
  lineAt(pos: number): number {
    if (pos < this.lineCachePos || this.lineBreaks) return this.lineByIndex(pos);
    // Each line break is passed once: many warnings on one long line must not each search to its end.
    let line = this.lineCacheLine;
    let next = this.nextLineBreak;
    while (next >= 0 && next < pos) {
      line++;
      next = this.src.indexOf('\n', next + 1);
    }
    this.nextLineBreak = next;
    this.lineCachePos = pos;
    this.lineCacheLine = line;
    return line;
  }

  private lineByIndex(pos: number): number {
    let breaks = this.lineBreaks;
    if (!breaks) {
      const src = this.src;
      let count = 0;
      for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) count++;
      breaks = new Int32Array(count);
      let k = 0;
      for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) breaks[k++] = i;
      this.lineBreaks = breaks;
    }
    // Line = 1 + the number of breaks before pos.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((breaks[mid] as number) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  fail(
    code: 'not-xml' | 'truncated' | 'entity-refused' | 'doctype-refused',
    message: string,
    at = this.pos,
  ): never {
    const hint = code === 'truncated' ? ' The file looks cut off (an incomplete download?).' : '';
    throw new EspiReadError(code, message + hint, { line: this.lineAt(Math.min(at, this.src.length)) });
  }

  /** The qualified name of the current tag. */
  qname(): string {
    return this.src.slice(this.nameStart, this.nameEnd);
  }

  /** The local name (no prefix) of the current tag. */
  localName(): string {
    return this.src.slice(this.localStart, this.nameEnd);
  }

  /** The namespace prefix of the current tag, '' for none. */
  prefix(): string {
    return this.localStart > this.nameStart ? this.src.slice(this.nameStart, this.localStart - 1) : '';
  }

  /** Whether the current tag's local name is `name`, without allocating. */
  is(name: string): boolean {
    return this.nameEnd - this.localStart === name.length && this.src.startsWith(name, this.localStart);
  }

  /** Advances to the next start or end tag, skipping comments, processing instructions and text. */
  next(): Token {
    const src = this.src;
    for (;;) {
      const lt = src.indexOf('<', this.pos);
      if (lt < 0) return this.end();
      if (this.depth === 0 && lt > this.pos) this.expectBlank(this.pos, lt);
      // Text the reader skips is still checked for references it would refuse.
      const amp = this.nextAmpersand(this.pos);
      if (amp >= 0 && amp < lt) this.decode(this.pos, lt);
      const c = src.charCodeAt(lt + 1);
      if (c === SLASH) return this.closeTag(lt);
      if (c === BANG) {
        this.markup(lt);
        continue;
      }
      if (c === QUESTION) {
        const end = src.indexOf('?>', lt + 2);
        if (end < 0) this.fail('truncated', 'The file ends inside a processing instruction.', lt);
        this.pos = end + 2;
        continue;
      }
      return this.openTag(lt);
    }
  }

  /** Skips the rest of the current element (after OPEN): its children, text and end tag. */
  skip(): void {
    if (this.selfClosing) return;
    const target = this.depth - 1;
    while (this.depth > target) {
      if (this.next() === EOF) return;
    }
  }

  /**
   * The text content of the current element (after OPEN), entities decoded, CDATA included, comments
   * and child elements skipped; consumes the end tag.
   */
  readText(): string {
    if (this.selfClosing) return '';
    const src = this.src;
    const own = this.depth;
    let text = '';
    for (;;) {
      const lt = src.indexOf('<', this.pos);
      if (lt < 0) return this.end() as never;
      if (this.depth === own && lt > this.pos) text += this.decode(this.pos, lt);
      if (src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('truncated', 'The file ends inside a CDATA section.', lt);
        if (this.depth === own) text += src.slice(lt + 9, end);
        this.pos = end + 3;
        continue;
      }
      const c = src.charCodeAt(lt + 1);
      if (c === BANG || c === QUESTION) {
        this.pos = lt;
        this.skipMarkupAt(lt);
        continue;
      }
      this.pos = lt;
      if (this.next() === CLOSE && this.depth < own) return text;
    }
  }

  /**
   * The current element's content as a number: a tight path for plain integers (`123`, `-45`),
   * `Number` for decimals and exponents; NaN when empty or not a number. Consumes the end tag.
   */
  readNumber(): number {
    if (this.selfClosing) return Number.NaN;
    const src = this.src;
    let i = this.pos;
    let c = src.charCodeAt(i);
    while (isSpace(c)) c = src.charCodeAt(++i);
    let negative = false;
    if (c === MINUS || c === PLUS) {
      negative = c === MINUS;
      c = src.charCodeAt(++i);
    }
    const digitsStart = i;
    let n = 0;
    while (c >= ZERO && c <= NINE) {
      n = n * 10 + (c - ZERO);
      c = src.charCodeAt(++i);
    }
    // Fifteen digits stay exact in a double; longer integers, decimals and exponents take the slow path.
    if (i > digitsStart && i - digitsStart <= 15) {
      while (isSpace(c)) c = src.charCodeAt(++i);
      if (c === LT && src.charCodeAt(i + 1) === SLASH) {
        this.pos = i;
        this.next();
        return negative ? -n : n;
      }
    }
    const text = this.readText().trim();
    return isDecimal(text) ? Number(text) : Number.NaN;
  }

  /**
   * The decoded value of the first attribute `qname` on the current start tag, or undefined. The other
   * attributes' values are checked for references too, so a refused entity is refused wherever it is.
   */
  attr(qname: string): string | undefined {
    const src = this.src;
    let found: string | undefined;
    this.walkAttributes((nameStart, nameEnd, from, to) => {
      if (found === undefined && nameEnd - nameStart === qname.length && src.startsWith(qname, nameStart))
        found = this.decode(from, to);
      else this.checkReferences(from, to);
    });
    return found;
  }

  /** The namespace declarations on the current start tag: prefix ('' for the default namespace) -> URI. */
  declarations(): Map<string, string> {
    const src = this.src;
    const found = new Map<string, string>();
    this.walkAttributes((nameStart, nameEnd, from, to) => {
      const bare = nameEnd === nameStart + 5;
      if (src.startsWith('xmlns', nameStart) && (bare || src.charCodeAt(nameStart + 5) === COLON)) {
        const prefix = bare ? '' : src.slice(nameStart + 6, nameEnd);
        if (!found.has(prefix)) found.set(prefix, this.decode(from, to));
      } else this.checkReferences(from, to);
    });
    return found;
  }

  /** Calls `visit` with each attribute of the current start tag (checked by `openTag`): name and value spans. */
  private walkAttributes(
    visit: (nameStart: number, nameEnd: number, from: number, to: number) => void,
  ): void {
    const src = this.src;
    let i = this.nameEnd;
    for (;;) {
      while (isSpace(src.charCodeAt(i))) i++;
      const c = src.charCodeAt(i);
      if (c === GT || c === SLASH || c !== c) return;
      const nameStart = i;
      while (!endsName(src.charCodeAt(i))) i++;
      const nameEnd = i;
      while (isSpace(src.charCodeAt(i))) i++;
      i++; // '=', checked in openTag
      while (isSpace(src.charCodeAt(i))) i++;
      const end = src.indexOf(src[i] ?? '"', i + 1);
      visit(nameStart, nameEnd, i + 1, end);
      i = end + 1;
    }
  }

  /** Refuses a reference in `[from, to)` the reader would refuse if it read that text. */
  private checkReferences(from: number, to: number): void {
    const amp = this.nextAmpersand(from);
    if (amp >= 0 && amp < to) this.decode(from, to);
  }

  private openTag(lt: number): Token {
    const src = this.src;
    if (this.rootDone && this.depth === 0)
      this.fail(
        'not-xml',
        'Markup after the end of the root element: the file holds more than one document.',
        lt,
      );
    let i = lt + 1;
    let colon = -1;
    let c = src.charCodeAt(i);
    if (endsName(c) || c === LT)
      this.fail(
        c !== c ? 'truncated' : 'not-xml',
        'A "<" that does not start a tag: this is not well-formed XML.',
        lt,
      );
    for (;;) {
      // Letters, "_" and non-ASCII are above ">" (62): one comparison for nearly every name character.
      if (c > GT) c = src.charCodeAt(++i);
      else if (endsName(c)) break;
      else {
        if (c === COLON) colon = i;
        else if (c === LT) this.fail('not-xml', 'A tag is not closed with ">".', lt);
        c = src.charCodeAt(++i);
      }
    }
    this.tagStart = lt;
    this.nameStart = lt + 1;
    this.nameEnd = i;
    this.localStart = colon >= 0 ? colon + 1 : lt + 1;
    if (c === GT) {
      this.pos = i + 1;
      this.selfClosing = false;
    } else {
      this.endOfAttributes(i);
    }
    if (!this.selfClosing) {
      if (this.depth >= this.maxDepth)
        throw new EspiReadError(
          'too-deep',
          `Elements nest deeper than ${this.maxDepth} levels; ESPI needs fewer than 15. The file is not ESPI or is built to exhaust the reader.`,
          { line: this.lineAt(lt) },
        );
      this.openStart[this.depth] = this.nameStart;
      this.openEnd[this.depth] = this.nameEnd;
      this.depth++;
    } else if (this.depth === 0) {
      this.rootDone = true;
    }
    return OPEN;
  }

  /** Walks the attributes of a start tag (strictly: name = quoted value) and sets `pos` after its `>`. */
  private endOfAttributes(from: number): void {
    const src = this.src;
    let i = from;
    for (;;) {
      let c = src.charCodeAt(i);
      while (isSpace(c)) c = src.charCodeAt(++i);
      if (c === GT) {
        this.selfClosing = false;
        this.pos = i + 1;
        return;
      }
      if (c === SLASH) {
        if (src.charCodeAt(i + 1) !== GT) this.fail('not-xml', 'A "/" inside a tag that does not end it.', i);
        this.selfClosing = true;
        this.pos = i + 2;
        return;
      }
      if (c !== c) this.fail('truncated', 'The file ends inside a tag.', i);
      const nameStart = i;
      while (!endsName(c) && c !== LT) c = src.charCodeAt(++i);
      if (i === nameStart) this.fail('not-xml', 'A tag holds something that is not an attribute.', i);
      while (isSpace(c)) c = src.charCodeAt(++i);
      if (c !== EQUALS) this.fail('not-xml', 'An attribute without "=value".', nameStart);
      c = src.charCodeAt(++i);
      while (isSpace(c)) c = src.charCodeAt(++i);
      if (c !== 34 && c !== 39) this.fail('not-xml', 'An attribute value without quotes.', i);
      const end = src.indexOf(c === 34 ? '"' : "'", i + 1);
      if (end < 0) this.fail('truncated', 'The file ends inside an attribute value.', i);
      // Searched only up to the closing quote: looking ahead for the next "<" made each attribute scan the rest of the file.
      for (let k = i + 1; k < end; k++)
        if (src.charCodeAt(k) === LT) this.fail('not-xml', 'A "<" inside an attribute value.', k);
      i = end + 1;
      if (!endsName(src.charCodeAt(i)) && src.charCodeAt(i) === src.charCodeAt(i))
        this.fail('not-xml', 'Attributes must be separated by whitespace.', i);
    }
  }

  private closeTag(lt: number): Token {
    const src = this.src;
    if (this.depth === 0) this.fail('not-xml', 'An end tag without a matching start tag.', lt);
    const top = this.depth - 1;
    const start = this.openStart[top] ?? 0;
    const length = (this.openEnd[top] ?? 0) - start;
    const nameStart = lt + 2;
    let i = nameStart;
    // The end tag must repeat the start tag's qualified name exactly (XML 1.0, WFC: Element Type Match).
    let same = true;
    for (let k = 0; k < length; k++) {
      if (src.charCodeAt(i + k) !== src.charCodeAt(start + k)) {
        same = false;
        break;
      }
    }
    i += length;
    let c = src.charCodeAt(i);
    if (!same || !endsName(c)) {
      i = nameStart;
      c = src.charCodeAt(i);
      while (!endsName(c)) c = src.charCodeAt(++i);
      if (c !== c)
        this.fail(
          'truncated',
          `The file ends inside the end tag of <${src.slice(start, start + length)}>.`,
          lt,
        );
      this.fail(
        'not-xml',
        `End tag </${src.slice(nameStart, i)}> does not match the open <${src.slice(start, start + length)}>.`,
        lt,
      );
    }
    while (isSpace(c)) c = src.charCodeAt(++i);
    if (c !== GT) this.fail(c !== c ? 'truncated' : 'not-xml', 'An end tag is not closed with ">".', lt);
    this.nameStart = nameStart;
    this.nameEnd = nameStart + length;
    let local = this.nameEnd;
    while (local > nameStart && src.charCodeAt(local - 1) !== COLON) local--;
    this.localStart = local;
    this.tagStart = lt;
    this.pos = i + 1;
    this.depth--;
    if (this.depth === 0) this.rootDone = true;
    return CLOSE;
  }

  /** `<!...>` between tags: comments are skipped, CDATA outside an element and DOCTYPE are refused. */
  private markup(lt: number): void {
    const src = this.src;
    if (src.startsWith('<![CDATA[', lt)) {
      if (this.depth === 0) this.fail('not-xml', 'A CDATA section outside the root element.', lt);
      const end = src.indexOf(']]>', lt + 9);
      if (end < 0) this.fail('truncated', 'The file ends inside a CDATA section.', lt);
      this.pos = end + 3;
      return;
    }
    this.skipMarkupAt(lt);
  }

  private skipMarkupAt(lt: number): void {
    const src = this.src;
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end < 0) this.fail('truncated', 'The file ends inside a comment.', lt);
      this.pos = end + 3;
      return;
    }
    if (src.charCodeAt(lt + 1) === QUESTION) {
      const end = src.indexOf('?>', lt + 2);
      if (end < 0) this.fail('truncated', 'The file ends inside a processing instruction.', lt);
      this.pos = end + 2;
      return;
    }
    if (/^<!DOCTYPE/i.test(src.slice(lt, lt + 9))) {
      if (/^<!DOCTYPE\s+html/i.test(src.slice(lt, lt + 20)))
        throw new EspiReadError(
          'not-espi',
          'This is an HTML page, not a Green Button XML file (a sign-in or error page served instead of the data?).',
          { line: this.lineAt(lt) },
        );
      this.fail(
        'doctype-refused',
        'The file has a DOCTYPE declaration. Green Button files never need one, and entity declarations are refused for safety: remove the <!DOCTYPE ...> block.',
        lt,
      );
    }
    this.fail('not-xml', `Unexpected markup "${src.slice(lt, lt + 12)}".`, lt);
  }

  /** Only whitespace may stand outside the root element. */
  private expectBlank(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (!isSpace(this.src.charCodeAt(i))) {
        // A UTF-8 byte order mark read as text is harmless; anything else means this is not XML.
        if (i === 0 && this.src.charCodeAt(0) === 0xfeff) continue;
        this.fail('not-xml', 'Text outside the root element: this is not an XML document.', i);
      }
    }
  }

  private end(): Token {
    if (this.depth > 0) {
      const top = this.depth - 1;
      const name = this.src.slice(this.openStart[top] ?? 0, this.openEnd[top] ?? 0);
      this.fail(
        'truncated',
        `The file ends inside <${name}> with ${countOf(this.depth, 'element')} still open.`,
        this.src.length,
      );
    }
    if (this.pos < this.src.length) this.expectBlank(this.pos, this.src.length);
    if (!this.rootDone) this.fail('not-xml', 'No root element: this is not an XML document.', 0);
    this.pos = this.src.length;
    return EOF;
  }

  /**
   * The first `&` at or after `from`, or -1. Remembered between calls: text is decoded front to back, and
   * searching the rest of a 60 MB string for each short text would be quadratic. A query behind what is
   * known (an attribute read again) searches only the gap up to it.
   */
  private nextAmpersand(from: number): number {
    const src = this.src;
    if (from >= this.ampFrom) {
      if (this.ampAt < 0 || this.ampAt >= from) return this.ampAt;
      this.ampFrom = from;
      this.ampAt = src.indexOf('&', from);
      return this.ampAt;
    }
    for (let i = from; i < this.ampFrom; i++) {
      if (src.charCodeAt(i) === AMP) {
        this.ampAt = i;
        break;
      }
    }
    this.ampFrom = from;
    return this.ampAt;
  }

  /** Text `[from, to)` with character and predefined entity references decoded; others refused. */
  private decode(from: number, to: number): string {
    const src = this.src;
    const amp = this.nextAmpersand(from);
    if (amp < 0 || amp >= to) return src.slice(from, to);
    let out = '';
    let i = from;
    let a = amp;
    while (a >= 0 && a < to) {
      out += src.slice(i, a);
      const semi = src.indexOf(';', a);
      if (semi < 0 || semi >= to)
        this.fail('not-xml', 'A "&" that does not start a reference; write it as &amp;.', a);
      const ref = src.slice(a + 1, semi);
      out += this.reference(ref, a);
      i = semi + 1;
      a = this.nextAmpersand(i);
    }
    return out + src.slice(i, to);
  }

  private reference(ref: string, at: number): string {
    if (ref.charCodeAt(0) === 35) {
      const hex = ref.charCodeAt(1) === 120;
      const digits = ref.slice(hex ? 2 : 1);
      const code =
        digits && /^[0-9a-fA-F]+$/.test(digits) && (hex || /^\d+$/.test(digits))
          ? parseInt(digits, hex ? 16 : 10)
          : NaN;
      if (!(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
        this.fail('not-xml', `"&${ref};" is not a valid character reference.`, at);
      return String.fromCodePoint(code);
    }
    const predefined = predefinedEntities[ref];
    if (predefined !== undefined) return predefined;
    return this.fail(
      'entity-refused',
      `The entity reference "&${ref};" is not one of XML's five predefined entities; entities are never expanded (no DOCTYPE is accepted to declare them).`,
      at,
    );
  }
}
