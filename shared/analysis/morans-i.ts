// Moran's I on a binary neighbour graph (SCIENCE.md §3.4; Moran 1950):
//   I = (N/W) · Σ_i Σ_j w_ij (x_i − x̄)(x_j − x̄) / Σ_i (x_i − x̄)²,  W = Σ w_ij,  E[I] = −1/(N−1).
// For a clone c use the indicator x_i = 1[clone(i) = c]. I ≈ 1: the clone forms compact patches;
// I ≈ 0: scattered at random; I < 0: interleaved with the other cells (a checkerboard gives −1).

import type { Rng } from '../sim/rng.ts';
import type { NeighbourGraph } from './neighbour-graph.ts';

/** Moran's I of values x over the graph; NaN when x is constant or the graph has no edges. */
export function moransI(x: ArrayLike<number>, graph: NeighbourGraph): number {
  const n = graph.n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let denom = 0;
  let num = 0;
  const { offsets, neighbours } = graph;
  for (let i = 0; i < n; i++) {
    const zi = x[i]! - mean;
    denom += zi * zi;
    let s = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) s += x[neighbours[e]!]! - mean;
    num += zi * s;
  }
  const W = neighbours.length;
  return W === 0 || denom === 0 ? NaN : (n / W) * (num / denom);
}

/** Indicator 1[labels[i] = value] as a Float64Array. */
export function indicator(labels: ArrayLike<number>, value: number): Float64Array {
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = labels[i] === value ? 1 : 0;
  return out;
}

export interface MoranTest {
  readonly I: number;
  readonly expected: number;
  /** Pseudo p-value (1 + #{I_perm ≥ I}) / (1 + perms), one-sided for clustering. */
  readonly p: number;
}

/** Moran's I with a label-permutation test (perms shuffles drawn from rng). */
export function moransITest(x: ArrayLike<number>, graph: NeighbourGraph, perms: number, rng: Rng): MoranTest {
  const I = moransI(x, graph);
  const shuffled = Float64Array.from(x);
  let atLeast = 0;
  for (let k = 0; k < perms; k++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      const t = shuffled[i]!;
      shuffled[i] = shuffled[j]!;
      shuffled[j] = t;
    }
    if (moransI(shuffled, graph) >= I) atLeast++;
  }
  return { I, expected: -1 / (graph.n - 1), p: (1 + atLeast) / (1 + perms) };
}
