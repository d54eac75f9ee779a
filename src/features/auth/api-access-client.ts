/**
 * The two calls of the API access page, straight to the custodian's OAuth endpoints: the
 * resource-owner password grant (RFC 6749 section 4.3) with the customer's API client authenticated
 * by HTTP Basic (section 2.3.1), and RFC 7009 revocation. Nothing here keeps, logs or puts into a
 * URL what it is given: credentials travel in the Authorization header and the form body only.
 */

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface IssuedToken {
  accessToken: string;
  /** Seconds, from the token response. */
  expiresIn: number;
  scope: string;
  /** ESPI: where this token's data is (docs/espi.md 4.1). */
  resourceUri: string | undefined;
  authorizationUri: string | undefined;
}

/** Which part of the form a refusal is about, so the message can sit next to those fields. */
export type FailureField = 'client' | 'account' | 'scope' | 'service';

export interface TokenFailure {
  field: FailureField;
  message: string;
}

/** RFC 6749 section 2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
export function basicAuthorization({ clientId, clientSecret }: ClientCredentials): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${btoa(`${encode(clientId)}:${encode(clientSecret)}`)}`;
}

/** One POSIX shell word: single-quoted, each `'` closed, escaped and reopened. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A command to paste into a terminal; the single quotes keep the shell from reading the token. */

export function curlCommand(resourceUri: string, accessToken: string): string {
  return `curl -H ${shellWord(`Authorization: Bearer ${accessToken}`)} -H 'Accept: application/atom+xml' ${shellWord(resourceUri)}`;
}

interface OAuthErrorBody {
  error?: unknown;
  error_description?: unknown;
}

async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function failureOf(status: number, body: OAuthErrorBody | undefined): TokenFailure {
  const said =
    typeof body?.error_description === 'string' ? ` The utility said: ${body.error_description}` : '';
  switch (body?.error) {
    case 'invalid_client':
    case 'unauthorized_client':
      return {
        field: 'client',
        message: `The utility did not accept this client id and secret for API access.${said}`,
      };
    case 'invalid_grant':
      return { field: 'account', message: `The utility did not accept this username and password.${said}` };
    case 'invalid_scope':
      return { field: 'scope', message: `The utility refused the data or history chosen.${said}` };
    default:
      return {
        field: 'service',
        message: `The utility could not issue a token (HTTP ${status}). Try again in a moment.${said}`,
      };
  }
}

const UNREACHABLE: TokenFailure = {
  field: 'service',
  message: 'The utility could not be reached. Check your connection and try again.',
};

export async function requestOwnDataToken(
  tokenEndpoint: string,
  request: ClientCredentials & { username: string; password: string; scope: string | undefined },
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; token: IssuedToken } | { ok: false; failure: TokenFailure }> {
  const form = new URLSearchParams({
    grant_type: 'password',
    username: request.username,
    password: request.password,
  });
  if (request.scope) form.set('scope', request.scope);
  let response: Response;
  try {
    response = await fetchImpl(tokenEndpoint, {
      method: 'POST',
      headers: {
        Authorization: basicAuthorization(request),
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: form,
      cache: 'no-store',
    });
  } catch {
    return { ok: false, failure: UNREACHABLE };
  }
  const body = await readJson(response);
  if (!response.ok || typeof body?.access_token !== 'string') {
    return { ok: false, failure: failureOf(response.status, body) };
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ok: true,
    token: {
      accessToken: body.access_token,
      expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 0,
      scope: text(body.scope) ?? request.scope ?? '',
      resourceUri: text(body.resourceURI),
      authorizationUri: text(body.authorizationURI),
    },
  };
}

/** RFC 7009 section 2.1; the custodian answers 200 whether or not it knew the token (section 2.2). */
export async function revokeAccessToken(
  revocationEndpoint: string,
  client: ClientCredentials,
  accessToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const response = await fetchImpl(revocationEndpoint, {
      method: 'POST',
      headers: {
        Authorization: basicAuthorization(client),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: accessToken, token_type_hint: 'access_token' }),
      cache: 'no-store',
    });
    if (response.ok) return { ok: true };
    const failure = failureOf(response.status, await readJson(response));
    return {
      ok: false,
      message:
        failure.field === 'client'
          ? failure.message
          : `The utility could not revoke the token (HTTP ${response.status}). Try again in a moment.`,
    };
  } catch {
    return { ok: false, message: UNREACHABLE.message };
  }
}
