import { describe, expect, it } from 'vitest';
import { labelFractions, mutationCcf, nodeCcf, subtreeCounts } from '../../../shared/sim/ccf.ts';
import { clonesOfCells, isCloneAncestor } from '../../../shared/sim/clones.ts';
import { punch, simulated, tumourCells } from './helpers.ts';

describe('CCF by counting and propagating to parents', () => {
  // tree: 0 → 1 → 3, 0 → 2; cells in nodes [0, 1, 1, 2, 3, 3] and one normal cell (−1)
  const parent = Int32Array.of(-1, 0, 0, 1);
  const nodeOfCell = Int32Array.of(0, 1, 1, 2, 3, 3, -1);

  it('counts subtrees by hand', () => {
    expect([...subtreeCounts(parent, 4, nodeOfCell)]).toEqual([6, 4, 1, 2]);
    expect([...subtreeCounts(parent, 4, nodeOfCell, [1, 4, 6])]).toEqual([2, 2, 0, 1]);
  });

  it('divides by the tumour cells of the subset, and maps nodes to their mutations', () => {
    const { ccf, tumourCells: n } = nodeCcf(parent, 4, nodeOfCell);
    expect(n).toBe(6);
    expect([...ccf]).toEqual([1, 4 / 6, 1 / 6, 2 / 6]);
    const firstMut = Int32Array.of(0, 2, 3, 5);
    const nMut = Int32Array.of(2, 1, 2, 1);
    expect([...mutationCcf(ccf, firstMut, nMut, 4, 6)]).toEqual([1, 1, 4 / 6, 1 / 6, 1 / 6, 2 / 6]);
    expect([...nodeCcf(parent, 4, nodeOfCell, [6]).ccf]).toEqual([0, 0, 0, 0]);
  });

  it('gives clone fractions of tumour cells that sum to 1', () => {
    const f = labelFractions(Int32Array.of(0, 1, 1, -1, 2), 3);
    expect([...f]).toEqual([0.25, 0.5, 0.25]);
  });
});

describe('CCF invariants on simulated tumours (SCIENCE.md §2.6)', () => {
  const sim = simulated('selective-sweep', 6000, 3);
  const { tree, clones, primary } = sim;
  const { section, clone } = primary;
  const isTumour = (i: number) => clone[i]! >= 0;
  // 12 punches of 150 µm across the section
  const samples: number[][] = [];
  for (let k = 0; k < 12; k++) {
    const cx = section.widthUm * (0.2 + 0.6 * ((k * 7) % 12) / 11);
    const cy = section.heightUm * (0.2 + 0.6 * ((k * 5) % 12) / 11);
    const cells = punch(section.x, section.y, isTumour, cx, cy, 150);
    if (cells.length) samples.push(cells);
  }
  samples.push(tumourCells(clone));

  it('truncal mutations have CCF 1 in every non-empty sample; CCF(parent) ≥ CCF(child) ≥ 0; Σ children ≤ parent', () => {
    expect(samples.length).toBeGreaterThan(5);
    for (const cells of samples) {
      const { ccf } = nodeCcf(tree.parent, tree.count, section.node, cells);
      expect(ccf[0]).toBe(1);
      const childSum = new Float64Array(tree.count);
      let violations = 0;
      for (let v = 1; v < tree.count; v++) {
        const p = tree.parent[v]!;
        if (ccf[p]! + 1e-12 < ccf[v]! || ccf[v]! < 0) violations++;
        childSum[p]! += ccf[v]!;
      }
      for (let v = 0; v < tree.count; v++) if (childSum[v]! > ccf[v]! + 1e-9) violations++;
      expect(violations).toBe(0);
      const mut = mutationCcf(ccf, tree.firstMut, tree.nMut, tree.count, tree.nextMut);
      for (let m = 0; m < 10; m++) expect(mut[m]).toBe(1);
    }
  });

  it('clone fractions sum to 1 in every sample', () => {
    for (const cells of samples) {
      const f = labelFractions(clone, clones.names.length, cells);
      expect(f.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('the clone tree gives the exact CCF of every listed mutation (a clone lists its own node’s mutations)', () => {
    const cells = tumourCells(clone);
    const { ccf: byNode } = nodeCcf(tree.parent, tree.count, section.node, cells);
    const byClone = nodeCcf(clones.parent, clones.names.length, clonesOfCells(clones, section.node), cells).ccf;
    for (let c = 0; c < clones.names.length; c++) {
      expect(byClone[c]).toBeCloseTo(byNode[clones.node[c]!]!, 12);
      // the same by the formula of SCIENCE.md §3.3: Σ over clones below c of n_c / n_T
      let sum = 0;
      for (const i of cells) if (isCloneAncestor(clones, c, clone[i]!)) sum++;
      expect(byClone[c]).toBeCloseTo(sum / cells.length, 12);
    }
  });
});
