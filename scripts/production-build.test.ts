import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildBundle, type BuiltBundle } from './initial-route.ts';

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
