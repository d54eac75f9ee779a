/**
 * The benchmark contract. Every case measures itself against a baseline *in the same run* and
 * reports the ratio: the machines are small and noisy, so a bare time means nothing.
 */
export interface BenchResult {
  name: string;
  /** What was measured, in `unit`. */
  value: number;
  unit: string;
  /** The baseline measured in the same run (or a fixed budget), in `unit`. */
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** The goal for `ratio`. */
  goal: number;
  /** Whether the goal is met; `higherIsBetter` says in which direction. */
  met: boolean;
}

export interface BenchCase {
  name: string;
  /** Runs the case; may report several results (e.g. speed and memory). */
  run(): Promise<BenchResult[]>;
}

/** Builds a result from a value and its baseline, deriving ratio and met. */
export function result(
  name: string,
  measured: { value: number; unit: string; baseline: number },
  goal: { ratio: number; higherIsBetter: boolean },
): BenchResult {
  const ratio = measured.value / measured.baseline;
  const met = goal.higherIsBetter ? ratio >= goal.ratio : ratio <= goal.ratio;
  return { name, ...measured, ratio, goal: goal.ratio, met };
}

/** Median wall time in milliseconds of `runs` calls of `fn` (after one warm-up call). */
export async function medianMs(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
