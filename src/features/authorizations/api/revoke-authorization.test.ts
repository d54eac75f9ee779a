import { describe, expect, test, vi } from 'vitest';
import { apiError } from '../../../lib/api-error.ts';
import { parseAuthorization, type Authorization } from './authorization-schema.ts';
import { RevokeFailure, revokeAndConfirm } from './revoke-authorization.ts';

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

describe('revokeAndConfirm', () => {
  test('a confirmed revoke returns the custodian answer and reads nothing more', async () => {
    const readCurrent = vi.fn(async () => authorization('active'));
    const outcome = await revokeAndConfirm({ revoke: async () => authorization('revoked'), readCurrent });
    expect(outcome).toEqual({ authorization: authorization('revoked') });
    expect(readCurrent).not.toHaveBeenCalled();
  });

  test('a failed revoke that the custodian still shows active is reported as not done', async () => {
    const failure = apiError('server', { status: 500 });
    const error = await revokeAndConfirm({
      revoke: async () => Promise.reject(failure),
      readCurrent: async () => authorization('active'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevokeFailure);
    expect((error as RevokeFailure).truth).toBe('still-active');
    expect((error as RevokeFailure).failure).toBe(failure);
  });

  test('a dropped connection after which the custodian shows it revoked counts as done', async () => {
    const failure = apiError('network');
    const outcome = await revokeAndConfirm({
      revoke: async () => Promise.reject(failure),
      readCurrent: async () => authorization('revoked'),
    });
    expect(outcome.authorization.status).toBe('revoked');
    expect(outcome.afterFailure).toBe(failure);
  });

  test('when the check fails too, the outcome is unknown', async () => {
    const error = await revokeAndConfirm({
      revoke: async () => Promise.reject(apiError('network')),
      readCurrent: async () => Promise.reject(apiError('network')),
    }).catch((e: unknown) => e);
    expect((error as RevokeFailure).truth).toBe('unknown');
  });
});
