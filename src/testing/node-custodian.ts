/**
 * The mock custodian under msw/node as the custodian's own tests set it up: a clock the test moves,
 * set back with the state before each test, and the registered clients the tests sign in as.
 */
import { afterAll, beforeEach } from 'vitest';
import { NODE_PORTAL_REDIRECT_URI, startNodeCustodian, type NodeCustodian } from '../custodian/node.ts';
import { basic } from './custodian-client.ts';

/** When every test starts: a fixed instant, so token lifetimes and periods are exact figures. */
export const TEST_START = Date.parse('2025-06-15T12:00:00Z');

/** The portal's own client: public (PKCE only), first party (no consent step). */
export const PORTAL = {
  clientId: 'green-button-portal',
  redirectUri: NODE_PORTAL_REDIRECT_URI,
  scope: 'openid profile customer_api',
};

/** A registered third party: confidential (client_secret_basic), asks the customer's consent. */
export const THIRD_PARTY = {
  clientId: 'brightwatt',
  redirectUri: 'https://brightwatt.example/callback',
  scope: 'FB=1_3_4_5_13_14_15_19_32_37_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000',
  secret: 'brightwatt-secret',
};

/** The third party's HTTP Basic credentials, as its token requests carry them. */
export const THIRD_PARTY_AUTH = { Authorization: basic(THIRD_PARTY.clientId, THIRD_PARTY.secret) };

/** Milliseconds since the epoch as the custodian sees them; a test moves `ms` forward. */
export interface TestClock {
  ms: number;
}

/**
 * A node custodian for one test file, closed after it: before each test its state is reset and its
 * clock is back at TEST_START.
 */
export function startClockedCustodian(): { custodian: NodeCustodian; clock: TestClock } {
  const clock: TestClock = { ms: TEST_START };
  const custodian = startNodeCustodian({ now: () => clock.ms });
  afterAll(() => custodian.close());
  beforeEach(() => {
    clock.ms = TEST_START;
    custodian.reset();
  });
  return { custodian, clock };
}
