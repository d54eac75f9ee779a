import { describe, expect, it } from 'vitest';
import { parseScope } from '../../../espi/index.ts';
import { choiceProblems, defaultChoice, grantedScope, scopeOffer } from './grant-scope.ts';

// The bulk aggregators' registered scope at the mock custodian (src/custodian/directory.ts).
const REQUESTED =
  'FB=1_3_4_5_10_11_13_14_18_19_32_35_37_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000';

describe('grant scope', () => {
  it('offers the services, intervals and history the aggregator asks for, no more', () => {
    const offer = scopeOffer(REQUESTED);
    expect(offer.serviceKinds).toEqual([0, 1, 2]);
    expect(offer.intervalSeconds).toEqual([3600]);
    expect(offer.historyOptions.map((o) => o.label)).toEqual(['3 months', '6 months', '13 months']);
  });

  it('grants exactly the request by default', () => {
    const offer = scopeOffer(REQUESTED);
    const choice = defaultChoice(offer);
    expect(choiceProblems(offer, choice)).toEqual([]);
    const granted = parseScope(grantedScope(REQUESTED, choice));
    expect(granted.functionBlocks).toEqual(parseScope(REQUESTED).functionBlocks);
    expect(granted.historyLength?.seconds).toBe(34_128_000);
    expect(granted.blockDurations).toEqual(['daily']);
  });

  it('narrows: leaving gas and water out drops their function blocks and shortens history', () => {
    const granted = parseScope(
      grantedScope(REQUESTED, { serviceKinds: [0], intervalSeconds: 3600, historySeconds: 92 * 86_400 }),
    );
    expect(granted.functionBlocks).not.toContain(10);
    expect(granted.functionBlocks).not.toContain(11);
    expect(granted.functionBlocks).toContain(5);
    expect(granted.historyLength?.seconds).toBe(92 * 86_400);
  });

  it('never writes a bulk id: the custodian assigns it', () => {
    expect(parseScope(grantedScope(`${REQUESTED};BR=7`, defaultChoice(scopeOffer(REQUESTED)))).bulkId).toBe(
      undefined,
    );
  });

  it('refuses a choice wider than the request or with nothing in it', () => {
    const offer = scopeOffer('FB=1_3_4_5_13_14;IntervalDuration=3600;HistoryLength=34128000');
    expect(
      choiceProblems(offer, { serviceKinds: [], intervalSeconds: 3600, historySeconds: 1 }),
    ).toHaveLength(1);
    expect(
      choiceProblems(offer, { serviceKinds: [1], intervalSeconds: 900, historySeconds: 94_608_000 }),
    ).toHaveLength(3);
  });

  it('gives one history choice when the request is shorter than every preset', () => {
    const offer = scopeOffer('FB=1_3_4_5;IntervalDuration=900;HistoryLength=2592000');
    expect(offer.historyOptions).toEqual([{ seconds: 2_592_000, label: 'As requested' }]);
  });
});
