import { describe, expect, test } from 'vitest';
import { safeReturnTo } from './return-to.ts';

const origin = 'https://portal.example.com';

describe('safeReturnTo', () => {
  test.each([
    ['/usage/up-1?range=2024-01', '/usage/up-1?range=2024-01'],
    ['/authorizations#history', '/authorizations#history'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeReturnTo(input, origin)).toBe(expected);
  });

  test.each([
    'https://evil.example/phish',
    '//evil.example/phish',
    '/\\evil.example',
    'javascript:alert(1)',
    'usage',
    '/auth/callback?code=x',
    undefined,
    42,
  ])('falls back to the home page for %s', (input) => {
    expect(safeReturnTo(input, origin)).toBe('/');
  });
});
