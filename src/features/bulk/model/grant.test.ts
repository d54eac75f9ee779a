import { describe, expect, it } from 'vitest';
import { localIsoDate, termEndOf, termProblem } from './grant.ts';

describe('grant term', () => {
  it('ends at the last millisecond of the chosen local day', () => {
    const end = termEndOf({ kind: 'end-date', date: '2030-03-09' }) ?? Number.NaN;
    expect(localIsoDate(new Date(end))).toBe('2030-03-09');
    expect(localIsoDate(new Date(end + 1))).toBe('2030-03-10');
    expect(termEndOf({ kind: 'until-revoked' })).toBeNull();
  });

  it('accepts until revoked and a future day, refuses today, the past and non-dates', () => {
    const today = '2030-01-15';
    expect(termProblem({ kind: 'until-revoked' }, today)).toBeNull();
    expect(termProblem({ kind: 'end-date', date: '2030-01-16' }, today)).toBeNull();
    expect(termProblem({ kind: 'end-date', date: '2030-01-15' }, today)).toMatch(/after today/);
    expect(termProblem({ kind: 'end-date', date: '' }, today)).toMatch(/full date/);
  });
});
