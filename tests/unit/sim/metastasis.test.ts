import { describe, expect, it } from 'vitest';
import { REGION_CORE, REGION_FRONT } from '../../../shared/analysis/regions.ts';
import { nodeCcf } from '../../../shared/sim/ccf.ts';
import { CLONAL_CCF } from '../../../shared/sim/metastasis.ts';
import type { Simulation } from '../../../shared/sim/simulate.ts';
import { simulated, tumourCells } from './helpers.ts';

/** Nodes clonal (CCF ≥ τ) in the core and in the invasive front of the primary: its truncal mutations. */
function primaryTruncal(sim: Simulation): number[] {
  const { tree, primary } = sim;
  const clonal = new Uint8Array(tree.count).fill(1);
  for (const region of [REGION_CORE, REGION_FRONT]) {
    const cells = tumourCells(primary.clone).filter((i) => primary.section.region[i] === region);
    const { ccf } = nodeCcf(tree.parent, tree.count, primary.section.node, cells);
    for (let v = 0; v < tree.count; v++) if (ccf[v]! < CLONAL_CCF) clonal[v] = 0;
  }
  return [...clonal.keys()].filter((v) => clonal[v]);
}

const metCcf = (sim: Simulation) => nodeCcf(sim.tree.parent, sim.tree.count, sim.metastasis!.section.node).ccf;
const met = (mode: 'late' | 'early') => ({ mode, cells: 2500, seed: 77, privateMutations: 5 });

describe('metastasis', () => {
  it('late: carries every mutation truncal in the primary, plus the seeding cell’s whole lineage', () => {
    for (const seed of [1, 2]) {
      const sim = simulated('selective-sweep', 6000, seed, { metastasis: met('late') });
      const ccf = metCcf(sim);
      const truncal = primaryTruncal(sim);
      expect(truncal).toContain(0);
      for (const v of truncal) expect(ccf[v]).toBe(1);
      const info = sim.metastasisInfo!;
      expect(info.branch.seedingCell).toBeGreaterThanOrEqual(0);
      const seedingNode = sim.primary.section.node[info.branch.seedingCell]!;
      for (const v of sim.tree.ancestors(seedingNode)) expect(ccf[v]).toBe(1);
      // its founder clone hangs below the seeding cell's clone in the one combined clone tree
      expect(sim.clones.parent[info.founderClone]).toBe(sim.primary.clone[info.branch.seedingCell]);
    }
  });

  it('early: lacks mutations that are clonal in every region of the primary (no sweep: the trunk is split)', () => {
    const sim = simulated('big-bang', 6000, 1, { metastasis: met('early') });
    expect(sim.metastasisInfo!.branch.rootSplit).toBe(true);
    const ccf = metCcf(sim);
    const truncal = primaryTruncal(sim);
    const missing = truncal.filter((v) => ccf[v] === 0);
    expect(missing.length).toBeGreaterThan(0);
    expect(sim.tree.nMut[missing[0]!]).toBe(5); // the second half of the 10 truncal mutations
    expect(ccf[0]).toBe(1); // the ancestral trunk is shared
    // node 0 holds no cell of the primary: every primary tumour cell descends from node 1
    const primaryCcf = nodeCcf(sim.tree.parent, sim.tree.count, sim.primary.section.node).ccf;
    expect(primaryCcf[1]).toBe(1);
  });

  it('early: branches off before a real clonal sweep when the primary has one', () => {
    const sim = simulated('selective-sweep', 8000, 6, { metastasis: met('early') });
    const info = sim.metastasisInfo!;
    expect(info.branch.rootSplit).toBe(false);
    const sweep = info.branch.referenceNode;
    expect(sim.tree.isDriver[sweep]).toBe(1);
    expect(primaryTruncal(sim)).toContain(sweep);
    expect(metCcf(sim)[sweep]).toBe(0);
  });

  it('shares one genealogy: metastasis nodes come after the primary’s, clones map onto one tree', () => {
    const sim = simulated('selective-sweep', 4000, 2, { metastasis: met('late') });
    const primaryMax = Math.max(...sim.primary.section.node);
    const metNodes = sim.metastasis!.section.node.filter((v) => v >= 0);
    const founder = sim.clones.node[sim.metastasisInfo!.founderClone]!;
    expect(founder).toBeGreaterThan(primaryMax);
    for (const v of metNodes) expect(v === founder || v > founder || sim.tree.isAncestor(v, founder)).toBe(true);
    for (let c = 1; c < sim.clones.names.length; c++) expect(sim.clones.parent[c]).toBeLessThan(c);
    expect(new Set(sim.clones.names).size).toBe(sim.clones.names.length);
  });
});
