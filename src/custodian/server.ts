/**
 * The sandbox: the custodian's handlers over real HTTP (`npm run custodian`; PORT, HOST, CUSTODIAN_DB,
 * CORS_ORIGINS, DEMO_TOKEN, DEMO_CONTROLS_REMOTE). A small node:http adapter feeds each request to the
 * custodian's `handle` function (the logic of its MSW handlers) and pipes the response body, so
 * feeds stream; @mswjs/http-middleware 0.10 calls `handleRequest` from msw 2, which msw 3 no longer
 * exports. State lives in SQLite (sqlite-storage.ts).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pathToFileURL } from 'node:url';
import { createExternalIssuer } from './external-issuer.ts';
import { createCustodian, type Custodian } from './handlers.ts';
import { json } from './http-util.ts';
import { defaultDatabasePath, sqliteStorage } from './sqlite-storage.ts';

export const DEFAULT_PORT = 8787;

export interface SandboxServer {
  url: string;
  /** What `B/__demo` controls ask for in `X-Demo-Token`. */
  demoToken: string;
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
  if (!response.body) {
    res.end();
    return;
  }
  // Piped with backpressure: a feed is generated as fast as the client reads it, never held whole.
  await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), res);
}

export interface SandboxOptions {
  port?: number;
  /** The interface to listen on: loopback unless asked (HOST). */
  host?: string;
  portalRedirectUris?: string[];
  /** Origins allowed by CORS (CORS_ORIGINS); default: the portal's and the sandbox's own. */
  allowedOrigins?: string[];
  /** The demo controls' token (DEMO_TOKEN); default: a fresh random one each start. */
  demoToken?: string;
  /** Serve `B/__demo` to other machines too (DEMO_CONTROLS_REMOTE=true); default: loopback only. */
  demoControlsRemote?: boolean;
  /** Accept this issuer's JWT access tokens too; the audience defaults to the sandbox's own URL. */
  externalIssuer?: { issuer: string; audience?: string };
  /** The SQLite file of the sandbox's state (CUSTODIAN_DB); default `:memory:` (nothing kept). */
  database?: string;
  /** POST every notification (bulk membership, authorization changes) here (NOTIFY_URI), e.g. a listener of the integrator's; default: log only. */
  notifyUri?: string;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, '');
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function isDemoControl(req: IncomingMessage): boolean {
  return new URL(req.url ?? '/', 'http://x').pathname.startsWith('/__demo/');
}

export async function startSandboxServer(options: SandboxOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const demoToken = options.demoToken ?? randomBytes(18).toString('base64url');
  // The base URL needs the port, known only once listening (port 0 in tests).
  const started: { custodian?: Custodian } = {};
  const server = createServer((req, res) => {
    void (async () => {
      const custodian = started.custodian;
      if (!custodian) return res.destroy();
      if (isDemoControl(req) && !options.demoControlsRemote && !isLoopback(req.socket.remoteAddress)) {
        return send(res, json({ error: 'not_found', error_description: 'No such control here.' }, 404));
      }
      const request = toRequest(req, custodian.context.baseUrl, await readBody(req));
      // The custodian's handle function, not msw's getResponse: msw may clone a response (for its
      // logs), and a cloned stream keeps every chunk of a large feed for the clone nobody reads.
      const response = await custodian.handle(request);
      await send(res, response ?? new Response(JSON.stringify({ error: 'not_found' }), { status: 404 }));
    })().catch((error: unknown) => {
      // A client gone mid-stream (or a failure after the headers) can only end the connection.
      if (res.headersSent) return res.destroy();
      res.statusCode = 500;
      res.end(JSON.stringify({ error: 'server_error', error_description: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? DEFAULT_PORT, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  const url = `http://localhost:${port}`;
  const portalRedirectUris = options.portalRedirectUris ?? ['http://localhost:5173/auth/callback'];
  const storage = sqliteStorage(options.database ?? ':memory:');
  const custodian = createCustodian({
    baseUrl: url,
    storage,
    portalRedirectUris,
    // The sandbox answers on localhost and 127.0.0.1 alike; a page on either is its own.
    allowedOrigins: options.allowedOrigins ?? [
      url,
      `http://127.0.0.1:${port}`,
      ...portalRedirectUris.map((uri) => new URL(uri).origin),
    ],
    demoToken,
    ...(options.notifyUri ? { notifyUri: options.notifyUri } : {}),
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
    demoToken,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => {
          storage.close();
          if (error) reject(error);
          else resolve();
        });
        // Streams still open (a client reading a large feed) must not keep the server alive.
        server.closeAllConnections();
      }),
  };
}

const list = (value: string | undefined) => value?.split(',').filter(Boolean);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  const redirects = list(env.PORTAL_REDIRECT_URIS);
  const origins = list(env.CORS_ORIGINS);
  const { CUSTODIAN_ISSUER: issuer, CUSTODIAN_AUDIENCE: audience } = env;
  const sandbox = await startSandboxServer({
    port: env.PORT ? Number(env.PORT) : DEFAULT_PORT,
    host: env.HOST ?? '127.0.0.1',
    ...(redirects ? { portalRedirectUris: redirects } : {}),
    ...(origins ? { allowedOrigins: origins } : {}),
    ...(env.DEMO_TOKEN ? { demoToken: env.DEMO_TOKEN } : {}),
    demoControlsRemote: env.DEMO_CONTROLS_REMOTE === 'true',
    ...(env.NOTIFY_URI ? { notifyUri: env.NOTIFY_URI } : {}),
    ...(issuer ? { externalIssuer: { issuer, ...(audience ? { audience } : {}) } } : {}),
    database: defaultDatabasePath(),
  });
  const address = sandbox.server.address();
  console.log(`Mock data custodian (sandbox) on ${sandbox.url}`);
  if (typeof address === 'object' && address)
    console.log(`  listening on ${address.address}:${address.port}`);
  console.log(`  state: ${defaultDatabasePath()} (CUSTODIAN_DB to change)`);
  console.log(`  discovery: ${sandbox.url}/.well-known/openid-configuration`);
  console.log(`  demo controls: ${sandbox.url}/__demo/... with header X-Demo-Token: ${sandbox.demoToken}`);
  const external = sandbox.custodian.context.externalIssuer;
  if (external) console.log(`  also accepts access tokens of ${external.issuer} for ${external.audience}`);
  console.log(
    '  demo accounts: household, business, commercial (password: demo); see README "Sandbox: the mock custodian"',
  );
}
