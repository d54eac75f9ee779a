import { describe, expect, test } from 'vitest';
import { OWN_DATA_SCOPE } from '../../../custodian/directory.ts';
import { isScopeWithin } from '../../../custodian/scope-limits.ts';
import { parseScope } from '../../../espi/index.ts';
import { dataChoices, historyChoices, narrowScope } from './api-access-scope.ts';

// The mock custodian's own-data scope: the most a demo account's API client may be given.
const ceiling = OWN_DATA_SCOPE;

describe('the choices offered', () => {
  test('are the kinds of data the account may read, commodities marked', () => {
    const choices = dataChoices(ceiling);
    const fbs = choices.map((c) => c.fb);
    expect(fbs).toEqual(expect.arrayContaining([5, 7, 8, 10, 11, 12, 15, 16]));
    // Protocol blocks and plain interval metering are not choices: they say nothing about which data.
    expect(fbs).not.toEqual(expect.arrayContaining([4]));
    expect(fbs.some((fb) => [1, 3, 13, 14, 31, 32, 37, 39].includes(fb))).toBe(false);
    expect(choices.filter((c) => c.commodity).map((c) => c.fb)).toEqual([5, 10, 11]);
  });

  test('history lengths stop at what the account allows', () => {
    const seconds = historyChoices(ceiling).map((h) => h.seconds);
    const max = parseScope(ceiling).historyLength?.seconds;
    expect(seconds.at(-1)).toBe(max);
    expect(seconds.every((s) => max !== undefined && s <= max)).toBe(true);
    expect(historyChoices('FB=1_3_5;HistoryLength=5184000').map((h) => h.seconds)).toEqual([
      2592000, 5184000,
    ]);
  });
});

describe('narrowScope', () => {
  test('drops what was not chosen, keeps the rest, and stays within the ceiling', () => {
    const result = narrowScope(ceiling, [5, 15], 90 * 86_400);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const narrowed = parseScope(result.scope);
    expect(narrowed.functionBlocks).toEqual(expect.arrayContaining([1, 3, 4, 5, 15, 13, 14, 39]));
    expect(narrowed.functionBlocks).not.toEqual(expect.arrayContaining([10]));
    expect(narrowed.functionBlocks.some((fb) => [7, 8, 10, 11, 12, 16].includes(fb))).toBe(false);
    expect(narrowed.historyLength).toMatchObject({ seconds: 90 * 86_400, asMonths: false });
    expect(narrowed.intervalDurations).toEqual(parseScope(ceiling).intervalDurations);
    expect(isScopeWithin(result.scope, ceiling)).toBe(true);
  });

  test('everything chosen gives the ceiling back, in effect', () => {
    const all = dataChoices(ceiling).map((c) => c.fb);
    const max = parseScope(ceiling).historyLength?.seconds ?? 0;
    const result = narrowScope(ceiling, all, max);
    expect(result.ok && parseScope(result.scope).functionBlocks).toEqual(parseScope(ceiling).functionBlocks);
  });

  test('refuses a scope without any commodity, and a history longer than allowed', () => {
    expect(narrowScope(ceiling, [15, 16], 30 * 86_400)).toMatchObject({ ok: false });
    const tooLong = narrowScope(ceiling, [5], 10 * 365 * 86_400);
    expect(tooLong).toEqual({ ok: false, problem: 'Choose a history length your account allows.' });
  });

  test('ignores blocks the ceiling does not offer', () => {
    const result = narrowScope(ceiling, [5, 46], 30 * 86_400);
    expect(result.ok && parseScope(result.scope).functionBlocks.includes(46)).toBe(false);
  });
});
