// Hand-computable values of SCIENCE.md §3.3 (CCF, VAF, purity, detection) and §4.3–4.4 (Wilson
// intervals, biopsies needed).
import { describe, expect, it } from 'vitest';
import { binomialAtLeast, describeDetection, detects, formatDetection, minAltReads, parseDetection } from '../../../shared/analysis/biopsy/detection.ts';
import { ccfFromVaf, expectedVaf, nodeCcf, purityOf, treeMutations } from '../../../shared/analysis/biopsy/mutations.ts';
import { atLeastOnce, biopsiesFor, kNeeded, wilson, Z95 } from '../../../shared/analysis/biopsy/stats.ts';
import { treeOf } from './helpers.ts';

describe('Wilson score interval (z = 1.959964)', () => {
  it('0/20 → [0, 0.1611] and 20/20 → [0.8389, 1]', () => {
    const none = wilson(0, 20);
    expect(none.p).toBe(0);
    expect(none.lo).toBe(0);
    expect(none.hi).toBeCloseTo(0.1611, 4);
    const all = wilson(20, 20);
    expect(all.lo).toBeCloseTo(0.8389, 4);
    expect(all.hi).toBe(1);
  });

  it('10/20 → 0.5 ± 0.2007 (symmetric at p̂ = ½)', () => {
    const w = wilson(10, 20);
    expect(w.lo).toBeCloseTo(0.2993, 4);
    expect(w.hi).toBeCloseTo(0.7007, 4);
    expect(Z95).toBe(1.959964);
  });

  it('no trials: an undefined estimate and the whole [0, 1]', () => {
    const w = wilson(0, 0);
    expect(w.p).toBeNaN();
    expect([w.lo, w.hi]).toEqual([0, 1]);
  });
});

describe('k independent biopsies', () => {
  it('P_k = 1 − (1 − p)^k and k* = ⌈ln(1 − P*)/ln(1 − p)⌉', () => {
    expect(atLeastOnce(0.5, 3)).toBeCloseTo(0.875, 12);
    expect(biopsiesFor(0.5)).toBe(5); // ln 0.05 / ln 0.5 = 4.32
    expect(biopsiesFor(0.2)).toBe(14); // 13.4
    expect(biopsiesFor(0.95)).toBe(1);
    expect(biopsiesFor(0)).toBe(Infinity);
    expect(biopsiesFor(1 - Math.sqrt(0.05))).toBe(2); // exactly 2.000…: no rounding up to 3
  });

  it('kNeeded95: the smallest simulated k, else extrapolated from p₁ beyond K', () => {
    expect(kNeeded([0.5, 0.75, 0.875, 0.96])).toEqual({ k: 4, extrapolated: false });
    expect(kNeeded([0.3, 0.5])).toEqual({ k: 9, extrapolated: true }); // ln 0.05 / ln 0.7 = 8.4
    expect(kNeeded([0.7, 0.8, 0.9])).toEqual({ k: 4, extrapolated: true }); // from p₁ it would be 3, but 3 fell short
    expect(kNeeded([0, 0, 0])).toEqual({ k: null, extrapolated: true });
    expect(kNeeded([0.99])).toEqual({ k: 1, extrapolated: false });
  });
});

