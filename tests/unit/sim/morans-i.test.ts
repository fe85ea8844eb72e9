import { describe, expect, it } from 'vitest';
import { indicator, moransI, moransITest } from '../../../shared/analysis/morans-i.ts';
import { knnGraph, latticeGraph } from '../../../shared/analysis/neighbour-graph.ts';
import { createRng } from '../../../shared/sim/rng.ts';

describe("Moran's I (SCIENCE.md §3.4)", () => {
  it('is −1 on a checkerboard and 0 for rows on a 2×2 rook lattice (by hand)', () => {
    const g = latticeGraph(2, 2, 'rook');
    expect(g.neighbours.length).toBe(8);
    expect(moransI([1, 0, 0, 1], g)).toBeCloseTo(-1, 12);
    expect(moransI([1, 1, 0, 0], g)).toBeCloseTo(0, 12);
    expect(Number.isNaN(moransI([1, 1, 1, 1], g))).toBe(true);
  });

  it('is near 1 for two halves and near E[I] = −1/(N−1) for random labels', () => {
    const g = latticeGraph(40, 40, 'rook');
    const halves = Array.from({ length: 1600 }, (_, i) => (i % 40 < 20 ? 1 : 0));
    // 40 rows × 1 cut edge out of 3,120 edges: I = 1 − 2·40/(3120/2)·… ≈ 0.95
    expect(moransI(halves, g)).toBeGreaterThan(0.9);
    const rng = createRng(3);
    const random = Array.from({ length: 1600 }, () => (rng.uniform() < 0.5 ? 1 : 0));
    expect(Math.abs(moransI(random, g) + 1 / 1599)).toBeLessThan(0.06);
    const test = moransITest(halves, g, 99, createRng(4));
    expect(test.p).toBeCloseTo(0.01, 6);
    expect(moransITest(random, g, 99, createRng(4)).p).toBeGreaterThan(0.01);
  });

  it('builds the same k-NN graph as brute force (symmetrised)', () => {
    const rng = createRng(8);
    const n = 300;
    const x = Array.from({ length: n }, () => rng.uniform() * 100);
    const y = Array.from({ length: n }, () => rng.uniform() * 60);
    const g = knnGraph(x, y, 6);
    const expected = Array.from({ length: n }, () => new Set<number>());
    for (let i = 0; i < n; i++) {
      const order = Array.from({ length: n }, (_, j) => j)
        .filter((j) => j !== i)
        .sort((a, b) => (x[a]! - x[i]!) ** 2 + (y[a]! - y[i]!) ** 2 - ((x[b]! - x[i]!) ** 2 + (y[b]! - y[i]!) ** 2) || a - b);
      for (const j of order.slice(0, 6)) {
        expected[i]!.add(j);
        expected[j]!.add(i);
      }
    }
    for (let i = 0; i < n; i++) expect([...g.neighbours.subarray(g.offsets[i]!, g.offsets[i + 1]!)]).toEqual([...expected[i]!].sort((a, b) => a - b));
  });

  it('takes an indicator of a label', () => {
    expect([...indicator([2, 1, 2, 0], 2)]).toEqual([1, 0, 1, 0]);
  });
});
