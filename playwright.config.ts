import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.ts';
import { idpWebServers, PORTAL_ORIGIN } from './e2e/idp/servers.ts';

/**
 * End-to-end tests run against the production bundle built in demo mode (the mock custodian in the
 * page), served by `vite preview` with the same security headers a static host would send.
 * Debian's Chromium: Playwright cannot download a browser on these machines.
 */
// E2E_PORT lets several people run the suite side by side on one machine, each with its own build.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT_DIR = `node_modules/.cache/e2e-build-${PORT}`;

const chromium = chromiumLaunchOptions;
// A pattern on the path inside e2e/ (a glob such as 'idp/**' also matches a checkout in a folder named idp).
const IDP_SUITE = /[\\/]e2e[\\/]idp[\\/]/;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: chromium,
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    // The demo build's journeys; e2e/idp/ is the production build against a real OpenID provider.
    {
      name: 'desktop',
      testIgnore: IDP_SUITE,
      use: { ...devices['Desktop Chrome'], launchOptions: chromium },
    },
    {
      name: 'phone',
      testIgnore: IDP_SUITE,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, launchOptions: chromium },
    },
    {
      name: 'idp',
      testDir: 'e2e/idp',
      use: { ...devices['Desktop Chrome'], launchOptions: chromium, baseURL: PORTAL_ORIGIN },
    },
  ],
  webServer: [
    {
      command: `npx vite build --mode demo --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --mode demo --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    ...idpWebServers,
  ],
});
