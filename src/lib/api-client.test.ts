import { describe, expect, test, vi } from 'vitest';
import { createApiClient, type AccessTokenSource } from './api-client.ts';
import { ApiError, describeError } from './api-error.ts';

function tokenSource(overrides: Partial<AccessTokenSource> = {}): AccessTokenSource {
  return {
    getAccessToken: vi.fn(async () => 'old-token'),
    renew: vi.fn(async () => 'new-token'),
    onSessionLost: vi.fn(),
    ...overrides,
  };
}

/** A tiny fake server: answers 401 to the old token, 200 to the renewed one. */
function server() {
  const seen: (string | null)[] = [];
  const fetchImpl = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('Authorization');
    seen.push(auth);
    return auth === 'Bearer new-token'
      ? new Response(JSON.stringify({ ok: true }), { status: 200 })
      : new Response(JSON.stringify({ error: 'invalid_token' }), { status: 401 });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, seen };
}

describe('createApiClient', () => {
  test('a 401 renews the session once and retries with the new token', async () => {
    const tokens = tokenSource();
    const { fetchImpl, seen } = server();
    await expect(createApiClient(tokens, fetchImpl).json('https://dc/x')).resolves.toEqual({ ok: true });
    expect(seen).toEqual(['Bearer old-token', 'Bearer new-token']);
    expect(tokens.renew).toHaveBeenCalledTimes(1);
    expect(tokens.onSessionLost).not.toHaveBeenCalled();
  });

  test('when renewal fails, the session is reported lost and the call fails as unauthorized', async () => {
    const tokens = tokenSource({ renew: vi.fn(async () => null) });
    const { fetchImpl } = server();
    const failure = await createApiClient(tokens, fetchImpl)
      .json('https://dc/x')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).kind).toBe('unauthorized');
    expect(tokens.onSessionLost).toHaveBeenCalledTimes(1);
  });

  test('a network failure becomes a retryable network error, and the idempotency key is sent', async () => {
    let headers: Headers | undefined;
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      headers = new Headers(init?.headers);
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const failure = await createApiClient(tokenSource(), fetchImpl)
      .json('https://dc/x', { method: 'POST', body: { a: 1 }, idempotencyKey: 'key-1' })
      .catch((e: unknown) => e);
    expect((failure as ApiError).kind).toBe('network');
    expect((failure as ApiError).retryable).toBe(true);
    expect(headers?.get('Idempotency-Key')).toBe('key-1');
  });

  test('a 5xx carries the custodian explanation', async () => {
    const fetchImpl = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: 'server_error', error_description: 'maintenance' }), {
          status: 503,
        }),
    ) as unknown as typeof fetch;
    const failure = (await createApiClient(tokenSource(), fetchImpl)
      .getText('https://dc/x')
      .catch((e: unknown) => e)) as ApiError;
    expect(failure.kind).toBe('server');
    expect(failure.detail).toBe('maintenance');
  });
});

describe('a refusal after a renewal that worked', () => {
  /** A resource server that refuses every token, the renewed one included, and says why. */
  const refusing = (status: 401 | 403) =>
    vi.fn(
      async () =>
        new Response(JSON.stringify({ error: 'invalid_token' }), {
          status,
          headers: {
            'WWW-Authenticate':
              'Bearer realm="DataCustodian", error="invalid_token", error_description="The token\'s audience is not this API"',
          },
        }),
    ) as unknown as typeof fetch;

  test('is not a lost session: the call fails with what the server said', async () => {
    const tokens = tokenSource();
    const failure = (await createApiClient(tokens, refusing(401))
      .json('https://dc/x')
      .catch((e: unknown) => e)) as ApiError;
    expect(tokens.renew).toHaveBeenCalledTimes(1);
    expect(tokens.onSessionLost).not.toHaveBeenCalled();
    expect(failure.kind).toBe('refused');
    expect(failure.detail).toBe("invalid_token: The token's audience is not this API");
    expect(describeError(failure)).toMatch(/refused this request, although your session is still active/);
  });

  test('a 403 carries the challenge too, and renews nothing', async () => {
    const tokens = tokenSource();
    const failure = (await createApiClient(tokens, refusing(403))
      .json('https://dc/x')
      .catch((e: unknown) => e)) as ApiError;
    expect(tokens.renew).not.toHaveBeenCalled();
    expect(failure.kind).toBe('forbidden');
    expect(failure.detail).toBe("invalid_token: The token's audience is not this API");
  });
});
