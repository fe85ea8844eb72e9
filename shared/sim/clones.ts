// The clone tree: genotype nodes collapsed onto their nearest reported driver ancestor.
//
// A clone is a driver node (the root counts) whose lineage holds at least `minFraction` of the
// tumour cells of some section, plus any node forced in (a metastasis founder). Reported nodes are
// closed under ancestry among drivers (a lineage's count never exceeds its ancestor's), clones are
// numbered C0, C1, … in node-id order, so a clone's parent always has a smaller index.
//
// Mutations of a clone = the mutations of its own node only (the driver event: its driver plus the
// passengers gained in the same division; for the root the n_truncal truncal mutations). Every
// cell of the clone and of its descendant clones carries them, and no other cell does, so the CCF
// computed from the clone tree (SCIENCE.md §3.3) is exact for every listed mutation. Neutral
// mutations of other nodes are subclonal passengers and are not listed.

import { subtreeCounts } from './ccf.ts';
import type { NodeTable } from './genealogy.ts';

export interface CloneTree {
  readonly names: readonly string[];
  /** Parent clone index; −1 for the root clone. */
  readonly parent: Int32Array;
  /** Genotype node of each clone. */
  readonly node: Int32Array;
  /** The clone node's own mutations: ids [firstMut, firstMut + nMut). */
  readonly firstMut: Int32Array;
  readonly nMut: Int32Array;
  /** Time the clone's founding division happened (units of 1/b₀). */
  readonly tBirth: Float64Array;
  /** Clone index of every genotype node (its nearest reported ancestor, itself included). */
  readonly cloneOfNode: Int32Array;
}

/** Mutation id → name in the clone tree CSV ("M1" is mutation 0, the tumour-initiating driver). */
export function mutationName(m: number): string {
  return `M${m + 1}`;
}

/**
 * Collapses the node table to its clone tree. `sections` holds the node of every cell of each
 * section (−1 = not a tumour cell); the fraction threshold applies per section.
 */
export function buildCloneTree(tree: NodeTable, sections: readonly ArrayLike<number>[], minFraction: number, forced: readonly number[] = []): CloneTree {
  const nodes = tree.count;
  const reported = new Uint8Array(nodes);
  for (const v of forced) reported[v] = 1;
  for (let v = 0; v < nodes; v++) if (tree.parent[v]! < 0) reported[v] = 1;
  for (const section of sections) {
    const counts = subtreeCounts(tree.parent, nodes, section);
    let total = 0;
    for (let v = 0; v < nodes; v++) if (tree.parent[v]! < 0) total += counts[v]!;
    if (total === 0) continue;
    for (let v = 0; v < nodes; v++) if (tree.isDriver[v] && counts[v]! > 0 && counts[v]! / total >= minFraction) reported[v] = 1;
  }
  const cloneOfNode = new Int32Array(nodes);
  const node: number[] = [];
  for (let v = 0; v < nodes; v++) {
    if (reported[v]) {
      cloneOfNode[v] = node.length;
      node.push(v);
    } else cloneOfNode[v] = tree.parent[v]! >= 0 ? cloneOfNode[tree.parent[v]!]! : -1;
  }
  const count = node.length;
  const out = {
    names: node.map((_, c) => `C${c}`),
    parent: new Int32Array(count),
    node: Int32Array.from(node),
    firstMut: new Int32Array(count),
    nMut: new Int32Array(count),
    tBirth: new Float64Array(count),
    cloneOfNode,
  };
  node.forEach((v, c) => {
    out.parent[c] = tree.parent[v]! >= 0 ? cloneOfNode[tree.parent[v]!]! : -1;
    out.firstMut[c] = tree.firstMut[v]!;
    out.nMut[c] = tree.nMut[v]!;
    out.tBirth[c] = tree.tBirth[v]!;
  });
  return out;
}

/** Clone index of each cell (−1 for non-tumour cells). */
export function clonesOfCells(clones: CloneTree, nodeOfCell: ArrayLike<number>): Int32Array {
  const out = new Int32Array(nodeOfCell.length);
  for (let i = 0; i < out.length; i++) out[i] = nodeOfCell[i]! >= 0 ? clones.cloneOfNode[nodeOfCell[i]!]! : -1;
  return out;
}

/** Mutation names of clone c (its own node's mutations). */
export function cloneMutationNames(clones: CloneTree, c: number): string[] {
  return Array.from({ length: clones.nMut[c]! }, (_, k) => mutationName(clones.firstMut[c]! + k));
}

/** True when clone a is c or an ancestor of c. */
export function isCloneAncestor(clones: CloneTree, a: number, c: number): boolean {
  for (let u = c; u >= 0; u = clones.parent[u]!) if (u === a) return true;
  return false;
}
