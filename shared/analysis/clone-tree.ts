// A clone tree as labs give it: a table `clone,parent,mutations` (mutation names separated by ';',
// or a count instead of names), one row per clone. Each clone carries the mutations on its own
// branch; a clone's full set is the union along the path from the root (perfect phylogeny).
//
// CCF of a clone (or of each of its branch mutations) in a set of cells = the share of tumour cells
// that belong to the clone or any of its descendants (SCIENCE.md §3.3).

import { fail, ok, type Result } from '../errors.ts';

export interface CloneTree {
  /** Clone names, in the order of the table; parents may come after children in the file. */
  readonly clones: readonly string[];
  /** Index of each clone's parent, −1 for a root. */
  readonly parent: Int32Array;
  /** The mutations on each clone's own branch. */
  readonly mutations: readonly (readonly string[])[];
  /** Clones in an order where every parent comes before its children. */
  readonly order: Int32Array;
}

const MAX_CLONES = 100_000;

/** Parses the clone-tree table (comma or tab separated, header `clone,parent,mutations`). */
export function parseCloneTree(text: string, file = 'The clone tree'): Result<CloneTree> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (lines.length === 0) return fail('file-empty', `${file} is empty.`, { file });
  const delim = lines[0]!.includes('\t') ? '\t' : ',';
  const split = (l: string) => l.split(delim).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
  const header = split(lines[0]!).map((h) => h.toLowerCase());
  const ci = header.findIndex((h) => /^(clone|clone_?id|node|name)$/.test(h));
  const pi = header.findIndex((h) => /^(parent|parent_?clone|ancestor)$/.test(h));
  const mi = header.findIndex((h) => /^(mutations?|variants?|n_?mutations|mutation_?count)$/.test(h));
  if (ci < 0 || pi < 0)
    return fail('invalid-argument', `${file} is not a clone tree: expected columns clone and parent (and mutations), found ${header.join(', ')}.`, { file });
  const names: string[] = [], parents: string[] = [], muts: string[][] = [];
  for (let k = 1; k < lines.length; k++) {
    const f = split(lines[k]!);
    const name = f[ci] ?? '';
    if (!name) return fail('invalid-argument', `${file}, line ${k + 1}: the clone has no name.`, { file, line: k + 1 });
    if (names.includes(name)) return fail('invalid-argument', `${file}, line ${k + 1}: clone '${name}' appears twice.`, { file, line: k + 1 });
    names.push(name);
    parents.push(f[pi] ?? '');
    const m = mi >= 0 ? (f[mi] ?? '') : '';
    // a count instead of names: M1..Mn named after the clone
    muts.push(/^\d+$/.test(m) ? Array.from({ length: Number(m) }, (_, j) => `${name}:${j + 1}`) : m.split(';').map((s) => s.trim()).filter(Boolean));
    if (names.length > MAX_CLONES) return fail('file-too-large', `${file} has more than ${MAX_CLONES} clones.`, { file });
  }
  const index = new Map(names.map((n, i) => [n, i]));
  const parent = new Int32Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const p = parents[i]!;
    if (p === '' || /^(none|na|root|-)$/i.test(p)) parent[i] = -1;
    else if (index.has(p)) parent[i] = index.get(p)!;
    else return fail('invalid-argument', `${file}, line ${i + 2}: the parent '${p}' of clone '${names[i]}' is not a clone of the table.`, { file, line: i + 2 });
  }
  // parents before children; a cycle leaves clones unplaced
  const order: number[] = [];
  const placed = new Uint8Array(names.length);
  for (let pass = 0; order.length < names.length && pass <= names.length; pass++) {
    for (let i = 0; i < names.length; i++) {
      if (placed[i] || (parent[i]! >= 0 && !placed[parent[i]!])) continue;
      placed[i] = 1;
      order.push(i);
    }
  }
  if (order.length < names.length) return fail('invalid-argument', `${file} has a cycle: a clone is its own ancestor.`, { file });
  return ok({ clones: names, parent, mutations: muts, order: Int32Array.from(order) });
}

/** Clone index → its ancestors and itself (root first). */
export function pathOf(tree: CloneTree, clone: number): number[] {
  const path: number[] = [];
  for (let c = clone; c >= 0; c = tree.parent[c]!) path.push(c);
  return path.reverse();
}

/** All mutations of a clone: the union of the branch mutations from the root to it. */
export function mutationSet(tree: CloneTree, clone: number): string[] {
  return pathOf(tree, clone).flatMap((c) => tree.mutations[c]!);
}

/**
 * CCF of every clone (its subtree's share of the tumour cells) from the count of cells of each
 * clone in a sample. `counts[i]` = cells labelled with clone i; the denominator is their sum.
 */
export function cloneCcf(tree: CloneTree, counts: ArrayLike<number>): Float64Array {
  const n = tree.clones.length;
  const sub = Float64Array.from({ length: n }, (_, i) => counts[i] ?? 0);
  let total = 0;
  for (let i = 0; i < n; i++) total += sub[i]!;
  for (let k = n - 1; k >= 0; k--) {
    const c = tree.order[k]!;
    const p = tree.parent[c]!;
    if (p >= 0) sub[p]! += sub[c]!;
  }
  if (total > 0) for (let i = 0; i < n; i++) sub[i]! /= total;
  return sub;
}

/** Clone index for each label of a clone column (−1: not a clone of the tree, e.g. 'normal'). */
export function cloneIndexOfLabels(tree: CloneTree, labels: readonly string[]): Int32Array {
  const index = new Map(tree.clones.map((n, i) => [n, i]));
  return Int32Array.from(labels, (l) => index.get(l) ?? -1);
}
