import { describe, expect, test, vi } from 'vitest';
import { apiError } from '../../../lib/api-error.ts';
import { parseAuthorization, type Authorization } from './authorization-schema.ts';
import { ActionFailure, sendAndConfirm } from './confirmed-action.ts';

function authorization(status: Authorization['status']): Authorization {
  return parseAuthorization({
    id: 'a-1',
    status,
    scope: 'FB=1_3_4_5',
    thirdParty: { clientId: 'brightwatt', name: 'BrightWatt' },
    usagePointIds: [],
    authorizedPeriod: { start: 0, duration: 0 },
    publishedPeriod: { start: 0, duration: 0 },
    createdAt: 0,
    updatedAt: 0,
  });
}

/** A revoke, the simplest action: taken once the custodian no longer shows the authorization active. */
const revoked = (current: Authorization) => current.status !== 'active';

describe('sendAndConfirm', () => {
  test('a confirmed action returns the custodian answer and reads nothing more', async () => {
    const readCurrent = vi.fn(async () => authorization('active'));
    const outcome = await sendAndConfirm({
      send: async () => authorization('revoked'),
      readCurrent,
      taken: revoked,
    });
    expect(outcome).toEqual({ authorization: authorization('revoked') });
    expect(readCurrent).not.toHaveBeenCalled();
  });

  test('a failed action the custodian does not show is reported as not taken', async () => {
    const failure = apiError('server', { status: 500 });
    const error = await sendAndConfirm({
      send: async () => Promise.reject(failure),
      readCurrent: async () => authorization('active'),
      taken: revoked,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect((error as ActionFailure).truth).toBe('not-taken');
    expect((error as ActionFailure).failure).toBe(failure);
  });

  test('a dropped connection after which the custodian shows the action counts as taken', async () => {
    const failure = apiError('network');
    const outcome = await sendAndConfirm({
      send: async () => Promise.reject(failure),
      readCurrent: async () => authorization('revoked'),
      taken: revoked,
    });
    expect(outcome.authorization.status).toBe('revoked');
    expect(outcome.afterFailure).toBe(failure);
  });

  test('when the check fails too, the outcome is unknown', async () => {
    const error = await sendAndConfirm({
      send: async () => Promise.reject(apiError('network')),
      readCurrent: async () => Promise.reject(apiError('network')),
      taken: () => true,
    }).catch((e: unknown) => e);
    expect((error as ActionFailure).truth).toBe('unknown');
  });
});
