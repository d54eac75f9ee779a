/**
 * The sandbox: the same MSW handlers over real HTTP (`npm run custodian`, port from PORT). A small
 * node:http adapter feeds each request to msw's `getResponse`: @mswjs/http-middleware 0.10 calls
 * `handleRequest` from msw 2, which msw 3 no longer exports.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { createExternalIssuer } from './external-issuer.ts';
import { createCustodian, type Custodian } from './handlers.ts';

export const DEFAULT_PORT = 8787;

export interface SandboxServer {
  url: string;
  custodian: Custodian;
  server: Server;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, baseUrl: string, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  // The custodian's own origin, whatever Host the client used (127.0.0.1 or localhost).
  return new Request(new URL(req.url ?? '/', baseUrl), {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  // Response.error() is the offline fault: a network error, so the connection is dropped.
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.appendHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function startSandboxServer(
  options: {
    port?: number;
    host?: string;
    portalRedirectUris?: string[];
    /** Accept this issuer's JWT access tokens too; the audience defaults to the sandbox's own URL. */
    externalIssuer?: { issuer: string; audience?: string };
  } = {},
): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  // The base URL needs the port, known only once listening (port 0 in tests).
  const started: { custodian?: Custodian } = {};
  const server = createServer((req, res) => {
    void (async () => {
      const custodian = started.custodian;
      if (!custodian) return res.destroy();
      const request = toRequest(req, custodian.context.baseUrl, await readBody(req));
      const response = await getResponse(custodian.handlers, request);
      await send(res, response ?? new Response(JSON.stringify({ error: 'not_found' }), { status: 404 }));
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: 'server_error', error_description: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? DEFAULT_PORT, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  const url = `http://localhost:${port}`;
  const custodian = createCustodian({
    baseUrl: url,
    portalRedirectUris: options.portalRedirectUris ?? ['http://localhost:5173/auth/callback'],
    ...(options.externalIssuer
      ? {
          externalIssuer: createExternalIssuer({
            issuer: options.externalIssuer.issuer,
            audience: options.externalIssuer.audience ?? url,
          }),
        }
      : {}),
  });
  started.custodian = custodian;
  return {
    url,
    custodian,
    server,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  const redirects = process.env.PORTAL_REDIRECT_URIS?.split(',').filter(Boolean);
  const { CUSTODIAN_ISSUER: issuer, CUSTODIAN_AUDIENCE: audience, HOST: host } = process.env;
  const sandbox = await startSandboxServer({
    port,
    host: host ?? '0.0.0.0',
    ...(redirects ? { portalRedirectUris: redirects } : {}),
    ...(issuer ? { externalIssuer: { issuer, ...(audience ? { audience } : {}) } } : {}),
  });
  console.log(`Mock data custodian (sandbox) on ${sandbox.url}`);
  console.log(`  discovery: ${sandbox.url}/.well-known/openid-configuration`);
  const external = sandbox.custodian.context.externalIssuer;
  if (external) console.log(`  also accepts access tokens of ${external.issuer} for ${external.audience}`);
  console.log(
    '  demo accounts: household, business, commercial (password: demo); see README "Sandbox: the mock custodian"',
  );
}
