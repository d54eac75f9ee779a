/**
 * The console and CSP guard of e2e/fixtures.ts for engines driven over classic WebDriver, which has no
 * console events and no init scripts: a script the test build loads before the portal's own records
 * every console error, uncaught exception, unhandled rejection, failed resource and CSP violation in
 * sessionStorage (it survives the sign-in's full-page redirects within the tab), and the journey reads
 * them after each step. Same origin, so the portal's `script-src 'self'` admits it unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROBLEMS_KEY = 'e2e-page-problems';
const GUARD_FILE = 'e2e-page-guard.js';

/** Runs in the page, before any other script. */
function pageGuard(key: string) {
  const record = (text: string) => {
    const problems = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[];
    problems.push(text);
    sessionStorage.setItem(key, JSON.stringify(problems));
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    record(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
  });
  window.addEventListener(
    'error',
    (event) => {
      const target = event.target;
      // A modulepreload link is a hint: Firefox fires `error` on one for the entry chunk the page already
      // runs, and Vite's loader imports the module itself either way (the page goes on working).
      if (target instanceof HTMLLinkElement && target.rel === 'modulepreload') return;
      if (target instanceof HTMLElement) {
        const source = target.getAttribute('src') ?? target.getAttribute('href');
        record(
          `Failed to load <${target.tagName.toLowerCase()} rel=${target.getAttribute('rel')}> ${source}`,
        );
      } else {
        record(`Uncaught: ${event.message}`);
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) => {
    // A page handler may still call preventDefault (the demo does for msw's worker update check).
    setTimeout(() => {
      if (!event.defaultPrevented) record(`Unhandled rejection: ${String(event.reason)}`);
    });
  });
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    record(args.map(String).join(' '));
    consoleError(...args);
  };
}

/** Adds the guard to a built portal in `outDir`: a script file and its tag ahead of the bundle's. */
export function addPageGuard(outDir: string) {
  writeFileSync(join(outDir, GUARD_FILE), `(${pageGuard.toString()})(${JSON.stringify(PROBLEMS_KEY)});\n`);
  const indexPath = join(outDir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const firstScript = html.indexOf('<script');
  if (firstScript < 0) throw new Error(`${indexPath} has no script tag`);
  const tag = `<script src="/${GUARD_FILE}"></script>\n    `;
  writeFileSync(indexPath, html.slice(0, firstScript) + tag + html.slice(firstScript));
}
