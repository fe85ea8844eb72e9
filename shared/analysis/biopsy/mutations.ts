// CCF, expected VAF and clonal calls, SCIENCE.md §3.3.
//   CCF_m(S) = Σ_{c : m ∈ M(anc(c))} n_c(S) / n_T(S)                 (tumour cells only)
//   VAF = ρ·CCF·m / (ρ·CN_t + 2(1−ρ))   (CNAqc; normal cells diploid)   inverse CCF = VAF·((CN_t−2)ρ + 2)/(m·ρ)
//   heterozygous diploid (CN_t = 2, m = 1): VAF = ρ·CCF/2, CCF = 2·VAF/ρ
//   clonal call: CCF ≥ τ (τ = 0.9); illusion of clonality: clonal in every biopsy, CCF(tumour) < τ
// A mutation's CCF is the CCF of the clone whose branch carries it, so everything here works per
// tree clone ("node") and every mutation of a branch shares its numbers.

import type { CloneTree } from '../clone-tree.ts';

/** Default clonal-call threshold τ. */
export const TAU = 0.9;

export interface CopyState {
  /** Tumour total copy number CN_t [2]. */
  readonly copyNumber?: number;
  /** Mutation multiplicity m (copies carrying it) [1]. */
  readonly multiplicity?: number;
}

/** Expected VAF of a mutation at CCF `ccf` in a sample of purity ρ (normal cells diploid). */
export function expectedVaf(ccf: number, purity: number, s: CopyState = {}): number {
  const cn = s.copyNumber ?? 2, m = s.multiplicity ?? 1;
  const denom = purity * cn + 2 * (1 - purity);
  return denom > 0 ? (purity * ccf * m) / denom : 0;
}

/** CCF from an observed VAF at purity ρ (the inverse of expectedVaf); NaN when ρ = 0. */
export function ccfFromVaf(vaf: number, purity: number, s: CopyState = {}): number {
  const cn = s.copyNumber ?? 2, m = s.multiplicity ?? 1;
  return purity > 0 ? (vaf * ((cn - 2) * purity + 2)) / (m * purity) : NaN;
}

/** ρ = n_T / n_all; NaN for an empty sample. */
export function purityOf(tumourCells: number, allCells: number): number {
  return allCells > 0 ? tumourCells / allCells : NaN;
}

/**
 * Subtree cell counts of every tree clone, in place: `sub` holds each tree clone's own cells on
 * entry and its subtree's cells on return (children are added to parents, deepest first).
 */
export function subtreeCountsInPlace(tree: CloneTree, sub: Float64Array): void {
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const c = tree.order[k]!;
    const p = tree.parent[c]!;
    if (p >= 0) sub[p]! += sub[c]!;
  }
}

/**
 * CCF of every tree clone in a sample from per-category counts (the section's clone indices, then
 * the other cells); `treeIndex` maps section clones to tree clones (−1: not in the tree, counted in
 * n_T only). Returns zeros for a sample without tumour cells.
 */
export function nodeCcf(tree: CloneTree, treeIndex: Int32Array, counts: ArrayLike<number>, out = new Float64Array(tree.clones.length)): Float64Array {
  out.fill(0);
  let nT = 0;
  for (let c = 0; c < treeIndex.length; c++) {
    const n = counts[c]!;
    nT += n;
    const t = treeIndex[c]!;
    if (t >= 0) out[t]! += n;
  }
  subtreeCountsInPlace(tree, out);
  if (nT > 0) for (let t = 0; t < out.length; t++) out[t]! /= nT;
  return out;
}

/** Every mutation of the tree with the tree clone whose branch carries it, in table order. */
export function treeMutations(tree: CloneTree): { readonly names: string[]; readonly node: Int32Array } {
  const names: string[] = [];
  const node: number[] = [];
  tree.mutations.forEach((ms, c) => ms.forEach((m) => (names.push(m), node.push(c))));
  return { names, node: Int32Array.from(node) };
}

/** Mutations on each tree clone's own branch (how many mutations a node's call stands for). */
export function mutationsPerNode(tree: CloneTree): Float64Array {
  return Float64Array.from(tree.mutations, (m) => m.length);
}
