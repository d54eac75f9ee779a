/**
 * The one way the portal calls the custodian: adds the bearer token, turns failures into `ApiError`s,
 * and on a 401 renews the session once and retries (docs/security.md, "Faults that must lose nothing").
 * Tokens never go into URLs or logs.
 */
import { anySignal } from './any-signal.ts';
import { apiError, ApiError, kindForStatus } from './api-error.ts';
import { parseBearerChallenge } from './www-authenticate.ts';

/** Supplied by the auth feature; lib knows nothing of OAuth libraries. */
export interface AccessTokenSource {
  /** The current access token, or null when signed out. */
  getAccessToken(): Promise<string | null>;
  /** Renews the session (refresh token); resolves to the new access token, or null when it cannot. */
  renew(): Promise<string | null>;
  /** The session is gone for good: start a sign-in that returns to the current page. */
  onSessionLost(): void;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`, so a retried write is applied at most once. */
  idempotencyKey?: string;
  /** Per-attempt timeout; default 30 s. */
  timeoutMs?: number;
}

export interface ApiClient {
  /** GET a text body (ESPI Atom XML). */
  getText(url: string, options?: RequestOptions): Promise<string>;
  /** Any method with a JSON body and a JSON answer. */
  json<T>(url: string, options?: RequestOptions): Promise<T>;
  /** The raw response of an authorized request, for callers that stream or inspect headers. */
  fetch(url: string, options?: RequestOptions): Promise<Response>;
}

async function detailOf(response: Response): Promise<string | undefined> {
  // A refused token is explained in the challenge (RFC 6750), which a resource server sends with any body.
  const { error, error_description: description } = parseBearerChallenge(
    response.headers.get('WWW-Authenticate'),
  );
  if (error && description) return `${error}: ${description}`;
  if (error ?? description) return error ?? description;
  try {
    const body = (await response.clone().json()) as {
      error_description?: unknown;
      detail?: unknown;
      message?: unknown;
    };
    const detail = body.error_description ?? body.detail ?? body.message;
    return typeof detail === 'string' ? detail : undefined;
  } catch {
    return undefined;
  }
}

export function createApiClient(
  tokens: AccessTokenSource,
  fetchImpl: typeof fetch = fetch,
  /** The configured custodian's origins: the only ones a token is sent to. */
  options: { tokenOrigins?: readonly string[] } = {},
): ApiClient {
  const tokenOrigins = options.tokenOrigins && new Set(options.tokenOrigins.map((o) => new URL(o).origin));
  /** An href the custodian returned that points elsewhere is refused as its answer, never followed. */
  function refuseForeign(url: string): void {
    const origin = URL.parse(url, globalThis.location?.href)?.origin;
    if (tokenOrigins && (!origin || !tokenOrigins.has(origin))) {
      throw apiError('invalid-response', {
        detail: `It pointed to ${origin ?? url}, which is not one of its configured addresses; nothing was sent.`,
      });
    }
  }

  async function attempt(url: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const signal = options.signal ? anySignal([options.signal, timeout]) : timeout;
    try {
      return await fetchImpl(url, { method: options.method ?? 'GET', headers, body, signal });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw apiError(timeout.aborted ? 'timeout' : 'network', { cause });
    }
  }

  async function authorizedFetch(url: string, options: RequestOptions = {}): Promise<Response> {
    refuseForeign(url);
    let response = await attempt(url, options, await tokens.getAccessToken());
    if (response.status === 401) {
      const renewed = await tokens.renew().catch(() => null);
      // Only a failed renewal ends the session. A token refused right after a renewal that worked
      // is the resource server's decision about this request, and is reported as such.
      if (!renewed) {
        tokens.onSessionLost();
        throw apiError('unauthorized', { status: 401 });
      }
      response = await attempt(url, options, renewed);
      if (response.status === 401) {
        throw apiError('refused', { status: 401, detail: await detailOf(response) });
      }
    }
    if (!response.ok) {
      throw apiError(kindForStatus(response.status), {
        status: response.status,
        detail: await detailOf(response),
      });
    }
    return response;
  }

  return {
    fetch: authorizedFetch,
    async getText(url, options) {
      const response = await authorizedFetch(url, options);
      return response.text();
    },
    async json<T>(url: string, options?: RequestOptions) {
      const response = await authorizedFetch(url, {
        ...options,
        headers: { Accept: 'application/json', ...options?.headers },
      });
      if (response.status === 204) return undefined as T;
      try {
        return (await response.json()) as T;
      } catch (cause) {
        throw new ApiError('invalid-response', 'The utility sent an answer the portal could not read.', {
          cause,
        });
      }
    },
  };
}
