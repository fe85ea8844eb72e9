import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneCcf, cloneIndexOfLabels, mutationSet, parseCloneTree, pathOf } from '../../../shared/analysis/clone-tree.ts';
import { REPO } from '../../paths.ts';

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('clone tree', () => {
  const tree = ok(parseCloneTree('clone,parent,mutations\nB,A,m3\nA,,m1;m2\nC,A,m4;m5\nD,B,2\n'));

  it('reads clones, parents (given after their children too) and branch mutations', () => {
    expect(tree.clones).toEqual(['B', 'A', 'C', 'D']);
    expect([...tree.parent]).toEqual([1, -1, 1, 0]);
    expect(tree.mutations[3]).toEqual(['D:1', 'D:2']); // a count instead of names
    expect(mutationSet(tree, 3)).toEqual(['m1', 'm2', 'm3', 'D:1', 'D:2']);
    expect(pathOf(tree, 3).map((i) => tree.clones[i])).toEqual(['A', 'B', 'D']);
  });

  it('CCF of a clone is its subtree share: the root is 1, a parent ≥ its children', () => {
    // cells: A 10, B 20, C 30, D 40 (100 tumour cells)
    const ccf = cloneCcf(tree, [20, 10, 30, 40]);
    expect(ccf[1]).toBeCloseTo(1); // A, the root
    expect(ccf[0]).toBeCloseTo(0.6); // B + D
    expect(ccf[2]).toBeCloseTo(0.3);
    expect(ccf[3]).toBeCloseTo(0.4);
    expect(ccf[0]!).toBeGreaterThanOrEqual(ccf[3]!);
  });

  it('maps clone labels of a table to tree clones; others are −1', () => {
    expect([...cloneIndexOfLabels(tree, ['D', 'normal', 'A'])]).toEqual([3, -1, 1]);
  });

  it('says what is wrong with a bad table', () => {
    expect(parseCloneTree('name,x\nA,1\n').ok).toBe(false);
    const unknown = parseCloneTree('clone,parent\nA,Z\n');
    expect(!unknown.ok && unknown.error.message).toBe("The clone tree, line 2: the parent 'Z' of clone 'A' is not a clone of the table.");
    const cycle = parseCloneTree('clone,parent\nA,B\nB,A\n');
    expect(!cycle.ok && cycle.error.message).toMatch(/cycle/);
  });

  it('reads the sample data clone tree', () => {
    const t = ok(parseCloneTree(readFileSync(path.join(REPO, 'sample-data/clone_tree.csv'), 'utf8')));
    expect(t.clones.length).toBe(21);
    expect(mutationSet(t, t.clones.indexOf('C10'))).toEqual(expect.arrayContaining(['M1', 'M10', 'M2236', 'M56210']));
  });
});
