/**
 * The static-host headers file (`_headers`, Netlify and Cloudflare Pages format) the build writes,
 * read back so that `vite preview` serves exactly the headers of the build it serves, not headers
 * recomputed from whatever environment the preview runs in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The headers of the `/*` rule: `Name: value` lines indented under it. */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  for (const line of text.split(/\r?\n/)) {
    if (!/^\s/.test(line)) {
      inAllPaths = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAllPaths && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function previewBuildHeadersPlugin(): Plugin {
  return {
    name: 'portal:preview-build-headers',
    configurePreviewServer(server) {
      const file = resolve(server.config.root, server.config.build.outDir, '_headers');
      let headers: Record<string, string>;
      try {
        headers = parseHeadersFile(readFileSync(file, 'utf8'));
      } catch {
        throw new Error(`${file} is missing: build before previewing (its headers are the build's).`);
      }
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        next();
      });
    },
  };
}
