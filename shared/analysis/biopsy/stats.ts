// Probabilities from Monte Carlo counts, SCIENCE.md §4.3–4.4.
//   Wilson score interval: centre = (p̂ + z²/2n)/(1 + z²/n), half = z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²)
//   k i.i.d. biopsies: P_k = 1 − (1 − p)^k; biopsies for a target P*: k* = ⌈ln(1 − P*)/ln(1 − p)⌉

/** z of a two-sided 95 % interval. */
export const Z95 = 1.959964;

export interface Interval {
  /** p̂ = successes / n (NaN when n = 0). */
  readonly p: number;
  readonly lo: number;
  readonly hi: number;
}

/** Wilson score interval for `successes` of `n` trials; [0, 1] when n = 0. */
export function wilson(successes: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { p: NaN, lo: 0, hi: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** Half-width of the Wilson interval (what the early stop compares with its target). */
export function wilsonHalfWidth(successes: number, n: number, z = Z95): number {
  if (!(n > 0)) return Infinity;
  const p = successes / n;
  const z2 = z * z;
  return (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
}

/** P(at least one of k i.i.d. biopsies succeeds) = 1 − (1 − p)^k. */
export function atLeastOnce(p: number, k: number): number {
  return 1 - Math.pow(1 - p, k);
}

/** Smallest k with 1 − (1 − p)^k ≥ target; Infinity when p = 0, 1 when p ≥ target. */
export function biopsiesFor(p: number, target = 0.95): number {
  if (p >= target) return 1;
  if (!(p > 0)) return Infinity;
  if (p >= 1) return 1;
  // ⌈ln(1 − P*)/ln(1 − p)⌉, guarded against rounding just above a whole number
  const k = Math.log(1 - target) / Math.log(1 - p);
  const r = Math.round(k);
  return Math.abs(k - r) < 1e-9 ? Math.max(1, r) : Math.ceil(k);
}

export interface KNeeded {
  /** Smallest k with p_k ≥ target; null when it can never be reached (p₁ = 0 and no k ≤ K reaches it). */
  readonly k: number | null;
  /** True when k lies beyond the simulated K (from 1 − (1 − p₁)^k). */
  readonly extrapolated: boolean;
}

/**
 * Biopsies needed to reach `target` [0.95] from estimates p[k−1], k = 1…K: the smallest simulated
 * k with p ≥ target, else extrapolated from p₁ as 1 − (1 − p₁)^k (and never ≤ K, which fell short).
 */
export function kNeeded(pByK: ArrayLike<number>, target = 0.95): KNeeded {
  const K = pByK.length;
  for (let k = 1; k <= K; k++) if (pByK[k - 1]! >= target) return { k, extrapolated: false };
  if (K === 0) return { k: null, extrapolated: false };
  const k = biopsiesFor(pByK[0]!, target);
  return Number.isFinite(k) ? { k: Math.max(K + 1, k), extrapolated: true } : { k: null, extrapolated: true };
}
