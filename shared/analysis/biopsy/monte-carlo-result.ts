// Monte Carlo tallies: a partial result is plain counts over a set of iterations, so partials from
// workers (any split of the iteration range) merge by addition into exactly the numbers one run
// would give. Real-valued sums (composition errors) are kept as whole multiples of 2⁻²⁴, so their
// sums do not depend on the order of addition either.

import { kNeeded, wilson, wilsonHalfWidth, type Interval } from './stats.ts';

/** Fixed-point scale of the error sums. */
export const ERROR_SCALE = 2 ** 24;

export interface MonteCarloPartial {
  /** Iterations tallied, and the half-open ranges [from, to) they came from. */
  readonly iterations: number;
  readonly ranges: readonly (readonly [number, number])[];
  /** K biopsies (designs k = 1…K), C clones, N tree clones (0 without a tree). */
  readonly K: number;
  readonly C: number;
  readonly N: number;
  /** [c·K + k−1]: iterations where the design with k biopsies detected clone c. */
  readonly detected: Float64Array;
  /** [k−1]: iterations whose k biopsies held at least one tumour cell (the composition is defined). */
  readonly informative: Float64Array;
  /** [k−1]: Σ round(2²⁴ · error) of the pooled composition of the k biopsies vs the section. */
  readonly maeSum: Float64Array;
  readonly tvdSum: Float64Array;
  /** [k−1]: iterations with at least one illusion of clonality (tree only). */
  readonly illusionAny: Float64Array;
  /** [t·K + k−1]: iterations where tree clone t's mutations were an illusion of clonality. */
  readonly illusionNode: Float64Array;
  /** [k−1]: Σ mutations called truncal (clonal in every biopsy with tumour cells), and Σ of those that are illusions. */
  readonly truncalCalls: Float64Array;
  readonly illusionMutations: Float64Array;
}

export function emptyPartial(K: number, C: number, N: number): MonteCarloPartial {
  const z = (n: number) => new Float64Array(n);
  return {
    iterations: 0, ranges: [], K, C, N,
    detected: z(C * K), informative: z(K), maeSum: z(K), tvdSum: z(K),
    illusionAny: z(K), illusionNode: z(N * K), truncalCalls: z(K), illusionMutations: z(K),
  };
}

const ARRAYS = ['detected', 'informative', 'maeSum', 'tvdSum', 'illusionAny', 'illusionNode', 'truncalCalls', 'illusionMutations'] as const;

/** The sum of two partials of the same design over disjoint iteration ranges. */
export function mergePartials(a: MonteCarloPartial, b: MonteCarloPartial): MonteCarloPartial {
  if (a.K !== b.K || a.C !== b.C || a.N !== b.N) throw new RangeError('These partial results come from different designs.');
  for (const [f, t] of b.ranges)
    for (const [g, u] of a.ranges) if (f < u && g < t) throw new RangeError(`Iterations ${Math.max(f, g)}…${Math.min(t, u) - 1} were counted twice.`);
  const out = emptyPartial(a.K, a.C, a.N);
  for (const key of ARRAYS) {
    const o = out[key], x = a[key], y = b[key];
    for (let i = 0; i < o.length; i++) o[i] = x[i]! + y[i]!;
  }
  const ranges = [...a.ranges, ...b.ranges].sort((p, q) => p[0] - q[0]);
  // join touching ranges: [0, 500) + [500, 1000) = [0, 1000)
  const joined: [number, number][] = [];
  for (const [f, t] of ranges) {
    const last = joined[joined.length - 1];
    if (last && last[1] === f) last[1] = t;
    else joined.push([f, t]);
  }
  return { ...out, iterations: a.iterations + b.iterations, ranges: joined };
}

/** The widest Wilson 95 % half-width among the reported probabilities (detection, and illusion with a tree). */
export function maxHalfWidth(p: MonteCarloPartial): number {
  if (p.iterations === 0) return Infinity;
  let w = 0;
  for (let i = 0; i < p.detected.length; i++) w = Math.max(w, wilsonHalfWidth(p.detected[i]!, p.iterations));
  if (p.N > 0) for (let k = 0; k < p.K; k++) w = Math.max(w, wilsonHalfWidth(p.illusionAny[k]!, p.iterations));
  return w;
}

export interface DetectionPoint extends Interval {
  readonly k: number;
}

