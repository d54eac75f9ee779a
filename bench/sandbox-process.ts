/**
 * The sandbox server as its own process for the server benchmarks (its memory is its own), and its
 * resident memory read from outside with ps.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts `npm run custodian`'s server on loopback, state in memory; resolves once it listens. */
export async function startSandboxProcess(
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [fileURLToPath(new URL('../src/custodian/server.ts', import.meta.url))],
    {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CUSTODIAN_DB: ':memory:', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  for await (const chunk of server.stdout ?? []) {
    output += String(chunk);
    if (output.includes('discovery:')) break;
  }
  return server;
}

/** Resident memory of a process, megabytes (ps: Linux and macOS alike). */
export function rssMb(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** Samples a process's memory until stopped; resolves to the highest sample. */
export function peakRss(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}
