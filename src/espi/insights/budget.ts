/**
 * A monthly budget against the bill: passed already (the cost so far is over it), on course to pass it
 * (the projection is over), or within it, and by how much.
 */
export type BudgetState = 'passed' | 'on-course-to-pass' | 'within';

export interface BudgetCheck {
  state: BudgetState;
  budget: number;
  /** What the state is measured on: the cost so far once passed, else the projection. */
  against: number;
  /** against - budget: over it when positive. */
  difference: number;
  /** Share of the budget the cost so far has used, 0.5 is half. */
  used: number;
}

export function checkBudget(budget: number, soFar: number, projected?: number): BudgetCheck | undefined {
  if (!(budget > 0)) return undefined;
  const state: BudgetState =
    soFar > budget
      ? 'passed'
      : projected !== undefined && projected > budget
        ? 'on-course-to-pass'
        : 'within';
  const against = state === 'passed' || projected === undefined ? soFar : projected;
  return { state, budget, against, difference: against - budget, used: soFar / budget };
}
