import type { CustodianContext } from './context.ts';
import { notFound } from './http-util.ts';
export async function espiApi(_ctx: CustodianContext, request: Request, path: string): Promise<Response> {
  return notFound(`${request.method} ${path}`);
}
