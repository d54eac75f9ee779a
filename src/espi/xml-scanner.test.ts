import { describe, expect, test } from 'vitest';
import { EspiReadError } from './errors.ts';
import { XmlScanner } from './xml-scanner.ts';

function onFirstTag(xml: string): XmlScanner {
  const sc = new XmlScanner(xml, 8);
  sc.next();
  return sc;
}

describe('attr', () => {
  test('finds an attribute by qualified name in either quote, decoding references', () => {
    const sc = onFirstTag(`<link rel = 'self' xmlns:a="x" a:href="/a?b=1&amp;c=&#50;"/>`);
    expect(sc.attr('rel')).toBe('self');
    expect(sc.attr('a:href')).toBe('/a?b=1&c=2');
    expect(sc.attr('href')).toBeUndefined();
    expect(sc.attr('re')).toBeUndefined();
  });

  test('refuses an undeclared entity in any attribute, not only the one asked for', () => {
    const sc = onFirstTag('<link rel="self" title="&x;" href="/a"/>');
    expect(() => sc.attr('href')).toThrow(EspiReadError);
  });
});
