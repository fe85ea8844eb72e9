// Exporting regions: QuPath-compatible GeoJSON that reads back as the same regions, and the
// per-region CSV table.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveRegions } from '../../../shared/analysis/derived-regions.ts';
import { parseRegionGeoJson, type RegionPolygon } from '../../../shared/analysis/geojson.ts';
import { regionStatsCsv, regionsToGeoJson } from '../../../shared/analysis/region-export.ts';
import { regionStats } from '../../../shared/analysis/region-stats.ts';
import { realDataSkipReason, realFile } from '../../paths.ts';

const QUPATH = realFile('qupath-geojson-annotations/TD_01_verysmall_mIF.geojson');
if (!existsSync(QUPATH)) console.log(`region-export: the QuPath round trip is skipped (${realDataSkipReason})`);

function read(text: string, scale?: number): RegionPolygon[] {
  const r = parseRegionGeoJson(text, scale === undefined ? {} : { scale });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.polygons;
}

/** Same names, colours and ring sizes; every coordinate within `tol`. */
function expectSameRegions(got: readonly RegionPolygon[], want: readonly RegionPolygon[], tol: number) {
  expect(got.map((p) => p.name)).toEqual(want.map((p) => p.name));
  expect(got.map((p) => p.colour)).toEqual(want.map((p) => p.colour));
  expect(got.map((p) => p.rings.map((r) => r.length))).toEqual(want.map((p) => p.rings.map((r) => r.length)));
  let worst = 0;
  got.forEach((p, k) => p.rings.forEach((r, j) => r.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - want[k]!.rings[j]![i]!))))));
  expect(worst).toBeLessThanOrEqual(tol);
}

describe('regions → QuPath GeoJSON → regions', () => {
  // a tumour of radius 300 µm (10 µm lattice) inside 600 µm of tissue
  const xs: number[] = [], ys: number[] = [], t: number[] = [];
  for (let i = -60; i <= 60; i++) for (let j = -60; j <= 60; j++) if (Math.hypot(i, j) <= 60) xs.push(1000 + 10 * i), ys.push(1000 + 10 * j), t.push(Math.hypot(i, j) <= 30 ? 1 : 0);
  const derived = deriveRegions(xs, ys, t)!.polygonsFor(100);

  it('derived regions in µm come back exactly', () => {
    expect(new Set(derived.map((p) => p.name))).toEqual(new Set(['core', 'invasive front', 'outside']));
    const text = regionsToGeoJson(derived);
    const json = JSON.parse(text);
    expect(json.type).toBe('FeatureCollection');
    expect(json.features.map((f: { properties: { objectType: string; classification: { name: string } } }) => [f.properties.objectType, f.properties.classification.name]))
      .toEqual([['annotation', 'core'], ['annotation', 'invasive front'], ['annotation', 'outside']]);
    expectSameRegions(read(text), derived, 0);
  });

  it('in image pixels for QuPath (0.2125 µm per pixel): back to µm within rounding', () => {
    const text = regionsToGeoJson(derived, { pixelSizeUm: 0.2125 });
    const first = JSON.parse(text).features[0].geometry.coordinates[0][0][0];
    expect(first[0]).toBeCloseTo(derived[0]!.rings[0]![0]! / 0.2125, 9);
    expectSameRegions(read(text, 0.2125), derived, 1e-9);
  });

  it.skipIf(!existsSync(QUPATH))('the real QuPath export: read in µm, written in its pixels, read again', () => {
    const original = readFileSync(QUPATH, 'utf8');
    const inUm = read(original, 0.5); // say 0.5 µm per pixel
    const again = read(regionsToGeoJson(inUm, { pixelSizeUm: 0.5 }));
    // one MultiPolygon per class: the polygons come back grouped by name, each group in file order
    const want = read(original);
    const names = [...new Set(want.map((p) => p.name))];
    expectSameRegions(again, names.flatMap((n) => want.filter((p) => p.name === n)), 1e-9);
    // QuPath's own fields survive: classification name and colour
    expect(again[0]!.colour).toEqual([3, 128, 17]);
  });
});

describe('per-region CSV', () => {
  it('region, cells, area, density, tumour cells, counts and fractions per clone, area source', () => {
    const x = [500, 1500, 500, 1500, 2200];
    const y = [500, 500, 1500, 1500, 300];
    const A: RegionPolygon = { name: 'core, left', rings: [Float64Array.from([0, 0, 2000, 0, 2000, 2000, 0, 2000])] };
    const B: RegionPolygon = { name: 'B', rings: [Float64Array.from([2000, 0, 3000, 0, 2000, 1000])] };
    const clone = { name: 'clone', tumourOnly: true, labels: ['C2', 'C1', 'normal'], codes: Uint16Array.from([1, 0, 2, 1, 0]) };
    const stats = regionStats({ x, y, units: 'um', polygons: [A, B], columns: [clone] });
    // A: 4 cells on 4 mm² → 1 per mm²; tumour C1 2, C2 1 → 2/3 = 0.666667, 1/3 = 0.333333
    // B: 1 cell (C2) on 0.5 mm² → 2 per mm²
    expect(regionStatsCsv(stats)).toBe(
      'region,cells,area_mm2,density_per_mm2,tumour_cells,count_C1,count_C2,fraction_C1,fraction_C2,area_source\n' +
      '"core, left",4,4,1,3,2,1,0.666667,0.333333,polygon\n' +
      'B,1,0.5,2,1,0,1,0,1,polygon\n',
    );
    const px = regionStatsCsv(regionStats({ x, y, units: 'px', polygons: [B], columns: [clone, { name: 'type', labels: ['T'], codes: Uint16Array.from([0, 0, 0, 0, 0]) }] }));
    // labels with no cell in any region (C1 here) get no column; a second column is prefixed with its name
    expect(px.split('\n')[0]).toBe('region,cells,area_px2,density_per_px2,tumour_cells,count_C2,fraction_C2,type_count_T,type_fraction_T,area_source');
    expect(px.split('\n')[1]).toBe('B,1,500000,0.000002,1,1,1,1,1,polygon');
  });
});
