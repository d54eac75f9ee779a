/**
 * Own-data API access for the custodian's tests (issue 16), over HTTP like custodian-client.ts: the
 * customer API calls the portal makes, and the token requests the customer's script makes.
 */
import { basic, bearer, codeFlow, postForm } from './custodian-client.ts';

export interface OwnApiClientJson {
  clientId: string;
  ceiling: { scope: string; usagePointIds: string[] };
  tokenEndpoint: string;
  resourceURI: string;
  lifetimes: { accessToken: number; refreshToken: number; refreshTokenFamily: number };
}

export interface OwnApiCredentials {
  clientId: string;
  clientSecret: string;
}

/** The sandbox server's portal redirect URI when none is configured (server.ts). */
export const SANDBOX_PORTAL_REDIRECT_URI = 'http://localhost:5173/auth/callback';

/** A customer API token of the commercial account, as the portal gets it (code flow with PKCE). */
export async function commercialPortalToken(base: string, redirectUri: string): Promise<string> {
  const flow = { clientId: 'green-button-portal', redirectUri, scope: 'openid customer_api' };
  return (await codeFlow(base, { ...flow, username: 'commercial' })).access_token;
}

/** `B/api/customer/v1/api-client{path}` with the portal's token. */
export function ownApiRequest(
  base: string,
  portalToken: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${base}/api/customer/v1/api-client${path}`, {
    method,
    headers: { ...bearer(portalToken), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** Creates the customer's client: its details and the secret, shown this once. */
export async function createOwnApiClient(
  base: string,
  portalToken: string,
  ceiling: OwnApiClientJson['ceiling'],
): Promise<OwnApiClientJson & OwnApiCredentials> {
  const response = await ownApiRequest(base, portalToken, 'POST', '', ceiling);
  if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
  return (await response.json()) as OwnApiClientJson & OwnApiCredentials;
}

/** The script's password grant: the commercial account's password unless the form says otherwise. */
export function passwordGrant(
  base: string,
  client: OwnApiCredentials,
  form: Record<string, string> = {},
): Promise<Response> {
  return postForm(
    `${base}/oauth/token`,
    { grant_type: 'password', username: 'commercial', password: 'demo', ...form },
    { Authorization: basic(client.clientId, client.clientSecret) },
  );
}

export function refreshGrant(
  base: string,
  client: OwnApiCredentials,
  refreshToken: string,
): Promise<Response> {
  return postForm(
    `${base}/oauth/token`,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    { Authorization: basic(client.clientId, client.clientSecret) },
  );
}

/**
 * The commercial account's API client with all of its own data as the ceiling (every meter, the whole
 * own-data scope): created as the portal does, for tests whose subject is not the ceiling.
 */
export async function commercialApiClient(base: string, redirectUri: string): Promise<OwnApiCredentials> {
  const portal = await commercialPortalToken(base, redirectUri);
  const overview = (await (await ownApiRequest(base, portal, 'GET', '')).json()) as { maximumScope: string };
  const meters = (await (
    await fetch(`${base}/api/customer/v1/usage-points`, { headers: bearer(portal) })
  ).json()) as { usagePoints: { id: string }[] };
  return createOwnApiClient(base, portal, {
    scope: overview.maximumScope,
    usagePointIds: meters.usagePoints.map((up) => up.id),
  });
}