describe('CCF, VAF and purity (SCIENCE.md §3.3)', () => {
  it('heterozygous diploid: VAF = ρ·CCF/2 and back', () => {
    expect(expectedVaf(1, 0.6)).toBeCloseTo(0.3, 12);
    expect(expectedVaf(0.5, 0.6)).toBeCloseTo(0.15, 12);
    expect(expectedVaf(1, 1)).toBeCloseTo(0.5, 12);
    expect(ccfFromVaf(0.15, 0.6)).toBeCloseTo(0.5, 12);
    expect(ccfFromVaf(0.1, 0)).toBeNaN();
  });

  it('the general CNAqc form: VAF = ρ·CCF·m / (ρ·CN_t + 2(1 − ρ))', () => {
    // CN_t = 4, m = 2, ρ = 0.5, CCF = 1: 0.5·2 / (2 + 1) = 1/3
    expect(expectedVaf(1, 0.5, { copyNumber: 4, multiplicity: 2 })).toBeCloseTo(1 / 3, 12);
    expect(ccfFromVaf(1 / 3, 0.5, { copyNumber: 4, multiplicity: 2 })).toBeCloseTo(1, 12);
    // a single-copy (LOH) clonal mutation in a pure sample: VAF 1
    expect(expectedVaf(1, 1, { copyNumber: 1 })).toBeCloseTo(1, 12);
  });

  it('purity = tumour cells / all cells', () => {
    expect(purityOf(30, 40)).toBe(0.75);
    expect(purityOf(0, 0)).toBeNaN();
  });

  it('CCF of each tree clone = its subtree share of the tumour cells', () => {
    // A (root) → B → D, A → C; per section clone counts in the order [D, A, C, B, other], tree index per section clone
    const tree = treeOf('clone,parent,mutations\nA,,m1;m2\nB,A,m3\nC,A,m4\nD,B,m5\n');
    const treeIndex = Int32Array.of(3, 0, 2, 1);
    const ccf = nodeCcf(tree, treeIndex, [4, 1, 3, 2, 90]);
    expect([...ccf]).toEqual([1, 0.6, 0.3, 0.4]); // A 10/10, B (2+4)/10, C 3/10, D 4/10
    expect(treeMutations(tree)).toEqual({ names: ['m1', 'm2', 'm3', 'm4', 'm5'], node: Int32Array.of(0, 0, 1, 2, 3) });
    expect([...nodeCcf(tree, treeIndex, [0, 0, 0, 0, 7])]).toEqual([0, 0, 0, 0]); // no tumour cells
  });
});

describe('detection rules', () => {
  it('reads: at least max(3, ⌈0.05·D⌉) alt reads', () => {
    expect(minAltReads(100)).toBe(5);
    expect(minAltReads(20)).toBe(3);
    expect(minAltReads(1000)).toBe(50);
    expect(minAltReads(61)).toBe(4);
  });

  it('P(Binomial(n, p) ≥ t) by hand', () => {
    expect(binomialAtLeast(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialAtLeast(3, 3, 0.5)).toBeCloseTo(0.125, 12);
    expect(binomialAtLeast(1, 10, 0.1)).toBeCloseTo(1 - 0.9 ** 10, 12);
    expect(binomialAtLeast(5, 4, 0.9)).toBe(0);
    expect(binomialAtLeast(3, 100, 0)).toBe(0);
    expect(binomialAtLeast(3, 100, 1)).toBe(1);
  });

  it('each rule decides from cells, CCF, purity (and a uniform draw for reads)', () => {
    expect(detects({ kind: 'any' }, 1, 0, 1, 0)).toBe(true);
    expect(detects({ kind: 'any' }, 0, 0.5, 1, 0)).toBe(false);
    expect(detects({ kind: 'cells', min: 5 }, 4, 1, 1, 0)).toBe(false);
    expect(detects({ kind: 'ccf', min: 0.05 }, 1, 0.05, 1, 0)).toBe(true);
    expect(detects({ kind: 'vaf', min: 0.05 }, 1, 0.2, 0.5, 0)).toBe(true); // VAF = 0.5·0.2/2 = 0.05
    expect(detects({ kind: 'vaf', min: 0.05 }, 1, 0.2, 0.4, 0)).toBe(false);
    const p = binomialAtLeast(5, 100, 0.05); // VAF 0.05 at D = 100
    expect(detects({ kind: 'reads', depth: 100 }, 1, 0.1, 1, p - 1e-9)).toBe(true);
    expect(detects({ kind: 'reads', depth: 100 }, 1, 0.1, 1, p + 1e-9)).toBe(false);
  });

  it('parses and prints rules; says what is wrong', () => {
    for (const t of ['any', 'cells:3', 'ccf:0.05', 'vaf:0.1', 'reads:100']) {
      const r = parseDetection(t);
      expect(r.ok && formatDetection(r.value)).toBe(t);
    }
    expect(describeDetection({ kind: 'reads', depth: 100 })).toBe('≥ 5 alt reads at depth 100');
    for (const t of ['some', 'cells:0', 'cells:2.5', 'ccf:0', 'ccf:1.5', 'reads:x']) expect(parseDetection(t).ok).toBe(false);
    const bad = parseDetection('ccf:5');
    expect(!bad.ok && bad.error.message).toMatch(/fraction above 0 and at most 1/);
  });
});
