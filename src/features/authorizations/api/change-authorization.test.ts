import { describe, expect, test, vi } from 'vitest';
import { apiError } from '../../../lib/api-error.ts';
import { parseAuthorization, type Authorization } from './authorization-schema.ts';
import {
  ChangeFailure,
  changeAndConfirm,
  showsChange,
  type ChangeVariables,
} from './change-authorization.ts';

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

describe('changeAndConfirm', () => {
  test('a confirmed change returns the custodian answer and reads nothing more', async () => {
    const readCurrent = vi.fn(async () => authorization(['e', 'g']));
    const outcome = await changeAndConfirm({
      send: async () => authorization(['e']),
      readCurrent,
      applied: (current) => showsChange(current, narrow),
    });
    expect(outcome.authorization.usagePointIds).toEqual(['e']);
    expect(readCurrent).not.toHaveBeenCalled();
  });

  test('a failed change the custodian does not show is reported as not made', async () => {
    const failure = apiError('server', { status: 500 });
    const error = await changeAndConfirm({
      send: async () => Promise.reject(failure),
      readCurrent: async () => authorization(['e', 'g']),
      applied: (current) => showsChange(current, narrow),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangeFailure);
    expect((error as ChangeFailure).truth).toBe('unchanged');
    expect((error as ChangeFailure).failure).toBe(failure);
  });

  test('a dropped connection after which the custodian shows the change counts as made', async () => {
    const outcome = await changeAndConfirm({
      send: async () => Promise.reject(apiError('network')),
      readCurrent: async () => authorization(['e']),
      applied: (current) => showsChange(current, narrow),
    });
    expect(outcome.afterFailure).toBeDefined();
  });

  test('when the check fails too, the outcome is unknown', async () => {
    const error = await changeAndConfirm({
      send: async () => Promise.reject(apiError('network')),
      readCurrent: async () => Promise.reject(apiError('network')),
      applied: () => true,
    }).catch((e: unknown) => e);
    expect((error as ChangeFailure).truth).toBe('unknown');
  });

  test('a renewal shows once the end is later than before', () => {
    const renew: ChangeVariables = { ...narrow, kind: 'renew', request: {} };
    expect(showsChange(authorization(['e', 'g'], YEAR), renew)).toBe(false);
    expect(showsChange(authorization(['e', 'g'], 2 * YEAR), renew)).toBe(true);
  });
});
