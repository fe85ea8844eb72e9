// Marker intensities a multiplex panel would show (arbitrary units ≥ 0): a mean per cell type,
// shifted by clone (an EMT-like score per clone lowers PanCK and raises Vimentin), region (more
// Vimentin and Ki67 near the invasive front) and fitness (Ki67 positivity ∝ the clone's birth rate),
// times log-normal noise exp(σz − σ²/2) with σ = 0.35 (mean-preserving).

import type { CloneTree } from './clones.ts';
import { hashUnit, streamFor } from './rng.ts';
import { FIBROBLAST, MACROPHAGE, T_CELL, type Section } from './tissue.ts';

export const MARKERS = ['PanCK', 'Vimentin', 'CD8', 'CD68', 'Ki67'] as const;
export type MarkerName = (typeof MARKERS)[number];

const SIGMA = 0.35;
const STREAM_MARKERS = 21;

/** Mean PanCK, Vimentin, CD8, CD68 and Ki67-positive probability of the non-tumour types. */
const NON_TUMOUR: Readonly<Record<number, readonly [number, number, number, number, number]>> = {
  [FIBROBLAST]: [0.3, 6, 0.15, 0.3, 0.03],
  [T_CELL]: [0.2, 2.5, 7, 0.3, 0.1],
  [MACROPHAGE]: [0.2, 3, 0.15, 7, 0.05],
};
const KI67_POSITIVE = 6;
const KI67_NEGATIVE = 0.4;

/** EMT-like score of a clone in [0, 1): most clones low, a few high; fixed by its driver mutation. */
export function cloneEmtScore(clones: CloneTree, c: number, seed: number): number {
  return c === 0 ? 0.05 : hashUnit(seed, clones.firstMut[c]!, 3) ** 2;
}

/**
 * Intensities of MARKERS for every cell of the section (one Float32Array per marker).
 * cloneOfCell: clone index per cell (−1 non-tumour); birthRateOfNode and b0 set Ki67.
 */
export function markerLevels(section: Section, cloneOfCell: Int32Array, clones: CloneTree, birthRateOfNode: Float64Array, b0: number, frontWidthUm: number, seed: number): Float32Array[] {
  const n = section.n;
  const out = MARKERS.map(() => new Float32Array(n));
  const [panck, vim, cd8, cd68, ki67] = out as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  const rng = streamFor(seed, STREAM_MARKERS);
  const emt = Array.from(clones.names, (_, c) => cloneEmtScore(clones, c, seed));
  const sigma = Math.max(frontWidthUm / 4, 1e-9);
  const noise = () => Math.exp(SIGMA * rng.normal() - (SIGMA * SIGMA) / 2);
  for (let i = 0; i < n; i++) {
    const d = section.distance[i]!;
    const g = Math.exp(-(d * d) / (2 * sigma * sigma));
    const c = cloneOfCell[i]!;
    let means: readonly [number, number, number, number, number];
    if (c >= 0) {
      const e = emt[c]!;
      const fitness = birthRateOfNode[section.node[i]!]! / b0;
      means = [8 * (1 - 0.6 * e), 0.4 + 5 * e * (1 + g), 0.15, 0.3, Math.min(0.9, 0.25 * fitness * (1 + 0.5 * g))];
    } else means = NON_TUMOUR[section.cellType[i]!]!;
    panck[i] = means[0] * noise();
    vim[i] = means[1] * noise();
    cd8[i] = means[2] * noise();
    cd68[i] = means[3] * noise();
    ki67[i] = (rng.uniform() < means[4] ? KI67_POSITIVE : KI67_NEGATIVE) * noise();
  }
  return out;
}
