import { describe, expect, it } from 'vitest';
import { coverage, deselectAll, restrictTo, selectAll, toggle } from './selection.ts';

describe('selection', () => {
  it('toggles one id without touching the original set', () => {
    const empty = new Set<string>();
    const one = toggle(empty, 'a');
    expect([...one]).toEqual(['a']);
    expect(empty.size).toBe(0);
    expect([...toggle(one, 'a')]).toEqual([]);
  });

  it('selects and deselects everything matching, keeping what is outside the match', () => {
    const start = new Set(['x']);
    const all = selectAll(start, ['a', 'b', 'c']);
    expect([...all].sort()).toEqual(['a', 'b', 'c', 'x']);
    expect([...deselectAll(all, ['a', 'b', 'c'])]).toEqual(['x']);
  });

  it('reports how much of a list is selected', () => {
    const s = new Set(['a', 'b']);
    expect(coverage(s, ['a', 'b'])).toBe('all');
    expect(coverage(s, ['a', 'c'])).toBe('some');
    expect(coverage(s, ['c'])).toBe('none');
    expect(coverage(s, [])).toBe('none');
  });

  it('drops ids that no longer exist', () => {
    expect([...restrictTo(new Set(['a', 'gone']), new Set(['a', 'b']))]).toEqual(['a']);
  });
});
