import { describe, expect, test } from 'vitest';
import { parseAuthorization, type Authorization } from './authorization-schema.ts';
import { showsChange, type ChangeVariables } from './change-authorization.ts';

const YEAR = 365 * 86_400;

function authorization(usagePointIds: string[], duration = YEAR): Authorization {
  return parseAuthorization({
    id: 'a-1',
    status: 'active',
    scope: 'FB=1_3_4_5_10_13_14_15',
    thirdParty: { clientId: 'suntrack', name: 'SunTrack' },
    usagePointIds,
    authorizedPeriod: { start: 0, duration },
    publishedPeriod: { start: 0, duration: 0 },
    createdAt: 0,
    updatedAt: 0,
  });
}

const narrow: ChangeVariables = {
  kind: 'narrow',
  authorization: authorization(['e', 'g']),
  request: { usagePointIds: ['e'] },
  idempotencyKey: 'k',
};

describe('showsChange', () => {
  test('a narrowing shows once the authorization grants exactly what was asked', () => {
    expect(showsChange(authorization(['e', 'g']), narrow)).toBe(false);
    expect(showsChange(authorization(['e']), narrow)).toBe(true);
  });

  test('a renewal shows once the end is later than before', () => {
    const renew: ChangeVariables = { ...narrow, kind: 'renew', request: {} };
    expect(showsChange(authorization(['e', 'g'], YEAR), renew)).toBe(false);
    expect(showsChange(authorization(['e', 'g'], 2 * YEAR), renew)).toBe(true);
  });
});
