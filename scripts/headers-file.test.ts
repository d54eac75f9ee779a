import { expect, test } from 'vitest';
import { parseHeadersFile } from './headers-file.ts';
import { securityHeaders } from './vite-plugins.ts';

test("reads back the headers of the build's _headers file", () => {
  const text =
    "/*\n  Content-Security-Policy: default-src 'self'; connect-src 'self' https://idp.test\n  X-Frame-Options: DENY\n";
  expect(parseHeadersFile(text)).toEqual({
    'Content-Security-Policy': "default-src 'self'; connect-src 'self' https://idp.test",
    'X-Frame-Options': 'DENY',
  });
});

test('only the rule for every path', () => {
  expect(
    parseHeadersFile('/assets/*\n  Cache-Control: immutable\n/*\n  Referrer-Policy: no-referrer\n'),
  ).toEqual({
    'Referrer-Policy': 'no-referrer',
  });
});

test('round-trips what the build writes', () => {
  const headers = securityHeaders({ endpoints: ['https://idp.test/realms/x'] });
  const written = `/*\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
  expect(parseHeadersFile(written)).toEqual(headers);
});

test('vite preview serves the headers of the build it serves, not its own environment', async () => {
  const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { preview } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'portal-preview-'));
  const csp = "default-src 'self'; connect-src 'self' https://idp.test";
  await writeFile(join(outDir, 'index.html'), '<!doctype html><title>built</title>');
  await writeFile(join(outDir, '_headers'), `/*\n  Content-Security-Policy: ${csp}\n`);
  const server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  try {
    const response = await fetch(server.resolvedUrls?.local[0] ?? '');
    expect(response.headers.get('content-security-policy')).toBe(csp);
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
});
