// Per-region cells, area, density and composition, on hand-placed cells and polygons.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegionGeoJson, type RegionPolygon } from '../../../shared/analysis/geojson.ts';
import { insidePolygon } from '../../../shared/analysis/label-point.ts';
import { cellsInPolygons, polygonArea, rasterArea, regionStats } from '../../../shared/analysis/region-stats.ts';
import { realDataSkipReason, realFile } from '../../paths.ts';

const QUPATH = realFile('qupath-geojson-annotations/TD_01_verysmall_mIF.geojson');
if (!existsSync(QUPATH)) console.log(`region-stats: the QuPath polygon test is skipped (${realDataSkipReason})`);

const ring = (...xy: number[]) => Float64Array.from(xy);
// A: the square [0, 2000]² µm with a 200 × 200 µm hole; B: a right triangle with legs of 1000 µm
const A: RegionPolygon = { name: 'A', rings: [ring(0, 0, 2000, 0, 2000, 2000, 0, 2000), ring(1400, 400, 1600, 400, 1600, 600, 1400, 600)] };
const B: RegionPolygon = { name: 'B', rings: [ring(2000, 0, 3000, 0, 2000, 1000)] };

// cells:       0          1           2           3            4            5
const x = [500, 1500, 500, 1500, 3000, 2200];
const y = [500, 500, 1500, 1500, 3000, 300];
const clone = { name: 'clone', tumourOnly: true, labels: ['C1', 'C2', 'normal'], codes: Uint16Array.from([0, 1, 2, 0, 0, 1]) };
const phenotype = { name: 'cell_type', labels: ['tumour', 'T cell'], codes: Uint16Array.from([0, 0, 1, 0, 0, 0xffff]) };

