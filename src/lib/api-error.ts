/**
 * Failures of calls to the custodian, as values a person can read. `kind` drives what the UI offers
 * (retry, sign in again, nothing); `message` says what happened in plain words.
 */
export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'refused'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid-request'
  | 'server'
  | 'invalid-response';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  /** The custodian's own explanation (RFC 6749 `error_description` or a problem `detail`), if any. */
  readonly detail: string | undefined;
  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number; detail?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status;
    this.detail = options.detail;
  }

  /** Reads and network failures worth retrying; a 4xx answer will not change by asking again. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server';
  }
}

const MESSAGES: Record<ApiErrorKind, string> = {
  network: 'The utility could not be reached. Check your connection and try again.',
  timeout: 'The utility took too long to answer. Try again in a moment.',
  unauthorized: 'Your session has ended. Sign in again to continue.',
  refused:
    'The utility refused this request, although your session is still active. Try again in a moment; ' +
    'if it keeps happening, sign out and in again, or contact your utility.',
  forbidden: 'Your account is not allowed to see this. If you think it should be, contact your utility.',
  'not-found': 'This could not be found. It may have been removed.',
  conflict: 'This changed in the meantime. Reload to see the current state.',
  'invalid-request': 'The utility refused the request.',
  server: 'The utility had a problem answering. Try again in a moment.',
  'invalid-response': 'The utility sent an answer the portal could not read.',
};

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'server';
  return 'invalid-request';
}

export function apiError(
  kind: ApiErrorKind,
  options: { status?: number; detail?: string; cause?: unknown } = {},
) {
  return new ApiError(kind, MESSAGES[kind], options);
}

/** A message for any thrown value: ApiErrors speak for themselves, anything else gets a generic line. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.detail ? `${error.message} (${error.detail})` : error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
