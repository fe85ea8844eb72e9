// Regions derived from tumour cells (SCIENCE.md §3.5) on simulated disc-shaped tumours, where the
// geometry predicts every area.
//
// The tumour: hexagonal lattice (10 µm), tumour cells within R = 1,000 µm of the centre, normal cells
// out to 1,600 µm. Defaults for 10 µm spacing: pixel p = 10 µm, dilation ρ = 20 µm, closing 50 µm (a
// disc is convex: closing changes nothing). The mask is the disc grown by ρ: R_m = R + ρ = 1,020 µm.
// Quantity tested: the equivalent radius r = √(area/π) of each level set of d — core (d > w/2) has
// radius R_m − w/2, core ∪ front (d ≥ −w/2) R_m + w/2 — and the front's share of core ∪ front,
//   f = ((R_m + w/2)² − (R_m − w/2)²) / (R_m + w/2)².
// Tolerance: one pixel on every radius. The mask's edge lies on pixel edges, within p/2 of the true
// circle, and d is sampled at pixel centres (another ≤ p/2), so each level set is the true circle
// ± p; f is checked against its values with both radii moved by ∓p / ±p.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CORE, deriveRegions, FRONT, NO_REGION, OUTSIDE, regionOf } from '../../../shared/analysis/derived-regions.ts';
import { polygonArea } from '../../../shared/analysis/region-stats.ts';
import { REPO } from '../../paths.ts';

function disc(R: number, outer: number, spacing = 10, scale = 1) {
  const xs: number[] = [], ys: number[] = [], tumour: number[] = [];
  const dy = (spacing * Math.sqrt(3)) / 2;
  for (let r = -Math.ceil(outer / dy); r <= Math.ceil(outer / dy); r++) {
    for (let q = -Math.ceil(outer / spacing) - 1; q <= Math.ceil(outer / spacing) + 1; q++) {
      const x = q * spacing + (r & 1 ? spacing / 2 : 0), y = r * dy, d = Math.hypot(x, y);
      if (d > outer) continue;
      xs.push((x + 5000) * scale);
      ys.push((y + 5000) * scale);
      tumour.push(d <= R ? 1 : 0);
    }
  }
  return { x: Float32Array.from(xs), y: Float32Array.from(ys), tumour: Uint8Array.from(tumour) };
}

const P = 10;
const RM = 1020;
const cells = disc(1000, 1600);
const regions = deriveRegions(cells.x, cells.y, cells.tumour)!;
const radius = (area: number) => Math.sqrt(area / Math.PI);

