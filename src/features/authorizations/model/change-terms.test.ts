import { describe, expect, it } from 'vitest';
import {
  changeRequest,
  dataBlocksOf,
  describeChange,
  grantsAsRequested,
  type Terms,
} from './change-terms.ts';

const SCOPE = 'FB=1_3_4_5_8_10_12_13_14_15_16_19_32_37_39;IntervalDuration=900;HistoryLength=63072000';
const NARROW = 'FB=1_3_4_5_8_10_12_13_14_19_32_37_39;IntervalDuration=900;HistoryLength=63072000';
const END = Date.parse('2026-06-15T12:00:00Z') / 1000;
const EARLIER = Date.parse('2026-01-10T12:00:00Z') / 1000;
const before: Terms = { scope: SCOPE, usagePointIds: ['e', 'g'], end: END };
const names: Record<string, string> = { e: 'Home electricity', g: 'Home gas' };

describe('changing an authorization in words', () => {
  it('offers the data blocks only, the last commodity block marked required', () => {
    expect(dataBlocksOf(SCOPE).map((b) => b.fb)).toEqual([5, 8, 10, 12, 15, 16]);
    expect(dataBlocksOf(SCOPE).filter((b) => b.required)).toEqual([]);
    const electricityOnly = dataBlocksOf('FB=1_3_4_5_13_14_15');
    expect(electricityOnly.map((b) => [b.fb, b.required])).toEqual([
      [5, true],
      [15, false],
    ]);
  });

  it('asks only for what differs, and recognises the answer that grants it', () => {
    const request = changeRequest(before, { usagePointIds: ['e'], dataBlocks: [5, 8, 10, 12], end: EARLIER });
    expect(request).toEqual({
      usagePointIds: ['e'],
      functionBlocks: [5, 8, 10, 12],
      end: '2026-01-10T12:00:00.000Z',
    });
    expect(
      changeRequest(before, { usagePointIds: ['g', 'e'], dataBlocks: [5, 8, 10, 12, 15, 16], end: END }),
    ).toEqual({});
    expect(grantsAsRequested({ scope: NARROW, usagePointIds: ['e'], end: EARLIER }, request)).toBe(true);
    expect(grantsAsRequested(before, request)).toBe(false);
  });

  it('says what stops, what stays and the new end', () => {
    const lines = describeChange(
      before,
      { scope: NARROW, usagePointIds: ['e'], end: EARLIER },
      (id) => names[id] ?? id,
    );
    expect(lines).toEqual([
      'Stops sharing Home gas; still shared: Home electricity.',
      'Stops reading: bill summaries (use per billing period) and bill summaries with costs.',
      'Ends on Jan 10, 2026 instead of Jun 15, 2026.',
    ]);
  });
});
