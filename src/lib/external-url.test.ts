import { expect, test } from 'vitest';
import { contactHref, safeExternalUrl } from './external-url.ts';

test('only http(s) addresses become links or images', () => {
  expect(safeExternalUrl('https://brightwatt.example')).toBe('https://brightwatt.example/');
  expect(safeExternalUrl('http://127.0.0.1/x')).toBe('http://127.0.0.1/x');
  expect(safeExternalUrl('javascript:alert(1)')).toBeUndefined();
  expect(safeExternalUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBeUndefined();
  expect(safeExternalUrl('not a url')).toBeUndefined();
  expect(safeExternalUrl(undefined)).toBeUndefined();
});

test('contacts: e-mail addresses get mailto, web addresses pass, other text is not a link', () => {
  expect(contactHref('support@brightwatt.example')).toBe('mailto:support@brightwatt.example');
  expect(contactHref('https://help.example/')).toBe('https://help.example/');
  expect(contactHref('+1 555 0100')).toBeUndefined();
  expect(contactHref('<img src=x>@a.b')).toBeUndefined();
});
