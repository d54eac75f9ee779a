import { defineConfig } from 'vitest/config';
import { loadEnv } from 'vite';
import react from '@vitejs/plugin-react';
import browserslistToEsbuild from 'browserslist-to-esbuild';
import { msw } from 'msw/vite';
import { contentSecurityPolicyPlugin } from './scripts/vite-plugins.ts';
import { previewBuildHeadersPlugin } from './scripts/headers-file.ts';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const custodian = {
    endpoints: [env.VITE_OIDC_ISSUER, env.VITE_ESPI_BASE_URL, env.VITE_CUSTOMER_API_BASE_URL].filter(
      (value): value is string => Boolean(value),
    ),
  };
  return {
    plugins: [
      react(),
      contentSecurityPolicyPlugin(custodian),
      // `vite preview` sends the headers the build wrote (dist/_headers), whatever its own environment.
      previewBuildHeadersPlugin(),
      // The mock custodian's service worker script: served and emitted in demo mode only, so a
      // production build carries no mock code.
      env.VITE_DEMO === 'true' && msw({ mode: 'worker-only' }),
    ],
    server: { port: 5173 },
    preview: { port: 4173 },
    worker: { format: 'es' },
    // No source maps unless asked (`vite build --sourcemap`): they would publish the source.
    // The supported browsers (`browserslist` in package.json, reasoned in the README) as Oxc targets.
    build: { target: browserslistToEsbuild() },
    test: {
      include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
      environment: 'node',
      testTimeout: 20_000,
    },
  };
});
