/** The mock custodian in Node (unit tests): msw/node intercepts fetch to the base URL. */
import { setupServer, type SetupServer } from 'msw/node';
import { createCustodian, type Custodian, type CustodianOptions } from './handlers.ts';

export const NODE_BASE_URL = 'https://custodian.test';
export const NODE_PORTAL_REDIRECT_URI = 'https://portal.test/auth/callback';

export interface NodeCustodian extends Custodian {
  server: SetupServer;
  close(): void;
}

export function startNodeCustodian(options: Partial<CustodianOptions> = {}): NodeCustodian {
  const custodian = createCustodian({
    baseUrl: NODE_BASE_URL,
    portalRedirectUris: [NODE_PORTAL_REDIRECT_URI],
    ...options,
  });
  const server = setupServer(...custodian.handlers);
  server.listen({ onUnhandledFrame: 'bypass' });
  return { ...custodian, server, close: () => server.close() };
}