describe('polygon areas and membership', () => {
  it('area = outer ring − holes, whatever the ring orientation', () => {
    expect(polygonArea(A.rings)).toBe(4_000_000 - 40_000); // 2000² − 200²
    expect(polygonArea(B.rings)).toBe(500_000); // ½ · 1000 · 1000
    expect(polygonArea([ring(0, 0, 0, 10, 10, 10, 10, 0)])).toBe(100); // clockwise
  });

  it('cells in the hole are outside', () => {
    expect([...cellsInPolygons(x, y, [A])]).toEqual([1, 0, 1, 1, 0, 0]);
    expect([...cellsInPolygons(x, y, [B])]).toEqual([0, 0, 0, 0, 0, 1]);
    expect([...cellsInPolygons(x, y, [A, B])]).toEqual([1, 0, 1, 1, 0, 1]);
  });

  it('agrees with the plain even–odd test on a star with a hole', () => {
    const star: number[] = [];
    for (let k = 0; k < 40; k++) {
      const r = k % 2 ? 300 : 1000, a = (k * Math.PI) / 20;
      star.push(r * Math.cos(a), r * Math.sin(a));
    }
    const rings = [Float64Array.from(star), ring(-100, -100, 100, -100, 100, 100, -100, 100)];
    const px: number[] = [], py: number[] = [];
    for (let i = 0; i < 20_000; i++) px.push(((i * 7919) % 2400) - 1200 + 0.5), py.push(((i * 104729) % 2400) - 1200 + 0.25);
    const got = cellsInPolygons(px, py, [{ rings }]);
    const want = px.map((_, i) => (insidePolygon(rings, px[i]!, py[i]!) ? 1 : 0));
    expect([...got]).toEqual(want);
  });

  it.skipIf(!existsSync(QUPATH))('agrees with the plain even–odd test on the real QuPath annotations', () => {
    const parsed = parseRegionGeoJson(readFileSync(QUPATH, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const px: number[] = [], py: number[] = [];
    for (let i = 0; i < 20_000; i++) px.push((i * 37) % 1000 + 0.3), py.push((i * 61) % 1000 + 0.7);
    for (const p of parsed.value.polygons) {
      const want = px.map((_, i) => (insidePolygon(p.rings, px[i]!, py[i]!) ? 1 : 0));
      expect([...cellsInPolygons(px, py, [p])]).toEqual(want);
    }
  });
});

describe('regionStats', () => {
  it('regions from polygons: cells, mm², density and composition', () => {
    const s = regionStats({ x, y, units: 'um', polygons: [A, B], columns: [clone, phenotype] });
    expect(s.areaUnit).toBe('mm²');
    expect(s.columns).toEqual([
      { name: 'clone', tumourOnly: true, labels: ['C1', 'C2'] },
      { name: 'cell_type', tumourOnly: false, labels: ['T cell', 'tumour'] },
    ]);
    const [a, b] = s.regions;
    // A: cells 0, 2, 3 (cell 1 is in the hole); 3.96 mm²; 3 / 3.96 = 0.7575758 cells/mm²
    expect([a!.name, a!.cells, a!.areaSource]).toEqual(['A', 3, 'polygon']);
    expect(a!.area).toBeCloseTo(3.96, 12);
    expect(a!.density).toBeCloseTo(0.7575758, 6);
    // clone over tumour cells: C1 (cells 0, 3) = 2 of 2; cell 2 is normal
    expect([...a!.compositions[0]!.counts]).toEqual([2, 0]);
    expect([...a!.compositions[0]!.fractions]).toEqual([1, 0]);
    expect(a!.compositions[0]!.total).toBe(2);
    // cell type over labelled cells: T cell 1, tumour 2
    expect([...a!.compositions[1]!.counts]).toEqual([1, 2]);
    expect(a!.compositions[1]!.fractions[1]).toBeCloseTo(2 / 3, 12);
    // B: cell 5 (C2, no cell type); 0.5 mm², 2 cells/mm²
    expect([b!.cells, b!.area, b!.density]).toEqual([1, 0.5, 2]);
    expect([...b!.compositions[0]!.counts]).toEqual([0, 1]);
    expect(b!.compositions[1]!.total).toBe(0);
  });

  it('regions from a column: raster area when there is no polygon, polygon area when there is', () => {
    // 100 × 100 cells 10 µm apart: each holds 10 × 10 µm, 1 mm² in all; raster pixel 2 × 10 µm,
    // error ≤ perimeter × pixel/2 = 4,000 µm × 10 µm = 0.04 mm²
    const gx: number[] = [], gy: number[] = [], codes: number[] = [];
    for (let r = 0; r < 100; r++) for (let c = 0; c < 200; c++) gx.push(5 + 10 * c), gy.push(5 + 10 * r), codes.push(c < 100 ? 0 : 1);
    const square: RegionPolygon = { name: 'right', rings: [ring(1000, 0, 2000, 0, 2000, 1000, 1000, 1000)] };
    const s = regionStats({ x: gx, y: gy, units: 'um', membership: { codes, labels: ['left', 'right', 'empty'] }, polygons: [square] });
    const [left, right, empty] = s.regions;
    expect([left!.cells, left!.areaSource]).toEqual([10_000, 'raster']);
    expect(Math.abs(left!.area - 1)).toBeLessThanOrEqual(0.04);
    expect([right!.cells, right!.area, right!.density, right!.areaSource]).toEqual([10_000, 1, 10_000, 'polygon']);
    expect([empty!.cells, empty!.area, empty!.density]).toEqual([0, NaN, NaN]);
  });

  it('pixel tables: px² without a pixel size, mm² with one', () => {
    const px = regionStats({ x, y, units: 'px', polygons: [B] });
    expect(px.areaUnit).toBe('px²');
    expect(px.regions[0]!.area).toBe(500_000);
    const um = regionStats({ x, y, units: 'px', pixelSizeUm: 0.5, polygons: [B] });
    expect(um.areaUnit).toBe('mm²');
    expect(um.regions[0]!.area).toBeCloseTo(0.125, 12); // 500,000 px² × 0.25 µm²/px² = 125,000 µm²
  });

  it('rasterArea of one cell is one pixel, of none zero', () => {
    expect(rasterArea([5], [5], Uint8Array.from([1]), 20)).toBe(400);
    expect(rasterArea([5], [5], Uint8Array.from([0]), 20)).toBe(0);
  });
});
