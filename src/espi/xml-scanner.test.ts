import { describe, expect, test } from 'vitest';
import { EspiReadError } from './errors.ts';
import { isDecimal, XmlScanner } from './xml-scanner.ts';

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

test('declarations lists the namespaces a start tag declares', () => {
  const sc = onFirstTag('<a:feed xmlns="d" rel="x" xmlns:a="u&amp;v" xmlnsx="not one"/>');
  expect([...sc.declarations()]).toEqual([
    ['', 'd'],
    ['a', 'u&v'],
  ]);
});

test('isDecimal accepts XSD integers and decimals with an exponent, and nothing else', () => {
  for (const yes of ['0', '-12', '+3.', '.5', '1.25e-3', '7E+10']) expect(isDecimal(yes), yes).toBe(true);
  for (const no of ['', '-', '.', 'e5', '1e', '1e+', '1.2.3', '12x', ' 1', 'NaN', 'Infinity'])
    expect(isDecimal(no), no).toBe(false);
});

test('lineAt answers queries in any order', () => {
  const sc = new XmlScanner('a\nb\nc\nd', 8);
  expect([5, 0, 6, 2, 3, 1].map((pos) => sc.lineAt(pos))).toEqual([3, 1, 4, 2, 2, 1]);
});
