import { describe, expect, it } from 'vitest';
import { aggregatorsSchema, changeSchema, grantListSchema } from './bulk-schemas.ts';

// Answers shaped as docs/openapi.yaml documents them (BulkGrant, ThirdParty).
const grant = {
  id: 'bg-1',
  bulkId: '5201',
  thirdParty: { clientId: 'gridflex', name: 'GridFlex Demand Response', description: '', logoUri: null },
  status: 'active',
  scope: 'FB=1_3_4_5;BR=5201',
  term: { end: null },
  usagePointIds: ['up-1', 'up-2'],
  meterCount: 2,
  createdAt: '2025-06-15T12:00:00Z',
  updatedAt: '2025-06-15T12:00:00Z',
  revokedAt: null,
  history: [
    {
      at: '2025-06-15T12:00:00Z',
      action: 'created',
      usagePointIds: ['up-1', 'up-2'],
      count: 2,
      idempotencyKey: 'k',
    },
    { at: '2025-06-16T12:00:00Z', action: 'meters-added', usagePointIds: [], count: 0, idempotencyKey: null },
  ],
  bulkURI: 'https://dc.example/espi/1_1/resource/Batch/Bulk/5201',
};

describe('customer API answers', () => {
  it('reads grants into the portal model, times as epoch milliseconds', () => {
    const [parsed] = grantListSchema.parse({ bulkGrants: [grant] });
    expect(parsed).toMatchObject({
      id: 'bg-1',
      bulkId: '5201',
      aggregator: { clientId: 'gridflex', name: 'GridFlex Demand Response' },
      termEnd: null,
      createdAt: Date.parse('2025-06-15T12:00:00Z'),
    });
    expect(parsed?.history[0]?.idempotencyKey).toBe('k');
    expect(parsed?.history[1]).not.toHaveProperty('idempotencyKey');
  });

  it('reads a term end and refuses a time that is not one', () => {
    const ended = { ...grant, term: { end: '2030-01-31T23:59:59-05:00' } };
    expect(grantListSchema.parse({ bulkGrants: [ended] })[0]?.termEnd).toBe(
      Date.parse('2030-02-01T04:59:59Z'),
    );
    expect(grantListSchema.safeParse({ bulkGrants: [{ ...grant, createdAt: 'yesterday' }] }).success).toBe(
      false,
    );
  });

  it('keeps only bulk-capable third parties as aggregators, with the scope they ask for', () => {
    const aggregators = aggregatorsSchema.parse({
      thirdParties: [
        { clientId: 'a', name: 'A', description: 'x', scopes: ['FB=1'], bulkCapable: false, clientUri: null },
        {
          clientId: 'b',
          name: 'B',
          description: 'y',
          scopes: ['FB=35', 'FB=3'],
          bulkCapable: true,
          clientUri: null,
        },
      ],
    });
    expect(aggregators).toEqual([{ clientId: 'b', name: 'B', description: 'y', scope: 'FB=35' }]);
  });

  it('reads a change with the meters it left out', () => {
    const change = changeSchema.parse({
      grant,
      added: [],
      removed: [],
      rejected: [{ usagePointId: 'up-9', reason: 'not-yours' }],
      partial: true,
    });
    expect(change.rejected).toEqual([{ usagePointId: 'up-9', reason: 'not-yours' }]);
  });
});