export interface CloneDetection {
  readonly clone: string;
  /** Share of the section's tumour cells. */
  readonly trueFraction: number;
  readonly cells: number;
  /** k = 1…K: P(detected with k biopsies), Wilson 95 %. */
  readonly detection: readonly DetectionPoint[];
  /** Smallest k with p ≥ 0.95 (beyond K: from 1 − (1 − p₁)^k); null when p₁ = 0. */
  readonly kNeeded95: number | null;
  readonly kNeeded95Extrapolated: boolean;
}

export interface CompositionError {
  readonly k: number;
  /** Mean over iterations of (1/C) Σ_c |f̂_c − f_c| (pooled tumour cells of the k biopsies vs the section). */
  readonly mae: number;
  /** Mean total-variation distance ½ Σ_c |f̂_c − f_c|: the share of the tumour the biopsies mis-assign. */
  readonly tvd: number;
  /** Share of iterations whose k biopsies held tumour cells (the others have no composition). */
  readonly informative: number;
}

export interface IllusionPoint extends Interval {
  readonly k: number;
  /** Σ illusions / Σ mutations called truncal (PCAWG form); NaN when nothing was called truncal. */
  readonly illusionFraction: number;
  /** Mean number of mutations called truncal per design. */
  readonly truncalCalls: number;
}

export interface NodeIllusion {
  /** Tree clone whose branch mutations are concerned, their number, and their CCF in the section. */
  readonly clone: string;
  readonly mutations: number;
  readonly trueCcf: number;
  readonly byK: readonly DetectionPoint[];
}

export interface Tallies {
  readonly detection: readonly CloneDetection[];
  /** k = 1…K: expected fraction of the section's clones detected (mean of the clones' p). */
  readonly expectedFractionDetected: readonly number[];
  readonly compositionError: readonly CompositionError[];
  readonly illusion?: readonly IllusionPoint[];
  /** Tree clones with an illusion in at least one iteration. */
  readonly illusionByClone?: readonly NodeIllusion[];
  readonly maxHalfWidth: number;
}

export interface TallyLabels {
  readonly clones: readonly string[];
  readonly cloneCells: ArrayLike<number>;
  readonly tumourCells: number;
  readonly nodes?: readonly string[];
  readonly nodeMutations?: ArrayLike<number>;
  readonly nodeCcf?: ArrayLike<number>;
}

/** Probabilities, intervals and means from the counts. */
export function tallies(p: MonteCarloPartial, l: TallyLabels): Tallies {
  const { K, C, N, iterations: n } = p;
  const ks = Array.from({ length: K }, (_, i) => i + 1);
  const detection = l.clones.map((clone, c): CloneDetection => {
    const points = ks.map((k) => ({ k, ...wilson(p.detected[c * K + k - 1]!, n) }));
    const need = kNeeded(points.map((q) => q.p));
    return { clone, trueFraction: l.tumourCells > 0 ? l.cloneCells[c]! / l.tumourCells : NaN, cells: l.cloneCells[c]!, detection: points, kNeeded95: need.k, kNeeded95Extrapolated: need.extrapolated };
  });
  const expectedFractionDetected = ks.map((k) => (C > 0 ? detection.reduce((s, d) => s + d.detection[k - 1]!.p, 0) / C : NaN));
  const compositionError = ks.map((k) => {
    const m = p.informative[k - 1]!;
    return { k, mae: m > 0 ? p.maeSum[k - 1]! / ERROR_SCALE / m : NaN, tvd: m > 0 ? p.tvdSum[k - 1]! / ERROR_SCALE / m : NaN, informative: n > 0 ? m / n : NaN };
  });
  const out: Tallies = { detection, expectedFractionDetected, compositionError, maxHalfWidth: maxHalfWidth(p) };
  if (N === 0 || !l.nodes) return out;
  const illusion = ks.map((k) => ({
    k, ...wilson(p.illusionAny[k - 1]!, n),
    illusionFraction: p.truncalCalls[k - 1]! > 0 ? p.illusionMutations[k - 1]! / p.truncalCalls[k - 1]! : NaN,
    truncalCalls: n > 0 ? p.truncalCalls[k - 1]! / n : NaN,
  }));
  const illusionByClone: NodeIllusion[] = [];
  for (let t = 0; t < N; t++) {
    let any = 0;
    for (let k = 0; k < K; k++) any += p.illusionNode[t * K + k]!;
    if (any === 0) continue;
    illusionByClone.push({ clone: l.nodes[t]!, mutations: l.nodeMutations?.[t] ?? 0, trueCcf: l.nodeCcf?.[t] ?? NaN, byK: ks.map((k) => ({ k, ...wilson(p.illusionNode[t * K + k - 1]!, n) })) });
  }
  return { ...out, illusion, illusionByClone };
}
