import { describe, expect, it } from 'vitest';
import { lttb, minMaxDownsample, targetPointsFor } from './downsample.ts';

/** A year of 15-minute readings: a daily wave, a few spikes, deterministic. */
function series(n: number): { x: Float64Array; y: Float64Array } {
  const x = Float64Array.from({ length: n }, (_, i) => 1_704_067_200 + i * 900);
  const y = Float64Array.from(
    { length: n },
    (_, i) => 1 + Math.sin((i / 96) * 2 * Math.PI) + (i % 9973 === 0 ? 50 : 0),
  );
  return { x, y };
}

const isAscending = (idx: Uint32Array) => idx.every((v, i) => i === 0 || v > (idx[i - 1] ?? -1));

describe('minMaxDownsample', () => {
  const { x, y } = series(35_040);
  const idx = minMaxDownsample(x, y, targetPointsFor(800));

  it('returns about two points per pixel, in order, first and last included', () => {
    expect(idx.length).toBeLessThanOrEqual(1602);
    expect(idx.length).toBeGreaterThan(1000);
    expect(isAscending(idx)).toBe(true);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(35_039);
  });

  it('keeps every peak', () => {
    for (let i = 0; i < 35_040; i += 9973) if (i > 0) expect(Array.from(idx)).toContain(i);
    const kept = Array.from(idx, (i) => y[i] ?? NaN);
    expect(Math.max(...kept)).toBe(Math.max(...y));
    expect(Math.min(...kept)).toBe(Math.min(...y));
  });

  it('keeps a gap visible', () => {
    const gappy = Float64Array.from(y);
    gappy.fill(NaN, 10_000, 12_000);
    const out = minMaxDownsample(x, gappy, 400);
    expect(Array.from(out)).toContain(10_000);
    expect(isAscending(out)).toBe(true);
  });

  it('returns everything when there is little data', () => {
    expect(Array.from(minMaxDownsample([1, 2, 3], [3, 2, 1], 100))).toEqual([0, 1, 2]);
  });
});

describe('lttb', () => {
  const { x, y } = series(10_000);

  it('returns the target count, in order, with the ends', () => {
    const idx = lttb(x, y, 500);
    expect(idx.length).toBe(500);
    expect(isAscending(idx)).toBe(true);
    expect(idx[0]).toBe(0);
    expect(idx[499]).toBe(9_999);
  });

  it('picks the spike of a flat series', () => {
    const flat = new Float64Array(1000).fill(1);
    flat[437] = 9;
    expect(
      Array.from(
        lttb(
          Float64Array.from({ length: 1000 }, (_, i) => i),
          flat,
          50,
        ),
      ),
    ).toContain(437);
  });

  it('keeps gap starts', () => {
    const gappy = Float64Array.from(y);
    gappy.fill(NaN, 5_000, 5_500);
    const idx = lttb(x, gappy, 300);
    expect(Array.from(idx)).toContain(5_000);
    expect(isAscending(idx)).toBe(true);
  });
});
