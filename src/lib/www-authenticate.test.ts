import { describe, expect, test } from 'vitest';
import { parseBearerChallenge } from './www-authenticate.ts';

describe('parseBearerChallenge', () => {
  test('reads error and error_description, quoted or not, with escaped quotes', () => {
    expect(
      parseBearerChallenge(
        'Bearer realm="dc", error=invalid_token, error_description="a \\"quoted\\" word, and a comma"',
      ),
    ).toEqual({ error: 'invalid_token', error_description: 'a "quoted" word, and a comma' });
  });

  test('another scheme, or none, says nothing', () => {
    expect(parseBearerChallenge('Basic realm="dc"')).toEqual({});
    expect(parseBearerChallenge(null)).toEqual({});
    expect(parseBearerChallenge('Bearer realm="dc"')).toEqual({});
  });
});
