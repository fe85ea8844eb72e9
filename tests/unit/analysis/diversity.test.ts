// Composition and diversity (SCIENCE.md §3.1) on counts small enough to check by hand.

import { describe, expect, it } from 'vitest';
import { bits, diversity, fractions, isTumourLabel, pielou, richness, shannon, simpson, simpsonUnbiased, tumourCodeMask, tumourCounts, tumourRows } from '../../../shared/analysis/diversity.ts';

describe('the tumour-cell rule (SCIENCE.md §0)', () => {
  it('a label is tumour unless empty, missing or normal in any case', () => {
    expect(['C0', 'clone 3', 'Normal-like', '0'].map(isTumourLabel)).toEqual([true, true, true, true]);
    expect(['normal', 'Normal', ' NORMAL ', '', '  ', undefined, null].map(isTumourLabel)).toEqual([false, false, false, false, false, false, false]);
    expect([...tumourCodeMask(['C1', 'normal', 'C2', ''])]).toEqual([1, 0, 1, 0]);
  });

  it('counts tumour cells per label, with normal and missing rows apart', () => {
    // rows: C1 C1 normal C2 (missing) C2 C1 Normal, and a second code for the label "C2"
    const column = { labels: ['C1', 'normal', 'C2', 'Normal', 'C2'], codes: Uint16Array.from([0, 0, 1, 2, 0xffff, 4, 0, 3]) };
    const t = tumourCounts(column);
    expect(t.labels).toEqual(['C1', 'C2']);
    expect([...t.counts]).toEqual([3, 2]); // C1 ×3; C2 once under code 2, once under code 4
    expect([t.tumourCells, t.nonTumourCells, t.missingCells]).toEqual([5, 2, 1]);
    expect([...tumourRows(column)]).toEqual([1, 1, 0, 1, 0, 1, 1, 0]);
    // a subset: rows 0, 2, 3
    const sub = tumourCounts(column, Uint8Array.from([1, 0, 1, 1, 0, 0, 0, 0]));
    expect([...sub.counts]).toEqual([1, 1]);
    expect(sub.nonTumourCells).toBe(1);
  });
});

describe('diversity indices', () => {
  it('counts 2, 1, 1', () => {
    // p = 1/2, 1/4, 1/4
    // H = −(½ ln ½ + 2 · ¼ ln ¼) = ½ ln 2 + ln 2 = 1.5 ln 2 = 1.0397207708 nats = 1.5 bits
    // λ = ¼ + 1/16 + 1/16 = 0.375; 1 − λ = 0.625; 1/λ = 8/3
    // λ̂ = (2·1 + 1·0 + 1·0) / (4·3) = 1/6;  S = 3;  J = 1.5 ln 2 / ln 3 = 0.9463946
    const d = diversity([2, 1, 1]);
    expect([...fractions([2, 1, 1])]).toEqual([0.5, 0.25, 0.25]);
    expect(d.total).toBe(4);
    expect(d.shannon).toBeCloseTo(1.5 * Math.LN2, 12);
    expect(d.shannon).toBeCloseTo(1.0397207708, 9);
    expect(d.shannonBits).toBeCloseTo(1.5, 12);
    expect(d.simpson).toBeCloseTo(0.375, 12);
    expect(d.giniSimpson).toBeCloseTo(0.625, 12);
    expect(d.inverseSimpson).toBeCloseTo(8 / 3, 12);
    expect(d.simpsonUnbiased).toBeCloseTo(1 / 6, 12);
    expect(d.richness).toBe(3);
    expect(d.evenness).toBeCloseTo(0.9463946, 6);
  });

  it('0 · ln 0 = 0: an absent label changes nothing', () => {
    // p = ¾, ¼: H = −(¾ ln ¾ + ¼ ln ¼) = 0.2157616 + 0.3465736 = 0.5623351
    expect(shannon([3, 0, 1])).toBeCloseTo(0.5623351, 6);
    expect(shannon([3, 0, 1])).toBe(shannon([3, 1]));
    expect(simpson([3, 0, 1])).toBeCloseTo(0.625, 12); // 9/16 + 1/16
    expect(richness([3, 0, 1])).toBe(2);
    expect(bits(shannon([1, 1, 1, 1]))).toBeCloseTo(2, 12); // four equal labels: 2 bits
  });

  it('fractions or counts give the same indices', () => {
    expect(shannon([0.5, 0.25, 0.25])).toBeCloseTo(shannon([2, 1, 1]), 12);
    expect(simpson([0.5, 0.25, 0.25])).toBeCloseTo(simpson([2, 1, 1]), 12);
  });

  it('one label: H = 0, λ = 1, evenness undefined', () => {
    const d = diversity([5]);
    expect([d.shannon, d.simpson, d.giniSimpson, d.inverseSimpson, d.richness]).toEqual([0, 1, 0, 1, 1]);
    expect(d.simpsonUnbiased).toBe(1); // 5·4 / (5·4)
    expect(d.evenness).toBeNaN();
    expect(pielou(0, 1)).toBeNaN();
  });

  it('an empty sample: fractions 0, richness 0, every index NaN', () => {
    for (const counts of [[], [0, 0]]) {
      const d = diversity(counts);
      expect(d.total).toBe(0);
      expect(d.richness).toBe(0);
      for (const v of [d.shannon, d.shannonBits, d.simpson, d.giniSimpson, d.inverseSimpson, d.simpsonUnbiased, d.evenness]) expect(v).toBeNaN();
      expect([...fractions(counts)]).toEqual(counts.map(() => 0));
    }
    expect(simpsonUnbiased([1])).toBeNaN(); // needs two cells
  });
});
