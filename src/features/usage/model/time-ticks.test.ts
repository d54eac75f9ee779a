import { describe, expect, it } from 'vitest';
import { createLocalTime, usZoneRules } from '../../../espi/index.ts';
import { axisTicks, labelWidth, timeTicks } from './time-ticks.ts';

const clock = createLocalTime(undefined, usZoneRules('Eastern'));

describe('timeTicks', () => {
  it('puts day ticks on local midnights across the spring-forward day', () => {
    const start = clock.fromLocal(2026, 3, 6);
    const end = clock.fromLocal(2026, 3, 11);
    const { ticks, unit } = timeTicks(clock, start, end, 8);
    expect(unit).toBe('day');
    expect(ticks.map((t) => clock.toLocal(t).day)).toEqual([6, 7, 8, 9, 10]);
    expect(ticks.every((t) => clock.toLocal(t).hour === 0)).toBe(true);
    expect((ticks[3] ?? 0) - (ticks[2] ?? 0)).toBe(23 * 3600);
  });

  it('steps hours so that no more than the limit fit', () => {
    const start = clock.fromLocal(2026, 11, 1);
    const { ticks, unit } = timeTicks(clock, start, clock.addLocalDays(start, 1), 10);
    expect(unit).toBe('hour');
    expect(ticks.length).toBeLessThanOrEqual(10);
    // 1 November is 25 hours long: nine 3-hour steps; the next midnight is past the day shown.
    expect(ticks.map((t) => clock.toLocal(t).hour)).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
  });

  it('uses month starts for a year', () => {
    const start = clock.fromLocal(2025, 12, 1);
    const { ticks, unit } = timeTicks(clock, start, clock.fromLocal(2026, 12, 1), 6);
    expect(unit).toBe('month');
    expect(ticks.map((t) => clock.toLocal(t).month)).toEqual([1, 3, 5, 7, 9, 11]);
  });
});

describe('axisTicks', () => {
  const ranges: [string, number, number][] = [
    ['a day', clock.fromLocal(2026, 11, 1), clock.fromLocal(2026, 11, 2)],
    ['a week', clock.fromLocal(2026, 11, 17), clock.fromLocal(2026, 11, 24)],
    ['30 days', clock.fromLocal(2026, 10, 25), clock.fromLocal(2026, 11, 24)],
    ['a year', clock.fromLocal(2025, 11, 24), clock.fromLocal(2026, 11, 24)],
    ['three years', clock.fromLocal(2023, 11, 24), clock.fromLocal(2026, 11, 24)],
  ];
  for (const [name, start, end] of ranges) {
    it(`labels ${name} without two labels touching or one off the plot, at phone to desktop widths`, () => {
      for (const width of [260, 328, 500, 800, 1150]) {
        const ticks = axisTicks(clock, start, end, width, undefined, { left: 40, right: 8 });
        expect(ticks.length, `${name} at ${width}px`).toBeGreaterThanOrEqual(2);
        const x = (t: number) => ((t - start) / (end - start)) * width;
        for (const [i, tick] of ticks.entries()) {
          expect(tick.at).toBeGreaterThanOrEqual(start);
          expect(tick.at).toBeLessThan(end);
          const next = ticks[i + 1];
          if (next)
            expect(x(next.at) - x(tick.at)).toBeGreaterThan(
              (labelWidth(tick.label) + labelWidth(next.label)) / 2,
            );
        }
      }
    });
  }

  it('never labels the day after the range (a 30-day range ends on its 30th day)', () => {
    const start = clock.fromLocal(2026, 10, 25);
    const end = clock.fromLocal(2026, 11, 24);
    const labels = axisTicks(clock, start, end, 1150, undefined, { left: 48, right: 8 }).map((t) => t.label);
    expect(labels).not.toContain('Nov 24');
    expect(labels[0]).toBe('Oct 25');
  });

  it('puts a day tick under the middle of its bar when days are bars', () => {
    const start = clock.fromLocal(2026, 11, 17);
    const ticks = axisTicks(clock, start, clock.fromLocal(2026, 11, 24), 800, 'day');
    expect(clock.toLocal(ticks[0]?.at ?? 0).hour).toBe(12);
    expect(ticks.map((t) => t.label)).toEqual([
      'Nov 17',
      'Nov 18',
      'Nov 19',
      'Nov 20',
      'Nov 21',
      'Nov 22',
      'Nov 23',
    ]);
  });
});
