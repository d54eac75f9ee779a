/**
 * How a cost grows with its input, for the tests that guard against quadratic time on hostile input:
 * the time at size 2n over the time at size n. A linear path gives about 2, a quadratic one about 4.
 * A ratio, never an absolute time, so the machine's speed cancels out; and CPU time of this process
 * rather than the clock, each the least of a few alternating runs, so other work on a shared machine
 * (which stretches the clock, not this process's CPU time) does not tip it.
 */

const RUNS = 5;

function timeOnce(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return spent.user + spent.system;
}

/** A linear path measures about 2; above this a measurement is taken again, as a busy machine can stretch one. */
const SETTLED = 2.5;
const ATTEMPTS = 3;

/** A measured growth: the ratio, and the CPU time (microseconds) of the larger input. */
export interface Growth {
  ratio: number;
  largeMicros: number;
}

/**
 * Time of `run(input(2n))` over time of `run(input(n))`, the inputs built before the clock starts: the
 * least of a few measurements, so one disturbed by other work is not taken for a quadratic path
 * (which measures about 4 every time).
 */
export function measureGrowth(input: (n: number) => string, n: number, run: (text: string) => void): Growth {
  const small = input(n);
  const large = input(2 * n);
  run(small); // warm the code paths up, so the first timing does not include compilation
  let growth: Growth = { ratio: Infinity, largeMicros: 0 };
  for (let attempt = 0; attempt < ATTEMPTS && growth.ratio > SETTLED; attempt++) {
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let i = 0; i < RUNS; i++) {
      bestSmall = Math.min(
        bestSmall,
        timeOnce(() => run(small)),
      );
      bestLarge = Math.min(
        bestLarge,
        timeOnce(() => run(large)),
      );
    }
    if (bestLarge / bestSmall < growth.ratio)
      growth = { ratio: bestLarge / bestSmall, largeMicros: bestLarge };
  }
  return growth;
}

export function growthRatio(input: (n: number) => string, n: number, run: (text: string) => void): number {
  return measureGrowth(input, n, run).ratio;
}
