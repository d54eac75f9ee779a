import { describe, expect, it } from 'vitest';
import { changeOutcome, nothingApplied } from './change-outcome.ts';

describe('changeOutcome', () => {
  it('names the meters added, those already in, and those the change did not reach', () => {
    const outcome = changeOutcome('add', ['a', 'b', 'c'], new Set(['a']), new Set(['a', 'b']));
    expect(outcome).toEqual({ action: 'add', applied: ['b'], unchanged: ['a'], failed: ['c'] });
    expect(nothingApplied(outcome)).toBe(false);
  });

  it('reads a removal the other way round', () => {
    const outcome = changeOutcome('remove', ['a', 'b', 'z'], new Set(['a', 'b', 'c']), new Set(['b', 'c']));
    expect(outcome).toEqual({ action: 'remove', applied: ['a'], unchanged: ['z'], failed: ['b'] });
  });

  it('says when nothing changed', () => {
    const before = new Set(['a']);
    expect(nothingApplied(changeOutcome('add', ['b'], before, before))).toBe(true);
  });

  it('counts a meter asked for twice once', () => {
    expect(changeOutcome('add', ['b', 'b'], new Set(), new Set(['b'])).applied).toEqual(['b']);
  });
});
