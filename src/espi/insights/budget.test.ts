import { describe, expect, it } from 'vitest';
import { checkBudget } from './budget.ts';

describe('checkBudget', () => {
  it('is on course to pass when the projection is over the budget', () => {
    expect(checkBudget(100, 40, 120)).toEqual({
      state: 'on-course-to-pass',
      budget: 100,
      against: 120,
      difference: 20,
      used: 0.4,
    });
  });

  it('has passed once the cost so far is over it, measured on the cost so far', () => {
    expect(checkBudget(100, 110, 180)).toMatchObject({ state: 'passed', against: 110, difference: 10 });
  });

  it('is within it otherwise, even with no projection yet', () => {
    expect(checkBudget(100, 30, 90)).toMatchObject({ state: 'within', difference: -10 });
    expect(checkBudget(100, 30)).toMatchObject({ state: 'within', against: 30, difference: -70 });
  });

  it('ignores a budget of nothing', () => {
    expect(checkBudget(0, 30, 90)).toBeUndefined();
  });
});
