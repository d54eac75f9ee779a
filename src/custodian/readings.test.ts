import { describe, expect, it } from 'vitest';
import { findUsagePoint } from './directory.ts';
import { blockSpans, dataEnd, generateBlock, zoneOf, ESTIMATED, HISTORY_DAYS } from './readings.ts';
import { millisOf } from '../espi/index.ts';

const now = Date.parse('2025-06-15T12:00:00Z') / 1000;
const household = findUsagePoint('up-1001-e');
const gas = findUsagePoint('up-1001-g');
if (!household || !gas) throw new Error('directory changed');
const [delivered, received] = household.readings;
if (!delivered || !received) throw new Error('directory changed');

describe('the seeded generator', () => {
  it('publishes late: data ends at a local midnight more than 30 hours before now', () => {
    const end = dataEnd(zoneOf('America/Los_Angeles'), now);
    expect(new Date(millisOf(end)).toISOString()).toBe('2025-06-13T07:00:00.000Z');
    const spans = blockSpans(household, -Infinity, Infinity, now);
    expect(spans).toHaveLength(HISTORY_DAYS);
    expect(spans.at(-1)?.end).toBe(end);
  });

  it('cuts blocks at local midnight: 23 and 25 readings-hours on DST days', () => {
    const spans = blockSpans(household, -Infinity, Infinity, now);
    const spring = spans.find((s) => s.key === '20250309');
    const autumn = spans.find((s) => s.key === '20241103');
    expect(spring && (spring.end - spring.start) / 3600).toBe(23);
    expect(autumn && (autumn.end - autumn.start) / 3600).toBe(25);
    const day = spans.find((s) => s.key === '20250310');
    expect(day && generateBlock(household, delivered, day, false).readings.count).toBeGreaterThanOrEqual(80);
  });

  it('gives the same readings whichever window asks for them', () => {
    const [a] = blockSpans(household, Date.parse('2025-01-10T08:00:00Z') / 1000, Infinity, now);
    const [b] = blockSpans(
      household,
      Date.parse('2025-01-10T00:00:00Z') / 1000,
      Date.parse('2025-01-12T00:00:00Z') / 1000,
      now,
    );
    expect(a?.key).toBe(b?.key);
    if (!a || !b) return;
    expect(Array.from(generateBlock(household, delivered, a, true).readings.value)).toEqual(
      Array.from(generateBlock(household, delivered, b, true).readings.value),
    );
  });

  it('has solar export at midday in summer and none at night, more use in winter evenings', () => {
    const [june] = blockSpans(household, Date.parse('2025-06-01T07:00:00Z') / 1000, Infinity, now);
    if (!june) throw new Error('no block');
    const exported = generateBlock(household, received, june, false).readings;
    const at = (hour: number) => exported.value[(hour * 3600) / 900] ?? NaN;
    expect(at(2)).toBe(0);
    expect(at(13)).toBeGreaterThan(0);
  });

  it('marks some readings estimated and leaves a gap now and then', () => {
    const spans = blockSpans(household, -Infinity, Infinity, now).slice(-200);
    const blocks = spans.map((s) => generateBlock(household, delivered, s, false).readings);
    expect(blocks.some((r) => Array.from(r.quality).includes(ESTIMATED))).toBe(true);
    const expected = (s: { start: number; end: number }) => (s.end - s.start) / 900;
    expect(spans.some((s, i) => (blocks[i]?.count ?? 0) < expected(s))).toBe(true);
  });

  it('serves daily gas in monthly blocks, more in winter', () => {
    const months = blockSpans(gas, -Infinity, Infinity, now);
    expect(months.at(-1)?.key).toBe('202506');
    const total = (key: string) => {
      const span = months.find((m) => m.key === key);
      return span ? generateBlock(gas, gas.readings[0] ?? delivered, span, false).total : NaN;
    };
    expect(total('202501')).toBeGreaterThan(3 * total('202407'));
  });
});
