/**
 * Runs the API access page's Python script as the customer would: saved to a folder of its own, run
 * with python3, the client secret and password in the environment, its refresh token kept in that
 * folder between runs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function savedPythonScript(text: string, clientSecret: string): () => Promise<ScriptRun> {
  const folder = mkdtempSync(join(tmpdir(), 'green-button-script-'));
  writeFileSync(join(folder, 'green_button.py'), text);
  return () =>
    new Promise((resolve) => {
      execFile(
        'python3',
        ['green_button.py'],
        {
          cwd: folder,
          timeout: 60_000,
          env: {
            PATH: process.env.PATH,
            GB_CLIENT_SECRET: clientSecret,
            GB_PASSWORD: 'demo',
            GB_TOKEN_FILE: join(folder, 'token.json'),
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
}
