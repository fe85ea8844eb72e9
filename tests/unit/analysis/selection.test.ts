import { describe, expect, it } from 'vitest';
import { composition, compositionOfMask, indicesToMask, maskCount, maskToIndices } from '../../../shared/analysis/selection.ts';
import { MISSING16 } from '../../../shared/dataset/cell-table.ts';

// 10 cells: clone A ×4, B ×3, "clone 10" ×1, missing ×2
const column = {
  labels: ['A', 'B', 'clone 10', 'unused'],
  codes: Uint16Array.of(0, 1, 0, MISSING16, 2, 1, 0, 0, MISSING16, 1),
};

describe('composition of a selection', () => {
  it('counts every label and the missing cells of the whole table', () => {
    const c = composition(column);
    expect(c.total).toBe(10);
    expect(c.missing).toBe(2);
    expect(c.entries.map((e) => [e.label, e.count, e.fraction, e.fractionOfLabelled])).toEqual([
      ['A', 4, 0.4, 0.5],
      ['B', 3, 0.3, 3 / 8],
      ['clone 10', 1, 0.1, 1 / 8],
    ]);
    expect([...c.counts]).toEqual([4, 3, 1, 0]);
    expect(c.entries.reduce((s, e) => s + e.fraction, 0) + c.missing / c.total).toBeCloseTo(1, 12);
  });

  it('gives the same answer from indices (any order, repeats counted) and from a mask', () => {
    const indices = Uint32Array.of(9, 3, 1, 0, 5);
    const a = composition(column, indices);
    const b = compositionOfMask(column, indicesToMask(indices, 10));
    expect(a).toEqual(b);
    expect(a.total).toBe(5);
    expect(a.missing).toBe(1);
    expect(a.entries.map((e) => [e.label, e.count, e.code])).toEqual([['B', 3, 1], ['A', 1, 0]]);
  });

  it('orders ties naturally ("clone 2" before "clone 10") and treats out-of-range codes as missing', () => {
    const col = { labels: ['clone 10', 'clone 2'], codes: Uint32Array.of(0, 1, 7) };
    const c = composition(col);
    expect(c.entries.map((e) => e.label)).toEqual(['clone 2', 'clone 10']);
    expect(c.missing).toBe(1);
  });

  it('is empty for an empty selection', () => {
    const c = composition(column, new Uint32Array(0));
    expect(c).toMatchObject({ total: 0, missing: 0, entries: [] });
  });
});

describe('index lists and masks', () => {
  it('round-trips, ignoring indices outside the table', () => {
    const mask = indicesToMask([7, 2, 2, 0, -1, 10, 99], 8);
    expect([...mask]).toEqual([1, 0, 1, 0, 0, 0, 0, 1]);
    expect([...maskToIndices(mask)]).toEqual([0, 2, 7]);
    expect(maskCount(mask)).toBe(3);
    expect(maskToIndices(new Uint8Array(4))).toHaveLength(0);
  });

  it('is fast at 1,000,000 cells', () => {
    const n = 1_000_000;
    const codes = new Uint16Array(n);
    for (let i = 0; i < n; i++) codes[i] = i % 7 === 0 ? MISSING16 : i % 12;
    const col = { labels: Array.from({ length: 12 }, (_, k) => `clone ${k}`), codes };
    let t = performance.now();
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i += 2) mask[i] = 1;
    const indices = maskToIndices(mask);
    const toIndices = performance.now() - t;
    t = performance.now();
    const c = composition(col, indices);
    const fromIndices = performance.now() - t;
    t = performance.now();
    compositionOfMask(col, mask);
    const fromMask = performance.now() - t;
    console.log(`selection, 1M cells: mask → indices ${toIndices.toFixed(1)} ms, composition of 500k indices ${fromIndices.toFixed(1)} ms, of a mask ${fromMask.toFixed(1)} ms`);
    expect(c.total).toBe(n / 2);
    expect(fromIndices + fromMask).toBeLessThan(200);
  });
});
