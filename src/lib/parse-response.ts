/**
 * JSON from the custodian is checked at the edge: an answer of another shape becomes an `ApiError` (kind
 * `invalid-response`) that names the first field that was wrong, instead of a broken page later.
 */
import type * as z from 'zod/mini';
import { ApiError } from './api-error.ts';

/** `body` as `schema` reads it; otherwise an ApiError with `message`, in plain words for the person. */
export function parseResponse<T>(schema: z.ZodMiniType<T>, body: unknown, message: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError('invalid-response', message, {
    detail: issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : undefined,
    cause: result.error,
  });
}
