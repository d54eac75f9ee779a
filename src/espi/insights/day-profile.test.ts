import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.ts';
import { createLocalTime } from '../local-time.ts';
import { hourlyProfile } from './day-profile.ts';
import { hourlyReading } from './test-readings.ts';

const utc = createLocalTime(undefined);
const DAY = 86_400;

describe('hourlyProfile', () => {
  it('averages each weekday hour, and weekdays and weekends apart', () => {
    // Mon 2024-01-01 (h Wh at hour h), Sat 2024-01-06 (2h Wh), Mon 2024-01-08 (h + 2 Wh); nothing between.
    const monday = Date.UTC(2024, 0, 1) / 1000;
    const days = new Map([
      [0, (h: number) => h],
      [5, (h: number) => 2 * h],
      [7, (h: number) => h + 2],
    ]);
    const reading = hourlyReading(monday, 8 * 24, (t) => {
      const day = Math.floor((t - monday) / DAY);
      return days.get(day)?.(((t - monday) % DAY) / 3600) ?? NaN;
    });
    const hours = aggregate(reading, { resolution: 'hour', clock: utc });
    const { heatmap, dayShape } = hourlyProfile(hours, utc, monday, monday + 8 * DAY);
    // Monday 03:00: (3 + 5) / 2 Wh = 0.004 kWh, from two samples; Saturday 03:00: 6 Wh.
    expect(hours.unit).toBe('kWh');
    expect(heatmap.cells[3]).toBeCloseTo(0.004, 12);
    expect(heatmap.samples[3]).toBe(2);
    expect(heatmap.cells[5 * 24 + 3]).toBeCloseTo(0.006, 12);
    expect(Number.isNaN(heatmap.cells[1 * 24 + 3] ?? 0)).toBe(true);
    expect(dayShape.weekday[3]).toBeCloseTo(0.004, 12);
    expect(dayShape.weekend[3]).toBeCloseTo(0.006, 12);
    expect([dayShape.weekdayDays, dayShape.weekendDays]).toEqual([2, 1]);
  });

  it('leaves out the hours outside its window', () => {
    const monday = Date.UTC(2024, 0, 1) / 1000;
    const reading = hourlyReading(monday, 48, () => 1000);
    const hours = aggregate(reading, { resolution: 'hour', clock: utc });
    const { heatmap, dayShape } = hourlyProfile(hours, utc, monday + DAY, monday + 2 * DAY);
    expect(heatmap.samples.reduce((a, b) => a + b, 0)).toBe(24);
    expect(heatmap.samples[24]).toBe(1);
    expect(dayShape.weekdayDays).toBe(1);
  });
});
