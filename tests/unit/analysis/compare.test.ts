// Comparing samples (SCIENCE.md §3.2–3.3): JSD in bits, shared/private labels, per-region counts,
// Gerlinger mutation classes and the metastasis's origin, on hand-made trees and counts.

import { describe, expect, it } from 'vitest';
import { parseCloneTree, type CloneTree } from '../../../shared/analysis/clone-tree.ts';
import { alignCounts, jensenShannon, jsdMatrix, labelSharing, metastasisOrigin, mutationClasses, treeCcf, tumourCountsByGroup } from '../../../shared/analysis/compare.ts';

function tree(text: string): CloneTree {
  const t = parseCloneTree(text);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

describe('Jensen–Shannon divergence (bits)', () => {
  it('is 0 for equal compositions and 1 for disjoint ones', () => {
    expect(jensenShannon([3, 1], [6, 2])).toBe(0);
    expect(jensenShannon([1, 0], [0, 1])).toBe(1);
    expect(jensenShannon([5, 0, 0], [0, 2, 7])).toBe(1);
  });

  it('P = (½, ½), Q = (1, 0)', () => {
    // M = (¾, ¼)
    // JSD = ½[½ log₂(½/¾) + ½ log₂(½/¼)] + ½[1 · log₂(1/¾)]
    //     = ¼ log₂(2/3) + ¼ + ½ log₂(4/3) = −0.1462406 + 0.25 + 0.2075187 = 0.3112781
    expect(jensenShannon([0.5, 0.5], [1, 0])).toBeCloseTo(0.3112781, 6);
    expect(jensenShannon([2, 2], [3, 0])).toBeCloseTo(0.3112781, 6); // counts are normalised
    expect(jensenShannon([3, 0], [2, 2])).toBeCloseTo(0.3112781, 6); // symmetric
    expect(Math.sqrt(jensenShannon([2, 2], [3, 0]))).toBeCloseTo(0.5579230, 6); // JS distance (scipy's jensenshannon, base 2)
  });

  it('is NaN when a sample is empty, and the matrix is symmetric with a zero diagonal', () => {
    expect(jensenShannon([0, 0], [1, 2])).toBeNaN();
    const m = jsdMatrix([[1, 1], [1, 0], [0, 1], [0, 0]]);
    expect(m[0]![0]).toBe(0);
    expect(m[1]![2]).toBe(1);
    expect(m[0]![1]).toBeCloseTo(0.3112781, 6);
    expect(m[1]![0]).toBe(m[0]![1]);
    expect(m[3]![3]).toBeNaN();
    expect(m[3]![0]).toBeNaN();
  });

  it('compares over the union of labels', () => {
    const a = alignCounts([{ labels: ['C2', 'C10'], counts: [1, 1] }, { labels: ['C1', 'C2'], counts: [3, 1] }]);
    expect(a.labels).toEqual(['C1', 'C2', 'C10']); // natural order
    expect(a.counts.map((c) => [...c])).toEqual([[0, 1, 1], [3, 1, 0]]);
    // P = (0, ½, ½), Q = (¾, ¼, 0), M = (3/8, 3/8, ¼)
    // ½[½ log₂(½ / 3/8) + ½ log₂(½ / ¼)] + ½[¾ log₂(¾ / 3/8) + ¼ log₂(¼ / 3/8)]
    // = ½[½ · 0.4150375 + ½] + ½[¾ + ¼ · (−0.5849625)] = 0.3537594 + 0.3018797 = 0.6556391
    expect(jensenShannon(a.counts[0]!, a.counts[1]!)).toBeCloseTo(0.6556391, 6);
  });
});

describe('labels shared by all, some, or one sample', () => {
  it('sorts labels by how many samples hold them', () => {
    const a = alignCounts([
      { labels: ['A', 'B', 'C'], counts: [1, 2, 0] },
      { labels: ['A', 'B', 'D'], counts: [5, 1, 1] },
      { labels: ['A', 'E'], counts: [1, 1] },
    ]);
    const s = labelSharing(a);
    expect(s.all).toEqual(['A']);
    expect(s.some).toEqual(['B']);
    expect(s.private).toEqual([[], ['D'], ['E']]); // C has no cell anywhere
    expect(s.presentIn).toEqual([3, 2, 0, 1, 1]);
    expect(labelSharing(a, 2).all).toEqual([]); // A has 1 cell in the first sample
  });
});

describe('composition per region within a sample', () => {
  it('counts tumour cells of each label in each region', () => {
    // rows:   0     1     2       3     4     5     6
    // clone:  C1    C2    normal  C1    C2    C1    (missing)
    // region: core  core  core    front front —     front
    const clone = { labels: ['C2', 'normal', 'C1'], codes: Uint16Array.from([2, 0, 1, 2, 0, 2, 0xffff]) };
    const region = { labels: ['core', 'front'], codes: Uint8Array.from([0, 0, 0, 1, 1, 255, 1]) };
    const g = tumourCountsByGroup(clone, region);
    expect(g.groups).toEqual(['core', 'front']);
    expect(g.labels).toEqual(['C1', 'C2']);
    expect(g.counts.map((c) => [...c])).toEqual([[1, 1], [1, 1]]);
    expect(g.ungrouped).toBe(1);
  });
});

// A ─┬─ B ── D        A: m1, m2   B: m3   C: m4, m5   D: m6
//    └─ C
const ABCD = tree('clone,parent,mutations\nA,,m1;m2\nB,A,m3\nC,A,m4;m5\nD,B,m6\n');

describe('CCF from clone counts', () => {
  it('is the subtree share of the tumour cells; labels outside the tree count in the denominator', () => {
    // B 2, D 1, X 1 (not in the tree), normal 5 (not tumour): n_T = 4
    const { ccf, unknown } = treeCcf(ABCD, ['B', 'D', 'X', 'normal'], [2, 1, 1, 5]);
    expect([...ccf]).toEqual([0.75, 0.75, 0, 0.25]); // A = (2+1)/4, B = 3/4, C = 0, D = 1/4
    expect(unknown).toEqual(['X']);
  });
});

describe('mutation classes across samples (Gerlinger 2012)', () => {
  const labels = ['A', 'B', 'C', 'D'];
  // S1: B 5, D 5   S2: B 10   S3: C 4
  const aligned = { labels, counts: [[0, 5, 0, 5], [0, 10, 0, 0], [0, 0, 4, 0]].map((c) => Float64Array.from(c)) };

  it('ubiquitous / shared / private with one carrier cell as the detection rule', () => {
    // present: S1 {m1 m2 m3 m6}, S2 {m1 m2 m3}, S3 {m1 m2 m4 m5}
    // m1, m2 in 3 of 3: ubiquitous; m3 in 2: shared; m4, m5, m6 in 1: private
    const m = mutationClasses(ABCD, aligned);
    expect(m.mutations).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    expect(m.classOf).toEqual(['ubiquitous', 'ubiquitous', 'shared', 'private', 'private', 'private']);
    expect([m.ubiquitous, m.shared, m.private, m.absent, m.total]).toEqual([2, 1, 3, 0, 6]);
    expect(m.heterogeneousFraction).toBeCloseTo(4 / 6, 12);
    expect([...m.ccf[0]!]).toEqual([1, 1, 1, 0, 0, 0.5]);
  });

  it('a CCF threshold makes rare mutations absent', () => {
    // S1's D has CCF 0.5: present at minCcf 0.5, absent at 0.6
    expect(mutationClasses(ABCD, aligned, { minCcf: 0.5 }).private).toBe(3);
    const m = mutationClasses(ABCD, aligned, { minCcf: 0.6 });
    expect([m.ubiquitous, m.shared, m.private, m.absent, m.total]).toEqual([2, 1, 2, 1, 5]);
  });

  it('the patient-1 counts of Gerlinger 2012 give 68.75 % heterogeneous', () => {
    // 40 ubiquitous, 59 shared, 29 private: (59 + 29) / 128 = 0.6875 — five regions R1…R5
    const muts = (p: string, k: number) => Array.from({ length: k }, (_, j) => `${p}${j}`).join(';');
    const t = tree(`clone,parent,mutations\nT,,${muts('u', 40)}\nS,T,${muts('s', 59)}\nP,S,${muts('p', 29)}\nQ,T,\n`);
    // S (and P) in R1–R3, P only in R1, Q alone in R4–R5: S's mutations in 3 of 5, P's in 1
    const counts = [[0, 1, 1, 0], [0, 1, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 0, 1]].map((c) => Float64Array.from(c));
    const m = mutationClasses(t, { labels: ['T', 'S', 'P', 'Q'], counts });
    expect([m.ubiquitous, m.shared, m.private, m.total]).toEqual([40, 59, 29, 128]);
    expect(m.heterogeneousFraction).toBe(0.6875);
  });
});

describe('which clones explain a metastasis (Al Bakir 2023)', () => {
  it('late divergence: the metastasis carries every mutation clonal in all primary regions', () => {
    // primary regions P1: B 6, C 4 → CCF A 1, B .6, C .4;  P2: B 9, C 1 → A 1, B .9, C .1
    // truncal in the primary (CCF ≥ 0.9 in both): A only → m1, m2
    // metastasis: D 9, B 1 → CCF A 1, B 1, D .9 → carries m1, m2: late
    // seeding clone: deepest clone present in the primary with metastasis CCF ≥ 0.9 = B (D has no primary cell)
    const labels = ['A', 'B', 'C', 'D'];
    const o = metastasisOrigin(ABCD, labels, [[0, 6, 4, 0], [0, 9, 1, 0]], [0, 1, 0, 9]);
    expect(o.divergence).toBe('late');
    expect(o.primaryTruncal).toBe(2);
    expect(o.missingTruncal).toEqual([]);
    expect(o.seedingClone).toBe('B');
    expect(o.founderClone).toBe('D');
    expect(o.clones).toEqual([{ label: 'D', fraction: 0.9 }, { label: 'B', fraction: 0.1 }]);
  });

  it('early divergence: a mutation clonal in every primary region is missing from the metastasis', () => {
    // R ─┬─ T (swept the primary)   R: r1   T: t1, t2   E: e1
    //    └─ E (seeds the metastasis before the sweep)
    const t = tree('clone,parent,mutations\nR,,r1\nT,R,t1;t2\nE,R,e1\n');
    const o = metastasisOrigin(t, ['R', 'T', 'E', 'normal'], [[0, 10, 0, 3], [1, 19, 0, 0]], [0, 0, 8, 2]);
    // P1: T 10/10 = 1; P2: T 19/20 = .95 → truncal r1, t1, t2; E's metastasis lacks t1, t2
    expect(o.primaryTruncal).toBe(3);
    expect(o.missingTruncal).toEqual(['t1', 't2']);
    expect(o.divergence).toBe('early');
    expect(o.seedingClone).toBe('R');
    expect(o.founderClone).toBe('E');
    // no primary tumour cell: nothing to call
    expect(metastasisOrigin(t, ['R', 'T', 'E'], [], [0, 0, 1]).divergence).toBeNull();
  });
});
