import { describe, expect, it } from 'vitest';
import { densityContours, densityContoursByLabel, gaussianBlur, labelOutlines, typicalSpacing, type OutlinePolygon } from '../../../shared/analysis/outlines.ts';
import { SpatialIndex } from '../../../shared/analysis/spatial-index.ts';
import { createRng } from '../../../shared/sim/rng.ts';

/** Shoelace area of a flat ring (positive counter-clockwise with y up). */
function area(ring: Float64Array): number {
  let s = 0;
  const nv = ring.length / 2;
  for (let k = 0; k < nv; k++) {
    const m = (k + 1) % nv;
    s += ring[2 * k]! * ring[2 * m + 1]! - ring[2 * m]! * ring[2 * k + 1]!;
  }
  return s / 2;
}
const polygonArea = (p: OutlinePolygon) => p.rings.reduce((s, r) => s + area(r), 0);

/** Cells that fall inside a polygon (outer ring minus holes), by the index's lasso. */
function cellsIn(index: SpatialIndex, p: OutlinePolygon): Set<number> {
  const inside = new Set(index.inPolygon(p.rings[0]!));
  for (const hole of p.rings.slice(1)) for (const i of index.inPolygon(hole)) inside.delete(i);
  return inside;
}

/**
 * A 1000 × 1000 µm square of cells 10 µm apart: clone A (code 0) on the left half with a disc of
 * clone B (radius 150 µm) inside it, B (code 1) on the right half; 5 lone B cells scattered in A.
 */
function twoClones() {
  const x: number[] = [], y: number[] = [], codes: number[] = [];
  const specks = new Set(['105,105', '205,805', '405,155', '55,455', '305,905']);
  for (let j = 0; j < 100; j++) {
    for (let i = 0; i < 100; i++) {
      const px = 5 + 10 * i, py = 5 + 10 * j;
      const inIsland = (px - 250) ** 2 + (py - 500) ** 2 < 150 ** 2;
      x.push(px);
      y.push(py);
      codes.push(px > 500 || inIsland || specks.has(`${px},${py}`) ? 1 : 0);
    }
  }
  return { x: Float32Array.from(x), y: Float32Array.from(y), column: { labels: ['A', 'B', 'C'], codes: Uint16Array.from(codes) } };
}

describe('typicalSpacing', () => {
  it('is the cell spacing of a regular grid', () => {
    const { x, y } = twoClones();
    expect(typicalSpacing(x, y)).toBeCloseTo(10, 4);
  });
  it('is 1 without two distinct cells', () => {
    expect(typicalSpacing(Float32Array.of(3), Float32Array.of(4))).toBe(1);
  });
});

