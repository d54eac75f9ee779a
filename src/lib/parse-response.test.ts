import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { parseResponse } from './parse-response.ts';

const schema = z.object({ items: z.array(z.object({ id: z.string() })) });

describe('parseResponse', () => {
  it('returns the answer as the schema reads it', () => {
    expect(parseResponse(schema, { items: [{ id: 'a', extra: 1 }] }, 'unused')).toEqual({
      items: [{ id: 'a' }],
    });
  });

  it('turns an answer of another shape into an invalid-response ApiError naming the field', () => {
    const error = (() => {
      try {
        return parseResponse(
          schema,
          { items: [{ id: 7 }] },
          'The utility sent a list the portal could not read.',
        );
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: 'invalid-response',
      message: 'The utility sent a list the portal could not read.',
      detail: expect.stringMatching(/^items\.0\.id: /),
    });
  });
});
