import { describe, expect, it } from 'vitest';
import { SpatialIndex } from '../../../shared/analysis/spatial-index.ts';
import { createRng } from '../../../shared/sim/rng.ts';

function randomCells(n: number, seed: number, w = 1000, h = 600): { x: Float32Array; y: Float32Array } {
  const rng = createRng(seed);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.uniform() * w;
    y[i] = rng.uniform() * h;
  }
  return { x, y };
}

function bruteNearest(x: Float32Array, y: Float32Array, qx: number, qy: number, maxD: number, accept?: (i: number) => boolean): number {
  let best = -1, bestD2 = maxD * maxD;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!) || (accept && !accept(i))) continue;
    const d2 = (x[i]! - qx) ** 2 + (y[i]! - qy) ** 2;
    if (d2 < bestD2 || (d2 === bestD2 && (best < 0 || i < best))) [best, bestD2] = [i, d2];
  }
  return best;
}

/** Even–odd rule, as the index should apply it. */
function insideRing(ring: Float64Array, px: number, py: number): boolean {
  let odd = false;
  const nv = ring.length / 2;
  for (let k = 0, m = nv - 1; k < nv; m = k++) {
    const [xk, yk, xm, ym] = [ring[2 * k]!, ring[2 * k + 1]!, ring[2 * m]!, ring[2 * m + 1]!];
    if (yk > py !== ym > py && px < ((xm - xk) * (py - yk)) / (ym - yk) + xk) odd = !odd;
  }
  return odd;
}

const sorted = (a: Uint32Array) => [...a].sort((p, q) => p - q);