describe('labelOutlines', () => {
  const { x, y, column } = twoClones();
  const index = new SpatialIndex(x, y);

  it('outlines each label: A with the island as a hole, B as the half plus the island; specks dropped', () => {
    const polys = labelOutlines(x, y, column);
    const a = polys.filter((p) => p.label === 'A');
    const b = polys.filter((p) => p.label === 'B');
    expect(polys.some((p) => p.label === 'C')).toBe(false);
    expect(a).toHaveLength(1);
    expect(a[0]!.rings).toHaveLength(2); // outer + the island's hole
    expect(area(a[0]!.rings[0]!)).toBeGreaterThan(0);
    expect(area(a[0]!.rings[1]!)).toBeLessThan(0);
    expect(b).toHaveLength(2); // the right half and the island; no polygon for a lone cell
    // areas: A ≈ 500 × 1000 − π 150², within the raster's resolution (25 µm pixels)
    expect(polygonArea(a[0]!)).toBeGreaterThan(0.9 * (500_000 - Math.PI * 150 ** 2));
    expect(polygonArea(a[0]!)).toBeLessThan(1.1 * (500_000 - Math.PI * 150 ** 2));
    // every A cell inside A's polygon; no B cell of the island inside it
    // every A cell inside A's outline, but for those a pixel (25 µm) or less from B, where a pixel
    // holding more B than A cells goes to B
    const inA = cellsIn(index, a[0]!);
    for (let i = 0; i < x.length; i++) {
      const nearB = x[i]! > 475 || (x[i]! - 250) ** 2 + (y[i]! - 500) ** 2 < 175 ** 2;
      if (column.codes[i] === 0 && !nearB) expect(inA.has(i)).toBe(true);
    }
    for (let i = 0; i < x.length; i++) if (column.codes[i] === 1 && (x[i]! - 250) ** 2 + (y[i]! - 500) ** 2 < 120 ** 2) expect(inA.has(i)).toBe(false);
    for (const p of polys) for (const r of p.rings) expect(r.length % 2).toBe(0);
  });

  it('fills every hole when asked, and keeps specks when the minimum area allows', () => {
    const filled = labelOutlines(x, y, column, { fillHoles: true, codes: [0] });
    expect(filled).toHaveLength(1);
    expect(filled[0]!.rings).toHaveLength(1);
    // a lone cell is never the plurality of its pixel; with rule 'any' it is kept when small pieces are
    expect(labelOutlines(x, y, column, { codes: [1], minArea: 1, closingPixels: 0 })).toHaveLength(2);
    expect(labelOutlines(x, y, column, { codes: [1], minArea: 1, closingPixels: 0, rule: 'any' })).toHaveLength(2 + 5);
    expect(labelOutlines(x, y, column, { codes: [1], rule: 'any' })).toHaveLength(2);
  });

  it('uses only the included cells and the pixel size given', () => {
    const include = new Uint8Array(x.length);
    for (let i = 0; i < x.length; i++) include[i] = y[i]! < 300 ? 1 : 0;
    const polys = labelOutlines(x, y, column, { include, pixel: 20, codes: [0] });
    expect(polys).toHaveLength(1);
    let yMax = -Infinity;
    for (let k = 1; k < polys[0]!.rings[0]!.length; k += 2) yMax = Math.max(yMax, polys[0]!.rings[0]![k]!);
    expect(yMax).toBeGreaterThan(290);
    expect(yMax).toBeLessThan(330);
  });

  it('gives nothing for a label without cells or an empty table', () => {
    expect(labelOutlines(x, y, column, { codes: [2] })).toEqual([]);
    expect(labelOutlines(new Float32Array(0), new Float32Array(0), { labels: ['A'], codes: new Uint16Array(0) })).toEqual([]);
  });
});

describe('gaussianBlur', () => {
  it('keeps the total away from the border and has the expected spread', () => {
    const w = 61, h = 61, field = new Float32Array(w * h);
    field[30 * w + 30] = 1;
    const out = gaussianBlur(field, w, h, 3);
    let sum = 0, varX = 0;
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) (sum += out[r * w + c]!), (varX += out[r * w + c]! * (c - 30) ** 2);
    expect(sum).toBeCloseTo(1, 5);
    expect(Math.sqrt(varX / sum)).toBeCloseTo(3, 1);
  });
});

