/**
 * The identity-provider journey's three servers, each on its own loopback port next to the demo
 * suite's E2E_PORT: a strictly configured oidc-provider, the mock custodian's HTTP server trusting
 * it, and the production build of the portal (VITE_DEMO=false) configured for both, served with the
 * headers the build wrote (dist/_headers).
 */
import type { PlaywrightTestConfig } from '@playwright/test';

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>[number];

const BASE = Number(process.env.E2E_PORT ?? 4173);
export const IDP_PORT = BASE + 1;
export const CUSTODIAN_PORT = BASE + 2;
export const PORTAL_PORT = BASE + 3;

export const IDP_ISSUER = `http://127.0.0.1:${IDP_PORT}`;
// The custodian names its resources under its own base URL, which is `localhost` (server.ts).
export const CUSTODIAN_URL = `http://localhost:${CUSTODIAN_PORT}`;
/** The sandbox's demo controls ask for this token (X-Demo-Token); the tests set faults with it. */
export const DEMO_TOKEN = 'e2e-idp-demo-controls';
export const PORTAL_ORIGIN = `http://localhost:${PORTAL_PORT}`;
/** The one audience of the portal's access tokens (RFC 8707): the custodian's APIs. */
export const API_AUDIENCE = CUSTODIAN_URL;
export const ACCESS_TOKEN_SECONDS = 30;

const OUT_DIR = `node_modules/.cache/e2e-idp-build-${PORTAL_PORT}`;

const portalEnv = {
  VITE_DEMO: 'false',
  VITE_OIDC_ISSUER: IDP_ISSUER,
  VITE_OIDC_CLIENT_ID: 'green-button-portal',
  VITE_OIDC_SCOPE: 'openid profile offline_access customer_api',
  VITE_OIDC_AUTHORIZE_PARAMS: 'prompt=consent',
  VITE_OIDC_RESOURCE: API_AUDIENCE,
  VITE_OIDC_USERINFO: 'false',
  VITE_OIDC_END_SESSION: 'discovery',
  VITE_ESPI_BASE_URL: `${CUSTODIAN_URL}/espi/1_1/resource`,
  VITE_CUSTOMER_API_BASE_URL: `${CUSTODIAN_URL}/api/customer/v1`,
  VITE_API_ACCESS: 'true',
};

export const idpWebServers: WebServer[] = [
  {
    command: 'node e2e/idp/provider.ts',
    url: `${IDP_ISSUER}/.well-known/openid-configuration`,
    env: {
      IDP_PORT: String(IDP_PORT),
      PORTAL_ORIGIN,
      API_AUDIENCE,
      ACCESS_TOKEN_SECONDS: String(ACCESS_TOKEN_SECONDS),
    },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  {
    command: 'node src/custodian/server.ts',
    url: `${CUSTODIAN_URL}/.well-known/openid-configuration`,
    env: {
      PORT: String(CUSTODIAN_PORT),
      HOST: '127.0.0.1',
      CUSTODIAN_ISSUER: IDP_ISSUER,
      CUSTODIAN_AUDIENCE: API_AUDIENCE,
      // The portal calls the custodian from its own origin: the one page origin CORS allows.
      CORS_ORIGINS: PORTAL_ORIGIN,
      // Each run starts from the seeded sandbox: nothing kept between runs.
      CUSTODIAN_DB: ':memory:',
      DEMO_TOKEN,
    },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  {
    // `vite build` (production mode: no mock) with the IdP configuration, then `vite preview` of it.
    command: `npx vite build --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --port ${PORTAL_PORT} --strictPort`,
    url: PORTAL_ORIGIN,
    env: portalEnv,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
];
