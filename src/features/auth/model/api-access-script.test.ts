/**
 * The API access page's scripts, run as a customer would run them (python3, bash with curl and jq)
 * against the sandbox over real HTTP: the customer API creates the client as the page does, each
 * script gets a token, refreshes it on its next run and reads the feed, and is refused once the
 * customer has revoked its tokens.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../../custodian/server.ts';
import {
  SANDBOX_PORTAL_REDIRECT_URI,
  commercialPortalToken,
  createOwnApiClient,
  ownApiRequest,
} from '../../../testing/own-api-client.ts';
import { curlScript, pythonScript, type ScriptTarget } from './api-access-script.ts';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'own-api-script-'));
let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
});

const SCRIPTS = [
  { name: 'python', file: 'green_button.py', command: 'python3', write: pythonScript },
  { name: 'curl', file: 'green_button.sh', command: 'bash', write: curlScript },
] as const;

describe.each(SCRIPTS)('the $name script', ({ file, command, write }) => {
  it('gets a token, refreshes it on the next run, reads the feed, and is refused once revoked', async () => {
    const portal = await commercialPortalToken(sandbox.url, SANDBOX_PORTAL_REDIRECT_URI);
    // The commercial account has one client: the second script rotates its secret instead.
    const existing = await ownApiRequest(sandbox.url, portal, 'POST', '/secret');
    const client =
      existing.status === 200
        ? ((await existing.json()) as Awaited<ReturnType<typeof createOwnApiClient>>)
        : await createOwnApiClient(sandbox.url, portal, {
            scope: 'FB=1_3_4_5_13_14_19_32_37_39;IntervalDuration=900;HistoryLength=2678400',
            usagePointIds: ['up-3001-0001', 'up-3001-0002'],
          });
    const target: ScriptTarget = {
      tokenEndpoint: client.tokenEndpoint,
      clientId: client.clientId,
      username: 'commercial',
      resourceUri: client.resourceURI,
    };
    const dir = mkdtempSync(join(folder, command));
    writeFileSync(join(dir, file), write(target));
    const tokenFile = join(dir, 'token.json');
    const script = () =>
      run(command, [file], {
        cwd: dir,
        timeout: 30_000,
        env: {
          PATH: process.env.PATH,
          GB_CLIENT_SECRET: client.clientSecret,
          GB_PASSWORD: 'demo',
          GB_TOKEN_FILE: tokenFile,
        },
      });

    const first = await script();
    expect(first.stdout).toContain('token: password grant');
    expect(first.stdout).toContain(
      'scope: FB=1_3_4_5_13_14_19_32_37_39;IntervalDuration=900;HistoryLength=2678400',
    );
    expect(first.stdout).toMatch(/feed: ([1-9]\d*) entries/);
    // The refresh token is readable by its owner only.
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

    const second = await script();
    expect(second.stdout).toContain('token: refreshed');
    expect(second.stdout).toMatch(/feed: ([1-9]\d*) entries/);

    expect((await ownApiRequest(sandbox.url, portal, 'POST', '/tokens/revoke')).status).toBe(200);
    const refused = await script().then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).not.toBe(0);
    expect(refused?.stderr).toMatch(/token refused: invalid_grant: The refresh token has been revoked/);
  });
});
