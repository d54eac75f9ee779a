import { describe, expect, it } from 'vitest';
import { apiError } from '../../../lib/api-error.ts';
import type { GrantDetail, NewGrant } from './grant.ts';
import { submitGrant, type SubmitAttempt, type SubmitDeps } from './submit-outcome.ts';

const request: NewGrant = {
  clientId: 'gridflex',
  usagePointIds: ['up-1', 'up-2'],
  scope: 'FB=1_3_4_5',
  term: { kind: 'until-revoked' },
};
const attempt: SubmitAttempt = { grant: request, idempotencyKey: 'key-1', startedAt: 1_000_000 };

/**
 * A custodian double that honours Idempotency-Key like the real one must: the first request with a
 * key creates, later ones with the same key get the same grant. `drop` decides, per call, whether the
 * request is lost before it arrives or its answer is lost after the grant was created.
 */
function custodian(
  drop: ('before' | 'after' | 'server' | 'refused' | null)[],
  { listFails = false, echoKeys = true } = {},
) {
  const grants: GrantDetail[] = [];
  const byKey = new Map<string, GrantDetail>();
  let call = 0;
  const deps: SubmitDeps = {
    async create(grant, key) {
      const fault = drop[call++] ?? null;
      if (fault === 'before') throw apiError('network');
      if (fault === 'server') throw apiError('server', { status: 503 });
      if (fault === 'refused')
        throw apiError('invalid-request', { status: 422, detail: 'Unknown meter up-9' });
      let created = byKey.get(key);
      if (!created) {
        created = {
          id: `bg-${grants.length + 1}`,
          bulkId: String(5200 + grants.length),
          aggregator: { clientId: grant.clientId, name: 'GridFlex' },
          meterCount: grant.usagePointIds.length,
          usagePointIds: [...grant.usagePointIds],
          scope: `${grant.scope};BR=${5200 + grants.length}`,
          termEnd: null,
          status: 'active',
          createdAt: 1_000_500,
          updatedAt: 1_000_500,
          history: [
            {
              at: 1_000_500,
              action: 'created',
              usagePointIds: [...grant.usagePointIds],
              ...(echoKeys ? { idempotencyKey: key } : {}),
            },
          ],
        };
        grants.push(created);
        byKey.set(key, created);
      }
      if (fault === 'after') throw apiError('timeout');
      return created;
    },
    async listGrants() {
      if (listFails) throw apiError('network');
      return grants;
    },
    wait: async () => undefined,
  };
  return { deps, grants };
}

describe('submitGrant', () => {
  it('reports the grant from the first answer', async () => {
    const { deps, grants } = custodian([null]);
    const outcome = await submitGrant(deps, attempt);
    expect(outcome).toMatchObject({ status: 'created', via: 'answer', grant: { id: 'bg-1' } });
    expect(grants).toHaveLength(1);
  });

  it('retries a lost request with the same key and creates once', async () => {
    const { deps, grants } = custodian(['before', null]);
    expect(await submitGrant(deps, attempt)).toMatchObject({ status: 'created', via: 'retry' });
    expect(grants).toHaveLength(1);
  });

  it('after a lost answer, the retry returns the grant already created instead of a second one', async () => {
    const { deps, grants } = custodian(['after', null]);
    expect(await submitGrant(deps, attempt)).toMatchObject({ status: 'created', grant: { id: 'bg-1' } });
    expect(grants).toHaveLength(1);
  });

  it('when every retry fails, finds the created grant in the list by its key', async () => {
    const { deps, grants } = custodian(['after', 'before', 'before']);
    expect(await submitGrant(deps, attempt)).toMatchObject({
      status: 'created',
      via: 'lookup',
      grant: { id: 'bg-1' },
    });
    expect(grants).toHaveLength(1);
  });

  it('without keys in the history, recognises its grant by the exact meter set only', async () => {
    const { deps, grants } = custodian([null, 'before', 'before', 'before', 'after', 'before', 'before'], {
      echoKeys: false,
    });
    const other = {
      ...attempt,
      idempotencyKey: 'k0',
      grant: { ...request, usagePointIds: ['up-1', 'up-3'] },
    };
    expect((await submitGrant(deps, other)).status).toBe('created');
    // Same aggregator, same number of meters, another set: not this attempt's grant.
    expect((await submitGrant(deps, attempt)).status).toBe('not-created');
    expect(await submitGrant(deps, attempt)).toMatchObject({ status: 'created', via: 'lookup' });
    expect(grants).toHaveLength(2);
  });

  it('ignores a similar grant made by another attempt', async () => {
    const { deps, grants } = custodian([null, 'before', 'before', 'before']);
    await submitGrant(deps, { ...attempt, idempotencyKey: 'other-attempt' });
    const outcome = await submitGrant(deps, attempt);
    expect(outcome.status).toBe('not-created');
    expect(grants).toHaveLength(1);
  });

  it('says nothing was created when the requests never arrived', async () => {
    const { deps, grants } = custodian(['before', 'server', 'before']);
    expect(await submitGrant(deps, attempt)).toMatchObject({ status: 'not-created', refused: false });
    expect(grants).toHaveLength(0);
  });

  it('says it does not know when the utility cannot be reached at all', async () => {
    const { deps } = custodian(['after', 'before', 'before'], { listFails: true });
    expect((await submitGrant(deps, attempt)).status).toBe('unknown');
  });

  it('does not retry a refusal, and passes on the reason', async () => {
    const { deps, grants } = custodian(['refused', null]);
    const outcome = await submitGrant(deps, attempt);
    expect(outcome).toMatchObject({ status: 'not-created', refused: true });
    expect(outcome.status === 'not-created' && outcome.reason).toContain('Unknown meter up-9');
    expect(grants).toHaveLength(0);
  });
});
