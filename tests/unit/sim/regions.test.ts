import { describe, expect, it } from 'vitest';
import { bandPolygons, levelRings, ringArea2 } from '../../../shared/analysis/contours.ts';
import { FAR, squaredDistanceTransform } from '../../../shared/analysis/distance-transform.ts';
import { close, fillHoles, labelComponents, largestComponent } from '../../../shared/analysis/morphology.ts';
import { labelRegions, REGION_CORE, REGION_FRONT, REGION_STROMA, tumourRegions } from '../../../shared/analysis/regions.ts';
import { createRng } from '../../../shared/sim/rng.ts';

const polygonArea = (poly: [number, number][][]) => poly.reduce((s, ring) => s + ringArea2(ring) / 2, 0);

describe('exact Euclidean distance transform', () => {
  it('matches brute force on random masks', () => {
    const rng = createRng(1);
    for (const [w, h, p] of [[17, 11, 0.05], [30, 30, 0.01], [8, 20, 0.3]] as const) {
      const mask = new Uint8Array(w * h);
      for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < p ? 1 : 0;
      mask[3] = 1;
      const d2 = squaredDistanceTransform(mask, w, h);
      for (let i = 0; i < mask.length; i++) {
        let best = Infinity;
        for (let j = 0; j < mask.length; j++)
          if (mask[j]) best = Math.min(best, ((i % w) - (j % w)) ** 2 + (Math.floor(i / w) - Math.floor(j / w)) ** 2);
        expect(d2[i]).toBe(best);
      }
    }
  });

  it('reports FAR where there is no feature at all', () => {
    expect([...squaredDistanceTransform(new Uint8Array(6), 3, 2)].every((v) => v >= FAR)).toBe(true);
  });
});

describe('mask morphology', () => {
  it('labels components, keeps the largest, fills holes, closes gaps', () => {
    // 7×5: a ring (with a hole at its centre) and a separate dot
    const m = Uint8Array.from([
      1, 1, 1, 0, 0, 0, 0,
      1, 0, 1, 0, 0, 0, 0,
      1, 1, 1, 0, 0, 1, 0,
      0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(labelComponents(m, 7, 5).sizes).toEqual([0, 8, 1]);
    const big = largestComponent(m, 7, 5);
    expect(big[19]).toBe(0);
    expect(fillHoles(big, 7, 5)[8]).toBe(1);
    const gap = Uint8Array.from([1, 1, 0, 1, 1]);
    expect([...close(gap, 5, 1, 1)]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('regions from tumour cells (SCIENCE.md §3.5)', () => {
  // a disc of tumour cells (radius R) on a 10 µm hex grid, in a square of tissue points
  const R = 600;
  const half = 1200;
  const xs: number[] = [];
  const ys: number[] = [];
  const tumour: number[] = [];
  for (let row = 0; row * 8.66 <= 2 * half; row++)
    for (let x = (row % 2) * 5; x <= 2 * half; x += 10) {
      const y = row * 8.66;
      xs.push(x);
      ys.push(y);
      tumour.push((x - half) ** 2 + (y - half) ** 2 <= R * R ? 1 : 0);
    }
  const w = 200;
  const regions = tumourRegions(xs, ys, tumour, { frontWidthUm: w });
  const labels = labelRegions(regions, xs, ys);
  // the mask edge lies ρ_d = 20 µm beyond the outermost cells (to within a pixel)
  const edge = R + 20;

  it('gives band-area fractions that the disc geometry predicts (radii within one 10 µm pixel)', () => {
    const frac = (code: number) => labels.filter((l) => l === code).length / labels.length;
    const area = (2 * half) ** 2;
    // the radius of a disc with the area the labels cover
    const radius = (f: number) => Math.sqrt((f * area) / Math.PI);
    expect(Math.abs(radius(frac(REGION_CORE)) - (edge - w / 2))).toBeLessThanOrEqual(10);
    expect(Math.abs(radius(frac(REGION_CORE) + frac(REGION_FRONT)) - (edge + w / 2))).toBeLessThanOrEqual(10);
    expect(frac(REGION_CORE) + frac(REGION_FRONT) + frac(REGION_STROMA)).toBe(1);
  });

  it('labels by the signed distance: centre core, edge front, corners stroma', () => {
    const at = (x: number, y: number) => labelRegions(regions, [x], [y])[0];
    expect(at(half, half)).toBe(REGION_CORE);
    expect(at(half + R, half)).toBe(REGION_FRONT);
    expect(at(half + edge + w / 2 - 15, half)).toBe(REGION_FRONT);
    expect(at(half + edge + w / 2 + 15, half)).toBe(REGION_STROMA);
    expect(at(10, 10)).toBe(REGION_STROMA);
    expect(at(-1e6, 0)).toBe(REGION_STROMA);
  });

  it('outlines the regions as polygons with the predicted areas and holes', () => {
    const core = bandPolygons(regions.raster, regions.signedDistance, w / 2, Infinity);
    expect(core.length).toBe(1);
    expect(core[0]!.length).toBe(1);
    expect(polygonArea(core[0]!) / (Math.PI * (edge - w / 2) ** 2)).toBeCloseTo(1, 1);
    const front = bandPolygons(regions.raster, regions.signedDistance, -w / 2, w / 2);
    expect(front.length).toBe(1);
    expect(front[0]!.length).toBe(2); // an annulus: exterior and one hole
    expect(ringArea2(front[0]![0]!)).toBeGreaterThan(0);
    expect(ringArea2(front[0]![1]!)).toBeLessThan(0);
    expect(polygonArea(front[0]!) / (Math.PI * ((edge + w / 2) ** 2 - (edge - w / 2) ** 2))).toBeCloseTo(1, 1);
    for (const ring of front[0]!) expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('fills a hollow tumour and ignores a stray island', () => {
    const px: number[] = [];
    const py: number[] = [];
    const t: number[] = [];
    for (let x = 0; x <= 1000; x += 10)
      for (let y = 0; y <= 1000; y += 10) {
        const r = Math.hypot(x - 500, y - 500);
        px.push(x);
        py.push(y);
        t.push((r >= 250 && r <= 400) || (x === 0 && y === 0) ? 1 : 0);
      }
    const reg = tumourRegions(px, py, t, { frontWidthUm: 100 });
    expect(labelRegions(reg, [500], [500])[0]).toBe(REGION_CORE);
    expect(labelRegions(reg, [0], [0])[0]).toBe(REGION_STROMA);
  });

  it('closes marching-squares rings with the inside on the left', () => {
    const raster = { x0: 0, y0: 0, pixelUm: 1, width: 5, height: 5 };
    const field = new Float32Array(25).fill(-1);
    field[12] = 1;
    const rings = levelRings(raster, field, 0);
    expect(rings.length).toBe(1);
    expect(ringArea2(rings[0]!) / 2).toBeCloseTo(0.5, 6); // a diamond with half-diagonals 0.5
  });
});
