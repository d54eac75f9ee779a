/**
 * Text and numbers as ESPI XML writes them, shared by the usage writer (write-xml.ts) and the customer
 * writer (write-customer-xml.ts): escaping, the schema's string lengths, whole numbers without exponent.
 */

// Characters XML 1.0 forbids (C0 controls except tab/newline/return, U+FFFE/U+FFFF, lone surrogates): a
// third party's name with a stray control character must not make the whole feed unreadable.
const FORBIDDEN_CHARS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the purpose of this pattern
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPED = /[&<>"]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN_CHARS, '\uFFFD').replace(ESCAPED, (c) => ENTITIES[c] ?? c);
}

/** ESPI String256/String512/String64/String32 carry a maxLength in characters (code points). */
export function limit(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/** Int48, TimeType, UInt: whole numbers written without exponent (the model holds them as doubles). */
export function int(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  const r = Math.round(n);
  return r === 0 ? '0' : r.toFixed(0);
}
