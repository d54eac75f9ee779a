/** `B/oauth/jwks`: the public keys that verify the custodian's tokens. */
import type { CustodianContext } from '../context.ts';
import { json } from '../http-util.ts';
import { jwks } from '../tokens.ts';

export async function jwksEndpoint(ctx: CustodianContext): Promise<Response> {
  return json(await jwks(ctx.baseUrl), 200, { 'Cache-Control': 'public, max-age=3600' });
}
