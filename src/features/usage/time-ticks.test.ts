import { describe, expect, it } from 'vitest';
import { createLocalTime, usZoneRules } from '../../espi/local-time.ts';
import { timeTicks } from './time-ticks.ts';

const clock = createLocalTime(undefined, usZoneRules('Eastern'));

describe('timeTicks', () => {
  it('puts day ticks on local midnights across the spring-forward day', () => {
    const start = clock.fromLocal(2026, 3, 6);
    const end = clock.fromLocal(2026, 3, 11);
    const { ticks, unit } = timeTicks(clock, start, end, 8);
    expect(unit).toBe('day');
    expect(ticks.map((t) => clock.toLocal(t).day)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(ticks.every((t) => clock.toLocal(t).hour === 0)).toBe(true);
    expect((ticks[3] ?? 0) - (ticks[2] ?? 0)).toBe(23 * 3600);
  });

  it('steps hours so that no more than the limit fit', () => {
    const start = clock.fromLocal(2026, 11, 1);
    const { ticks, unit } = timeTicks(clock, start, clock.addLocalDays(start, 1), 10);
    expect(unit).toBe('hour');
    expect(ticks.length).toBeLessThanOrEqual(10);
    // 1 November is 25 hours long: eight 3-hour steps and the next midnight.
    expect(ticks.map((t) => clock.toLocal(t).hour)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 0]);
  });

  it('uses month starts for a year', () => {
    const start = clock.fromLocal(2025, 12, 1);
    const { ticks, unit } = timeTicks(clock, start, clock.fromLocal(2026, 12, 1), 6);
    expect(unit).toBe('month');
    expect(ticks.map((t) => clock.toLocal(t).month)).toEqual([1, 3, 5, 7, 9, 11]);
  });
});
