// The tallies of one Monte Carlo iteration: for the design being evaluated (its k biopsies),
// which clones were detected, the pooled composition, and which tree clones every biopsy with
// tumour cells calls clonal (CCF ≥ τ). Plain counts are added to a MonteCarloPartial.

import type { Rng } from '../../sim/rng.ts';
import { detects } from './detection.ts';
import { ERROR_SCALE, type MonteCarloPartial } from './monte-carlo-result.ts';
import type { MonteCarloContext } from './monte-carlo.ts';
import { subtreeCountsInPlace } from './mutations.ts';

/** Per-design state of one iteration, and the tallies it adds to (no allocation per biopsy). */
export class Tally {
  readonly pooled: Float64Array;
  readonly seen: Uint8Array;
  readonly first: Int32Array;
  readonly nodeCounts: Float64Array;
  readonly clonal: Uint8Array;
  informative = 0;

  constructor(readonly ctx: MonteCarloContext, readonly out: MonteCarloPartial) {
    const C = ctx.section.clones.length;
    this.pooled = new Float64Array(C + 1);
    this.seen = new Uint8Array(C);
    this.first = new Int32Array(C);
    const N = ctx.section.tree?.clones.length ?? 0;
    this.nodeCounts = new Float64Array(N);
    this.clonal = new Uint8Array(N);
  }

  startDesign(): void {
    this.pooled.fill(0);
    this.seen.fill(0);
    this.clonal.fill(1);
    this.informative = 0;
  }

  /** One biopsy's counts (counts[at …], K categories): detection into `seen`, pooling, clonal calls. */
  biopsy(counts: Int32Array, at: number, reads: Rng | null): void {
    const { ctx, pooled, seen } = this;
    const { section, design } = ctx;
    const C = section.clones.length;
    let nT = 0;
    for (let c = 0; c < C; c++) nT += counts[at + c]!;
    for (let c = 0; c <= C; c++) pooled[c]! += counts[at + c]!;
    const rule = design.detect;
    const needCcf = rule.kind !== 'any' && rule.kind !== 'cells';
    const tree = section.tree, treeIndex = section.treeIndex;
    if (tree && treeIndex) {
      const sub = this.nodeCounts;
      sub.fill(0);
      for (let c = 0; c < C; c++) if (treeIndex[c]! >= 0) sub[treeIndex[c]!]! += counts[at + c]!;
      subtreeCountsInPlace(tree, sub);
      if (nT > 0) for (let t = 0; t < sub.length; t++) if (sub[t]! < design.tau * nT) this.clonal[t] = 0;
    }
    if (nT > 0) this.informative++;
    const other = counts[at + C]!;
    const purity = design.purity ?? (nT + other > 0 ? nT / (nT + other) : 0);
    for (let c = 0; c < C; c++) {
      const u = reads ? reads.uniform() : 0; // one draw per clone and biopsy, detected or not
      if (seen[c]) continue;
      const own = counts[at + c]!;
      let ccf = 0;
      if (needCcf && nT > 0) ccf = (treeIndex && treeIndex[c]! >= 0 ? this.nodeCounts[treeIndex[c]!]! : own) / nT;
      if (detects(rule, own, ccf, purity, u)) seen[c] = 1;
    }
  }

  /** Tallies the design with k biopsies: composition error and illusions (detection is tallied by the caller). */
  endDesign(k: number): void {
    const { ctx, pooled, out } = this;
    const { section } = ctx;
    const C = section.clones.length, K = out.K;
    let T = 0;
    for (let c = 0; c < C; c++) T += pooled[c]!;
    if (T > 0) {
      let abs = 0;
      for (let c = 0; c < C; c++) abs += Math.abs(pooled[c]! / T - section.cloneCells[c]! / section.tumourCells);
      out.informative[k - 1]!++;
      out.maeSum[k - 1]! += Math.round((abs / Math.max(1, C)) * ERROR_SCALE);
      out.tvdSum[k - 1]! += Math.round((abs / 2) * ERROR_SCALE);
    }
    const truth = ctx.tree;
    if (!truth || this.informative === 0) return;
    let any = false;
    for (let t = 0; t < this.clonal.length; t++) {
      if (!this.clonal[t] || truth.weight[t] === 0) continue;
      out.truncalCalls[k - 1]! += truth.weight[t]!;
      if (!truth.subclonal[t]) continue;
      any = true;
      out.illusionMutations[k - 1]! += truth.weight[t]!;
      out.illusionNode[t * K + k - 1]!++;
    }
    if (any) out.illusionAny[k - 1]!++;
  }
}