describe('derived regions of a disc-shaped tumour', () => {
  it('uses the SCIENCE.md sizes for 10 µm cells and grows the mask by the dilation', () => {
    expect([regions.raster.pixelUm, regions.dilate, regions.closing]).toEqual([10, 20, 50]);
    expect(Math.abs(radius(regions.maskArea) - RM)).toBeLessThanOrEqual(P);
    expect(regions.tumourCells).toBe(cells.tumour.reduce((s, v) => s + v, 0));
    // the deepest pixel centre misses the disc's centre by ≤ p/√2 and the staircase edge adds ≤ p/2
    expect(Math.abs(regions.maxDepth - RM)).toBeLessThanOrEqual(2 * P);
  });

  it.each([200, 400, 1000])('symmetric band w = %i µm: core and front areas as the geometry predicts', (w) => {
    const a = regions.areasFor(w);
    const rCore = radius(a[CORE]!);
    const rOuter = radius(a[CORE]! + a[FRONT]!);
    expect(Math.abs(rCore - (RM - w / 2))).toBeLessThanOrEqual(P);
    expect(Math.abs(rOuter - (RM + w / 2))).toBeLessThanOrEqual(P);
    const f = (ri: number, ro: number) => 1 - (ri * ri) / (ro * ro);
    const front = a[FRONT]! / (a[CORE]! + a[FRONT]!);
    // e.g. w = 400: f = (1220² − 820²) / 1220² = 0.5482, allowed [0.5355, 0.5606]
    expect(front).toBeGreaterThanOrEqual(f(RM - w / 2 + P, RM + w / 2 - P));
    expect(front).toBeLessThanOrEqual(f(RM - w / 2 - P, RM + w / 2 + P));
  });

  it.each([200, 400])('front inside only, w = %i µm: front is 0 ≤ d ≤ w', (w) => {
    const a = regions.areasFor(w, true);
    expect(Math.abs(radius(a[CORE]!) - (RM - w))).toBeLessThanOrEqual(P);
    expect(Math.abs(radius(a[CORE]! + a[FRONT]!) - RM)).toBeLessThanOrEqual(P); // the mask itself
  });

  it('labels cells by the same thresholds: the core holds (R_m − w/2)² / R² of the tumour cells', () => {
    // w = 400: (820 / 1000)² = 0.6724; ±p on the radius: ±2 · 820 · 10 / 1000² = ±0.0164
    const labels = regions.labelsFor(400);
    let tumour = 0, core = 0, mismatched = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== regionOf(regions.cellDistance[i]!, 400)) mismatched++;
      if (cells.tumour[i]) tumour++, (core += labels[i] === CORE ? 1 : 0);
    }
    expect(mismatched).toBe(0);
    expect(Math.abs(core / tumour - 0.6724)).toBeLessThanOrEqual(0.0164);
    // inside only: every cell outside the mask is outside, and only those
    const inside = regions.labelsFor(400, true);
    let wrong = 0;
    for (let i = 0; i < inside.length; i++) if ((inside[i] === OUTSIDE) !== regions.cellDistance[i]! < 0) wrong++;
    expect(wrong).toBe(0);
  });

  it('draws one core disc, one front ring (outer ring + hole) and the outside around it', () => {
    const w = 400;
    const polys = regions.polygonsFor(w);
    const core = polys.filter((p) => p.name === 'core');
    const front = polys.filter((p) => p.name === 'invasive front');
    expect(core.map((p) => p.rings.length)).toEqual([1]);
    expect(front.map((p) => p.rings.length)).toEqual([2]);
    expect(polys.some((p) => p.name === 'outside')).toBe(true);
    expect(core[0]!.colour).toEqual([213, 94, 0]);
    // polygon areas match the raster areas (rings run through pixel centres; simplified by p/4)
    const a = regions.areasFor(w);
    expect(Math.abs(radius(polygonArea(core[0]!.rings)) - radius(a[CORE]!))).toBeLessThanOrEqual(P);
    expect(Math.abs(radius(polygonArea(core[0]!.rings) + polygonArea(front[0]!.rings)) - radius(a[CORE]! + a[FRONT]!))).toBeLessThanOrEqual(P);
  });

  it('suggests the ±500 µm band (w = 1000 µm) when the tumour keeps a core with it', () => {
    // R_m ≈ 1,020 µm ≥ 1,000 µm deep: the core keeps a radius of ≈ 520 µm
    expect(regions.suggestedWidth).toBe(1000);
    expect(regions.suggestedRule).toBe('default');
    expect(regions.labelsFor(1000).filter((l) => l === CORE).length).toBeGreaterThan(1000);
  });

  it('falls back to a tenth of the diameter for a tumour too small for the ±500 µm band', () => {
    const smaller = disc(800, 1200);
    const r = deriveRegions(smaller.x, smaller.y, smaller.tumour)!;
    // R_m ≈ 820 µm < 1,000 µm deep: D/10 ≈ 164 → 200 µm
    expect(r.suggestedRule).toBe('diameter');
    expect(r.suggestedWidth).toBe(200);
  });
});