describe('SpatialIndex', () => {
  const { x, y } = randomCells(20_000, 7);
  const index = new SpatialIndex(x, y);

  it('finds the same nearest cell as brute force, within the distance and with a filter', () => {
    const rng = createRng(3);
    const odd = (i: number) => i % 2 === 1;
    for (let q = 0; q < 300; q++) {
      const qx = rng.uniform() * 1200 - 100, qy = rng.uniform() * 800 - 100;
      for (const maxD of [Infinity, 5, 40]) {
        expect(index.nearest(qx, qy, maxD)).toBe(bruteNearest(x, y, qx, qy, maxD));
        expect(index.nearest(qx, qy, maxD, odd)).toBe(bruteNearest(x, y, qx, qy, maxD, odd));
      }
    }
  });

  it('returns −1 with no cell within reach, none accepted, or an empty table', () => {
    expect(index.nearest(-500, -500, 10)).toBe(-1);
    expect(index.nearest(500, 300, Infinity, () => false)).toBe(-1);
    expect(new SpatialIndex(new Float32Array(0), new Float32Array(0)).nearest(0, 0)).toBe(-1);
    expect(index.nearest(NaN, 0)).toBe(-1);
  });

  it('counts the edge of the reach as inside, and breaks ties by the lower index', () => {
    const ix = new SpatialIndex(Float32Array.of(0, 10, -10, 10), Float32Array.of(0, 0, 0, 0));
    expect(ix.nearest(5, 0, 5)).toBe(0); // cells 0 and 1 both at 5
    expect(ix.nearest(10, 0, 0)).toBe(1); // cells 1 and 3 coincide
    expect(ix.nearest(-7, 0, 5.9)).toBe(2);
    expect(ix.nearest(-7, 0, 2.9)).toBe(-1);
  });

  it('selects a rectangle exactly (borders inclusive, corners in any order)', () => {
    const rng = createRng(11);
    for (let q = 0; q < 50; q++) {
      const [ax, bx] = [rng.uniform() * 1100 - 50, rng.uniform() * 1100 - 50];
      const [ay, by] = [rng.uniform() * 700 - 50, rng.uniform() * 700 - 50];
      const want: number[] = [];
      for (let i = 0; i < x.length; i++) if (x[i]! >= Math.min(ax, bx) && x[i]! <= Math.max(ax, bx) && y[i]! >= Math.min(ay, by) && y[i]! <= Math.max(ay, by)) want.push(i);
      expect(sorted(index.inRect(ax, ay, bx, by))).toEqual(want);
    }
    const all = index.inRect(-1, -1, 2000, 2000);
    expect(all.length).toBe(x.length);
    expect(sorted(index.inRect(x[5]!, y[5]!, x[5]!, y[5]!))).toContain(5);
    expect(index.inRect(2000, 2000, 3000, 3000).length).toBe(0);
  });

  it('selects a lasso by the even–odd rule, including a self-crossing one and one with a hole-like fold', () => {
    const star = new Float64Array(2 * 11);
    for (let k = 0; k < 11; k++) {
      const a = (k * 4 * Math.PI) / 11; // a self-intersecting 11-point star
      star[2 * k] = 500 + 280 * Math.cos(a);
      star[2 * k + 1] = 300 + 280 * Math.sin(a);
    }
    const wiggly = new Float64Array(2 * 400);
    for (let k = 0; k < 400; k++) {
      const a = (k / 400) * 2 * Math.PI, r = 200 + 60 * Math.sin(9 * a);
      wiggly[2 * k] = 420 + r * Math.cos(a);
      wiggly[2 * k + 1] = 280 + r * Math.sin(a);
    }
    const closedTriangle = Float64Array.of(-50, -50, 700, 100, 100, 650, -50, -50); // closing vertex repeated
    for (const ring of [star, wiggly, closedTriangle]) {
      const want: number[] = [];
      for (let i = 0; i < x.length; i++) if (insideRing(ring, x[i]!, y[i]!)) want.push(i);
      expect(want.length).toBeGreaterThan(100);
      expect(sorted(index.inPolygon(ring))).toEqual(want);
    }
    expect(index.inPolygon(Float64Array.of(0, 0, 1, 1))).toHaveLength(0);
  });

  it('never returns cells with a non-finite coordinate', () => {
    const px = Float32Array.of(0, NaN, 2, Infinity, 4);
    const py = Float32Array.of(0, 1, 2, 3, NaN);
    const ix = new SpatialIndex(px, py);
    expect(sorted(ix.inRect(-10, -10, 10, 10))).toEqual([0, 2]);
    expect(sorted(ix.inPolygon(Float64Array.of(-10, -10, 10, -10, 10, 10, -10, 10)))).toEqual([0, 2]);
    expect(ix.nearest(4, 4)).toBe(2);
  });

  it('handles cells on a line and all in one place', () => {
    const n = 1000;
    const lx = Float32Array.from({ length: n }, (_, i) => i);
    const ix = new SpatialIndex(lx, new Float32Array(n).fill(5));
    expect(ix.columns * ix.rows).toBeLessThanOrEqual(n + 2);
    expect(ix.nearest(500.4, 7)).toBe(500);
    expect(ix.inRect(10, 0, 19.5, 10)).toHaveLength(10);
    const same = new SpatialIndex(new Float32Array(50).fill(3), new Float32Array(50).fill(3));
    expect(same.nearest(0, 0)).toBe(0);
    expect(same.inRect(3, 3, 3, 3)).toHaveLength(50);
  });

  it('is fast at 1,000,000 cells: build, nearest, rectangle and lasso', () => {
    const big = randomCells(1_000_000, 5, 10_000, 8_000);
    let t = performance.now();
    const ix = new SpatialIndex(big.x, big.y);
    const build = performance.now() - t;
    const rng = createRng(9);
    t = performance.now();
    let found = 0;
    for (let q = 0; q < 10_000; q++) if (ix.nearest(rng.uniform() * 10_000, rng.uniform() * 8_000, 50) >= 0) found++;
    const nearest = (performance.now() - t) / 10_000;
    t = performance.now();
    const rect = ix.inRect(1000, 1000, 6000, 5000);
    const rectMs = performance.now() - t;
    const lasso = new Float64Array(2 * 500);
    for (let k = 0; k < 500; k++) {
      const a = (k / 500) * 2 * Math.PI, r = 3000 + 400 * Math.sin(7 * a);
      lasso[2 * k] = 5000 + r * Math.cos(a);
      lasso[2 * k + 1] = 4000 + r * Math.sin(a);
    }
    t = performance.now();
    const inLasso = ix.inPolygon(lasso);
    const lassoMs = performance.now() - t;
    console.log(`spatial index, 1M cells: build ${build.toFixed(1)} ms, nearest ${(nearest * 1000).toFixed(2)} µs, rect (${rect.length} cells) ${rectMs.toFixed(1)} ms, lasso 500 vertices (${inLasso.length} cells) ${lassoMs.toFixed(1)} ms`);
    expect(found).toBe(10_000);
    expect(rect.length).toBeGreaterThan(200_000);
    expect(inLasso.length).toBeGreaterThan(300_000);
    expect(build).toBeLessThan(1000); // ~30 ms on an idle core; generous for loaded CI machines
    expect(nearest).toBeLessThan(0.1);
  });
});
