/** Response shapes shared by every part of the mock: JSON, RFC 6749 errors, RFC 6750 bearer errors, CORS. */

/**
 * CORS as the reference implementation's CORSFilter answers (docs/espi.md 1.6), but for an allow-list of
 * origins instead of `*`: a page elsewhere cannot read the custodian's answers or send its own headers.
 * `Idempotency-Key` is for the customer API's writes, `X-Demo-Token` for the sandbox's demo controls.
 */
export function corsHeaders(origin: string | null, allowed: ReadonlySet<string>): Record<string, string> {
  const common = { Vary: 'Origin' };
  if (!origin || !allowed.has(origin)) return common;
  return {
    ...common,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers':
      'Origin, Authorization, Accept, Content-Type, Idempotency-Key, X-Demo-Token',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Expose-Headers': 'WWW-Authenticate, Location, Retry-After',
    'Access-Control-Max-Age': '1800',
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

/** RFC 6749 section 5.2 error body. */
export function oauthError(
  error: string,
  description: string,
  status = 400,
  headers: Record<string, string> = {},
) {
  return json({ error, error_description: description }, status, headers);
}

/** RFC 6750 section 3: 401 for a missing/invalid/expired/revoked token, 403 for one outside its scope. */
export function bearerError(
  status: 401 | 403,
  error: 'invalid_token' | 'insufficient_scope' | 'invalid_request' | null,
  description: string,
): Response {
  const params = ['realm="DataCustodian"'];
  // A header value is Latin-1 and the description sits in a quoted-string (RFC 6750 section 3).
  const headerText = description.replace(/[’‘]/g, "'").replace(/[^\x20-\x7e]|"/g, "'");
  if (error) params.push(`error="${error}"`, `error_description="${headerText}"`);
  return json({ error: error ?? 'invalid_token', error_description: description }, status, {
    'WWW-Authenticate': `Bearer ${params.join(', ')}`,
  });
}

/** RFC 6585 429 with Retry-After: the caller may try again after that many seconds. */
export function tooManyRequests(retryAfter: number, description: string): Response {
  return json({ error: 'too_many_requests', error_description: description }, 429, {
    'Retry-After': String(retryAfter),
  });
}

export function notFound(what: string): Response {
  return json({ error: 'not_found', error_description: what }, 404);
}

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('Authorization');
  const match = header && /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
  return match?.[1];
}

/** RFC 6749 section 2.3.1: client_secret_basic, both parts form-urlencoded before base64. */
export function basicCredentials(request: Request): { id: string; secret: string } | undefined {
  const header = request.headers.get('Authorization');
  const match = header && /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  let decoded: string;
  try {
    decoded = atob(match[1]);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const unescape = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/** A form (application/x-www-form-urlencoded) or JSON body as string pairs; undefined when neither parses. */
export async function readParams(request: Request): Promise<Record<string, string> | undefined> {
  const type = request.headers.get('Content-Type') ?? '';
  const text = await request.text();
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
      return Object.fromEntries(
        Object.entries(parsed).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
      );
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return (await request.json()) as unknown;
  } catch {
    return undefined;
  }
}
