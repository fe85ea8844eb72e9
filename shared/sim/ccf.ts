// Cancer cell fractions (SCIENCE.md §3.3) on any tree whose children have larger ids than their
// parents (the simulator's node table, or the clone tree): count the cells of a subset per node,
// add each node's count to its parent in reverse id order (O(#nodes)), divide by the subset's
// tumour cells. CCF(v) is then the fraction of tumour cells carrying the mutations of node v.

/**
 * Cells of the subset per node, including all descendants' cells (subtree counts).
 * nodeOfCell[i] < 0 marks a non-tumour cell (skipped). `cells` lists the subset (default: all).
 */
export function subtreeCounts(parent: Int32Array, nodeCount: number, nodeOfCell: ArrayLike<number>, cells?: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(nodeCount);
  if (cells) {
    for (let k = 0; k < cells.length; k++) {
      const v = nodeOfCell[cells[k]!]!;
      if (v >= 0) counts[v]!++;
    }
  } else {
    for (let i = 0; i < nodeOfCell.length; i++) {
      const v = nodeOfCell[i]!;
      if (v >= 0) counts[v]!++;
    }
  }
  propagateToParents(counts, parent, nodeCount);
  return counts;
}

/** In place: counts[parent[v]] += counts[v] for v from the last id down to 1. */
export function propagateToParents(counts: Float64Array, parent: Int32Array, nodeCount: number): void {
  for (let v = nodeCount - 1; v > 0; v--) {
    const p = parent[v]!;
    if (p >= 0) counts[p]! += counts[v]!;
  }
}

export interface SubsetCcf {
  /** CCF of each node in [0, 1]; all zero when the subset has no tumour cell. */
  readonly ccf: Float64Array;
  /** Tumour cells in the subset (the denominator n_T). */
  readonly tumourCells: number;
}

/** CCF of every node in a subset of cells (tumour cells only count). */
export function nodeCcf(parent: Int32Array, nodeCount: number, nodeOfCell: ArrayLike<number>, cells?: ArrayLike<number>): SubsetCcf {
  const counts = subtreeCounts(parent, nodeCount, nodeOfCell, cells);
  // the tumour cells are the sum over the roots (nodes without a parent)
  let total = 0;
  for (let v = 0; v < nodeCount; v++) if (parent[v]! < 0) total += counts[v]!;
  if (total > 0) for (let v = 0; v < nodeCount; v++) counts[v] = counts[v]! / total;
  return { ccf: counts, tumourCells: total };
}

/** CCF per mutation id: each mutation takes the CCF of the node that carries it. */
export function mutationCcf(ccfOfNode: Float64Array, firstMut: Int32Array, nMut: Int32Array, nodeCount: number, mutationCount: number): Float64Array {
  const out = new Float64Array(mutationCount);
  for (let v = 0; v < nodeCount; v++) for (let m = firstMut[v]!; m < firstMut[v]! + nMut[v]!; m++) if (m < mutationCount) out[m] = ccfOfNode[v]!;
  return out;
}

/** Fraction of the subset's tumour cells in each label (clone fractions f_c; they sum to 1). */
export function labelFractions(labelOfCell: ArrayLike<number>, labelCount: number, cells?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(labelCount);
  let total = 0;
  const add = (i: number) => {
    const c = labelOfCell[i]!;
    if (c >= 0) {
      out[c]!++;
      total++;
    }
  };
  if (cells) for (let k = 0; k < cells.length; k++) add(cells[k]!);
  else for (let i = 0; i < labelOfCell.length; i++) add(i);
  if (total > 0) for (let c = 0; c < labelCount; c++) out[c] = out[c]! / total;
  return out;
}