describe('derived regions in other settings', () => {
  it('a table in pixels (0.5 µm each, pixel size unknown) gets sizes from the cell spacing', () => {
    const px = disc(1000, 1600, 10, 2); // spacing 20 px
    const r = deriveRegions(px.x, px.y, px.tumour, { units: 'px' })!;
    expect(r.units).toBe('px');
    expect(r.raster.pixelUm).toBeCloseTo(20, 3); // pixel = s
    expect(r.dilate).toBeCloseTo(40, 3); // 2 s
    expect(Math.abs(radius(r.maskArea) - 2040)).toBeLessThanOrEqual(20);
    expect(r.suggestedWidth).toBe(400); // D/10 = 408 px
    const labels = r.labelsFor(r.suggestedWidth);
    expect(new Set(labels)).toEqual(new Set([OUTSIDE, FRONT, CORE]));
  });

  it('a small tumour still gets a core at the suggested width', () => {
    const small = disc(150, 400);
    const r = deriveRegions(small.x, small.y, small.tumour)!;
    // R_m ≈ 170 µm, D/10 ≈ 34 → 30 µm
    expect(r.suggestedWidth).toBe(30);
    const labels = r.labelsFor(r.suggestedWidth);
    expect(labels.filter((l) => l === CORE).length).toBeGreaterThan(100);
    expect(r.labelsFor(1000).filter((l) => l === CORE).length).toBe(0); // what ±500 µm would do
  });

  it('sparse spots (100 µm apart) make one connected mask', () => {
    const spots = disc(1500, 2500, 100);
    const r = deriveRegions(spots.x, spots.y, spots.tumour)!;
    expect(r.dilate).toBeCloseTo(100, 3); // max(20 µm, s)
    let inside = 0, tumour = 0;
    for (let i = 0; i < spots.tumour.length; i++) if (spots.tumour[i]) tumour++, (inside += r.cellDistance[i]! >= 0 ? 1 : 0);
    expect(inside).toBe(tumour);
  });

  it('no tumour cell: nothing to derive; non-finite coordinates get no region', () => {
    expect(deriveRegions([0, 10], [0, 10], [0, 0])).toBeNull();
    const small = disc(150, 400);
    const n = small.x.length;
    const r = deriveRegions(Float32Array.from([...small.x, NaN]), Float32Array.from([...small.y, 5]), Uint8Array.from([...small.tumour, 1]))!;
    expect(r.labelsFor(100)[n]).toBe(NO_REGION);
    expect(r.labelsFor(100)[0]).toBe(OUTSIDE);
    expect(regionOf(NaN, 100)).toBe(NO_REGION);
  });

  it('thresholds are closed at the front: d = ±w/2 is front, d = 0 is front inside only', () => {
    expect([regionOf(100, 200), regionOf(-100, 200), regionOf(100.01, 200), regionOf(-100.01, 200)]).toEqual([FRONT, FRONT, CORE, OUTSIDE]);
    expect([regionOf(0, 200, true), regionOf(200, 200, true), regionOf(-0.01, 200, true), regionOf(200.01, 200, true)]).toEqual([FRONT, FRONT, OUTSIDE, CORE]);
  });
});

describe('derived regions on the sample primary (simulated truth in its region column)', () => {
  it('agree with the simulator\'s regions (same §3.5 recipe, w = 200 µm) for ≥ 99 % of cells', () => {
    const rows = gunzipSync(readFileSync(`${REPO}/sample-data/primary_cells.csv.gz`)).toString('utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const x = Float32Array.from(rows, (r) => Number(r[1]));
    const y = Float32Array.from(rows, (r) => Number(r[2]));
    const r = deriveRegions(x, y, Uint8Array.from(rows, (row) => (row[4] === 'normal' ? 0 : 1)))!;
    // the simulator masked the tumour sites before immune cells replaced a few tumour cells: not identical
    expect(r.suggestedWidth).toBe(200); // what the simulator chose for this section
    const labels = r.labelsFor(200);
    const names = ['stroma', 'invasive front', 'core'];
    const agree = rows.filter((row, i) => names[labels[i]!] === row[3]).length;
    expect(agree / rows.length).toBeGreaterThanOrEqual(0.99); // measured 0.9962
  });
});
