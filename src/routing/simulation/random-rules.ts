/**
 * Seeded randomness (mulberry32), so a scenario with a seed always yields the same day, and the
 * policies are compared on identical arrivals.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller; 1 - u keeps the log away from 0. */
export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const z90 = 1.2815515655446004;

/** Lognormal with the given median and 90th percentile (p90 ≤ median gives a constant). */
export function lognormal(random: Random, median: number, p90: number): number {
  const sigma = p90 > median && median > 0 ? Math.log(p90 / median) / z90 : 0;
  return median * Math.exp(sigma * normal(random));
}

export function exponential(random: Random, rate: number): number {
  return -Math.log(1 - random()) / rate;
}

/** Index chosen with probability proportional to its weight. */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}
