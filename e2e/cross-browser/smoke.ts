/**
 * Smoke journeys in Firefox ESR and WebKit (`npm run test:browsers`; Chromium runs the full Playwright
 * suite). Builds the demo with the page guard, serves it with `vite preview` (the portal's headers) on
 * E2E_PORT (default 4174; WebKitWebDriver takes the next port), and walks the journey once per engine.
 * Run by Node's test runner, not Playwright: no file here is named *.spec.ts or *.test.ts, so the
 * Chromium projects of playwright.config.ts never pick them up.
 */
import { after, before, describe, test } from 'node:test';
import { build, preview, type PreviewServer } from 'vite';
import { firefox, webkit } from './engines.ts';
import { customerJourney } from './journey.ts';
import { addPageGuard } from './page-guard.ts';

const PORT = Number(process.env.E2E_PORT ?? 4174);
const OUT_DIR = `node_modules/.cache/e2e-cross-browser-${PORT}`;
const BASE_URL = `http://127.0.0.1:${PORT}`;

// WebKitGTK starts in a POSIX C locale, as on a server with no LANG, and the journey checks that money
// reads "$12.34". (WebKitGTK 2.50 maps C to en-US itself; the fallback for a runtime whose default is
// ICU's POSIX variant is tested in src/espi/display-locale.test.ts.)
const ENGINES = [firefox, webkit(PORT + 1, { LANG: 'C', LC_ALL: 'C' })];

describe('the customer journey in every supported engine', () => {
  let server: PreviewServer | undefined;

  before(async () => {
    await build({ mode: 'demo', logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
    addPageGuard(OUT_DIR);
    server = await preview({
      mode: 'demo',
      logLevel: 'warn',
      build: { outDir: OUT_DIR },
      preview: { host: '127.0.0.1', port: PORT, strictPort: true },
    });
  });

  after(async () => {
    await server?.close();
  });

  for (const engine of ENGINES) {
    test(
      `${engine.name}: sign in, meters, chart, revoke, sign out, open a file`,
      { timeout: 300_000 },
      async (t) => {
        const started = Date.now();
        const session = await engine.start();
        t.diagnostic(`started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        try {
          await customerJourney(session, BASE_URL, (message) => t.diagnostic(message));
        } finally {
          await session.close();
        }
      },
    );
  }
});
