import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildBundle, initialRouteKb, INITIAL_ROUTE_BUDGET_KB, type BuiltBundle } from './initial-route.ts';

describe('the production build', () => {
  let bundle: BuiltBundle;
  beforeAll(async () => {
    bundle = await buildBundle('production');
  }, 120_000);
  afterAll(() => bundle?.dispose());

  test('contains no mock custodian', () => {
    expect(bundle.files).not.toContain('mockServiceWorker.js');
    const everything = bundle.initialScripts.map((s) => s.source).join('\n');
    expect(everything).not.toMatch(/mockServiceWorker|\[MSW\]/);
    expect(bundle.files.filter((f) => /custodian|demo/i.test(f))).toEqual([]);
  });

  test('loads its first page without the chart library', () => {
    expect(bundle.initialScripts.length).toBeGreaterThan(0);
    for (const script of bundle.initialScripts) expect(script.source).not.toMatch(/recharts/i);
  });

  test('loads its first page without zod: the configuration is read by hand, schemas come with their pages', () => {
    // zod names its schema classes `$ZodObject`, `$ZodString`..., strings that survive minification.
    for (const script of bundle.initialScripts) expect(script.source).not.toContain('$Zod');
  });

  test('loads its first page in at most 100 KB of gzipped JavaScript, entry and modulepreloads', () => {
    expect(initialRouteKb(bundle)).toBeLessThanOrEqual(INITIAL_ROUTE_BUDGET_KB);
  });

  test('loads its first page without the sign-in library or the query cache: a stored session is read by hand', () => {
    const everything = bundle.initialScripts.map((s) => s.source).join('\n');
    // Error texts of oidc-client-ts and TanStack Query, which survive minification.
    expect(everything).not.toContain('No matching state found in storage');
    expect(everything).not.toContain('No QueryClient set');
  });

  test('publishes no source maps unless VITE_SOURCEMAP asks for them', () => {
    expect(bundle.files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const everything = bundle.initialScripts.map((s) => s.source).join('\n');
    expect(everything).not.toContain('sourceMappingURL');
  });

  test('carries the Content-Security-Policy for static hosts', () => {
    expect(bundle.files).toContain('_headers');
  });
});

describe('the demo build', () => {
  test('ships the mock custodian worker', async () => {
    const demo = await buildBundle('demo');
    try {
      expect(demo.files).toContain('mockServiceWorker.js');
    } finally {
      await demo.dispose();
    }
  }, 120_000);
});