describe('densityContours', () => {
  // 40,000 cells at random in 1000 × 1000 µm; a cell is "chosen" with probability x / 1000
  const rng = createRng(4);
  const n = 40_000;
  const x = new Float32Array(n), y = new Float32Array(n), chosen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.uniform() * 1000;
    y[i] = rng.uniform() * 1000;
    chosen[i] = rng.uniform() < x[i]! / 1000 ? 1 : 0;
  }

  it('puts the 0.5 contour of a left-to-right gradient near x = 500', () => {
    const polys = densityContours(x, y, chosen, { bandwidthUm: 40, level: 0.5, minArea: 5000 });
    expect(polys).toHaveLength(1);
    const ring = polys[0]!.rings[0]!;
    // the boundary points well inside the section (not at its edges) lie near x = 500
    const inner: number[] = [];
    for (let k = 0; k < ring.length; k += 2) if (ring[k + 1]! > 100 && ring[k + 1]! < 900 && ring[k]! < 900) inner.push(ring[k]!);
    expect(inner.length).toBeGreaterThan(3);
    for (const v of inner) expect(Math.abs(v - 500)).toBeLessThan(120);
    expect(polygonArea(polys[0]!)).toBeGreaterThan(0.35 * 1e6);
    expect(polygonArea(polys[0]!)).toBeLessThan(0.6 * 1e6);
    expect(polys[0]!.label).toBe('selection');
  });

  it('accepts indices, and a higher level gives a smaller territory', () => {
    const indices: number[] = [];
    for (let i = 0; i < n; i++) if (chosen[i]) indices.push(i);
    const half = densityContours(x, y, { indices }, { bandwidthUm: 40, level: 0.5, minArea: 5000, label: 'clone 1' });
    const most = densityContours(x, y, chosen, { bandwidthUm: 40, level: 0.8, minArea: 5000 });
    expect(half[0]!.label).toBe('clone 1');
    expect(polygonArea(most[0]!)).toBeLessThan(polygonArea(half[0]!));
  });

  it('follows the fraction of the reference cells only, and stops at the tissue edge', () => {
    // the reference is the left half: there the chosen cells are ≤ 50 %, so no 0.6 contour
    const reference = new Uint8Array(n);
    for (let i = 0; i < n; i++) reference[i] = x[i]! < 400 ? 1 : 0;
    expect(densityContours(x, y, chosen, { bandwidthUm: 40, level: 0.6, reference, minArea: 5000 })).toEqual([]);
  });

  it('contours every label of a column', () => {
    const column = { labels: ['left', 'right'], codes: Uint16Array.from(chosen) };
    const polys = densityContoursByLabel(x, y, column, { bandwidthUm: 40, level: 0.5, minArea: 5000 });
    expect(new Set(polys.map((p) => p.label))).toEqual(new Set(['left', 'right']));
  });
});

describe('outlines at 1,000,000 cells', () => {
  it('takes well under a second', () => {
    // 1M cells 10 µm apart (jittered grid) in a 11.3 mm disc, 10 clones as Voronoi territories, 2 % noise
    const rng = createRng(8);
    const R = 5642, spacing0 = 10;
    const seeds = Array.from({ length: 10 }, () => [(rng.uniform() * 2 - 1) * R * 0.7, (rng.uniform() * 2 - 1) * R * 0.7] as const);
    const xs: number[] = [], ys: number[] = [];
    for (let py = -R; py <= R; py += spacing0) {
      for (let px = -R; px <= R; px += spacing0) if (px * px + py * py <= R * R) xs.push(px + (rng.uniform() - 0.5) * 6), ys.push(py + (rng.uniform() - 0.5) * 6);
    }
    const n = xs.length;
    const x = Float32Array.from(xs), y = Float32Array.from(ys), codes = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const px = x[i]!, py = y[i]!;
      let best = 0, bestD = Infinity;
      seeds.forEach(([sx, sy], k) => {
        const d = (px - sx) ** 2 + (py - sy) ** 2;
        if (d < bestD) [best, bestD] = [k, d];
      });
      codes[i] = rng.uniform() < 0.02 ? rng.below(10) : best;
    }
    const column = { labels: seeds.map((_, k) => `clone ${k + 1}`), codes };
    let t = performance.now();
    const index = new SpatialIndex(x, y);
    const spacing = typicalSpacing(x, y, index);
    const spacingMs = performance.now() - t;
    t = performance.now();
    const outlines = labelOutlines(x, y, column, { pixel: 2.5 * spacing });
    const outlineMs = performance.now() - t;
    t = performance.now();
    const contours = densityContoursByLabel(x, y, column, { bandwidthUm: 4 * spacing, level: 0.5, minArea: 100 * spacing ** 2 });
    const contourMs = performance.now() - t;
    console.log(`outlines, ${n} cells, 10 clones: index + typical spacing ${spacingMs.toFixed(0)} ms (${spacing.toFixed(2)} µm); labelOutlines ${outlineMs.toFixed(0)} ms (${outlines.length} polygons); densityContoursByLabel ${contourMs.toFixed(0)} ms (${contours.length} polygons)`);
    expect(n).toBeGreaterThan(990_000);
    expect(new Set(outlines.map((p) => p.label)).size).toBe(10);
    expect(new Set(contours.map((p) => p.label)).size).toBe(10);
    expect(outlineMs).toBeLessThan(3000); // ~0.3 s here; generous for loaded CI machines
    expect(contourMs).toBeLessThan(3000);
  });
});
