// Choosing where a metastasis branches off the primary's genealogy (Al Bakir et al. 2023):
// late  — from a cell of the latest-born reported subclone, carrying its full mutation set;
// early — from the parent of the primary's last clonal sweep: the deepest driver node whose CCF is
//         ≥ τ in every sampled region (core, invasive front) of the primary. When that is the root
//         (no sweep during growth), the root's truncal mutations are split into an ancestral trunk
//         (node 0, the first ⌈n/2⌉) and the primary's founding sweep (node 1); the metastasis then
//         branches off node 0 and lacks the second half.

import { buildCloneTree, isCloneAncestor } from './clones.ts';
import { nodeCcf } from './ccf.ts';
import type { NodeTable } from './genealogy.ts';
import type { MetastasisMode } from './params.ts';
import { REGION_CORE, REGION_FRONT } from '../analysis/regions.ts';
import { streamFor } from './rng.ts';
import type { Section } from './tissue.ts';

/** CCF at or above which a mutation counts as clonal in one region (SCIENCE.md §3.3). */
export const CLONAL_CCF = 0.9;
const STREAM_FOUNDER = 31;

export interface BranchPoint {
  /** Node the metastasis founder descends from. */
  readonly parentNode: number;
  /** Birth rate the founder inherits. */
  readonly birthRate: number;
  /** late: the primary cell that seeded it; −1 for early. */
  readonly seedingCell: number;
  /** late: the subclone's driver node; early: the sweep node the metastasis lacks. */
  readonly referenceNode: number;
  /** True when the root had to be split (every node id of the primary moved up by one). */
  readonly rootSplit: boolean;
}

/** Deepest driver node that is clonal (CCF ≥ CLONAL_CCF) in every region holding tumour cells. */
export function lastClonalSweep(tree: NodeTable, primary: Section): number {
  const clonal = new Uint8Array(tree.count).fill(1);
  let sampled = 0;
  for (const region of [REGION_CORE, REGION_FRONT]) {
    const cells: number[] = [];
    for (let i = 0; i < primary.n; i++) if (primary.region[i] === region && primary.node[i]! >= 0) cells.push(i);
    if (cells.length === 0) continue;
    sampled++;
    const { ccf } = nodeCcf(tree.parent, tree.count, primary.node, cells);
    for (let v = 0; v < tree.count; v++) if (ccf[v]! < CLONAL_CCF) clonal[v] = 0;
  }
  if (sampled === 0) return 0;
  let deepest = 0;
  for (let v = 0; v < tree.count; v++) if (clonal[v] && tree.isDriver[v]) deepest = v;
  return deepest;
}

/**
 * Where the metastasis branches off. May split the root (then the caller's primary node ids have
 * already been shifted: this function updates primary.node in place).
 */
export function branchPoint(mode: MetastasisMode, tree: NodeTable, primary: Section, nTruncal: number, minFraction: number, seed: number): BranchPoint {
  if (mode === 'early') {
    let sweep = lastClonalSweep(tree, primary);
    let rootSplit = false;
    if (sweep === 0) {
      if (nTruncal < 2) throw new Error('an early metastasis needs at least 2 truncal mutations');
      tree.splitRoot(Math.ceil(nTruncal / 2));
      const node = primary.node;
      for (let i = 0; i < node.length; i++) if (node[i]! >= 0) node[i] = node[i]! + 1;
      sweep = 1;
      rootSplit = true;
    }
    const parentNode = tree.parent[sweep]!;
    return { parentNode, birthRate: tree.birthRate[parentNode]!, seedingCell: -1, referenceNode: sweep, rootSplit };
  }
  // late: the latest-born subclone of the primary that is reported as a clone
  const clones = buildCloneTree(tree, [primary.node], minFraction);
  let chosen = 0;
  for (let c = 1; c < clones.names.length; c++) if (clones.tBirth[c]! > clones.tBirth[chosen]! || chosen === 0) chosen = c;
  const cells: number[] = [];
  for (let i = 0; i < primary.n; i++) if (primary.node[i]! >= 0 && clones.cloneOfNode[primary.node[i]!] === chosen) cells.push(i);
  // every cell may sit in a descendant clone: then any cell of the lineage will do
  if (cells.length === 0) for (let i = 0; i < primary.n; i++) if (primary.node[i]! >= 0 && isCloneAncestor(clones, chosen, clones.cloneOfNode[primary.node[i]!]!)) cells.push(i);
  const rng = streamFor(seed, STREAM_FOUNDER);
  const seedingCell = cells[Math.floor(rng.uniform() * cells.length)]!;
  const parentNode = primary.node[seedingCell]!;
  return { parentNode, birthRate: tree.birthRate[parentNode]!, seedingCell, referenceNode: clones.node[chosen]!, rootSplit: false };
}
