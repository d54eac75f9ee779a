/** Who is calling the token and revocation endpoints. */
import { findClient, type CustodianContext } from '../context.ts';
import type { Client } from '../directory.ts';
import { basicCredentials, oauthError } from '../http-util.ts';
import { hashSecret } from '../own-api-clients.ts';

type ClientAuth = { ok: true; client: Client } | { ok: false; response: Response };

function invalidClient(description: string): Response {
  return oauthError('invalid_client', description, 401, {
    'WWW-Authenticate': 'Basic realm="DataCustodian"',
  });
}

/** The secret matches the registered one, or the hash kept of an own-data client's. */
async function secretMatches(client: Client | undefined, secret: string): Promise<boolean> {
  if (client?.clientSecretHash) return (await hashSecret(secret)) === client.clientSecretHash;
  return client?.clientSecret !== undefined && client.clientSecret === secret;
}

/** ESPI allows only client_secret_basic for confidential clients (docs/espi.md 2.2); the portal is public (PKCE only). */
export async function authenticateClient(
  ctx: CustodianContext,
  request: Request,
  params: Record<string, string>,
): Promise<ClientAuth> {
  const basic = basicCredentials(request);
  if (basic) {
    const client = findClient(ctx, basic.id);
    if (!client || !(await secretMatches(client, basic.secret))) {
      return { ok: false, response: invalidClient('The client id or secret is not right.') };
    }
    if (params.client_id && params.client_id !== client.clientId) {
      return { ok: false, response: invalidClient('client_id does not match the authenticated client.') };
    }
    return { ok: true, client };
  }
  if (params.client_secret) {
    return {
      ok: false,
      response: invalidClient('Send the client secret with HTTP Basic (client_secret_basic).'),
    };
  }
  const client = params.client_id ? findClient(ctx, params.client_id) : undefined;
  if (!client) return { ok: false, response: invalidClient('Unknown client: authenticate with HTTP Basic.') };
  if (client.clientSecret || client.clientSecretHash) {
    return { ok: false, response: invalidClient(`${client.clientId} must authenticate with HTTP Basic.`) };
  }
  return { ok: true, client };
}
