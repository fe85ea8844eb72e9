import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSkipped, parseRegionGeoJson, toGeoJson, type RegionPolygon } from '../../../shared/analysis/geojson.ts';
import { realDataSkipReason, realFile, REPO } from '../../paths.ts';

const QUPATH = realFile('qupath-geojson-annotations/TD_01_verysmall_mIF.geojson');
const SIMULATED = path.join(REPO, 'sample-data/primary_regions.geojson');
if (!existsSync(QUPATH)) console.log(`QuPath GeoJSON tests skipped: ${QUPATH} not found (${realDataSkipReason})`);

function parsed(text: string, opts = {}) {
  const r = parseRegionGeoJson(text, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function errorOf(text: string, file?: string) {
  const r = parseRegionGeoJson(text, file ? { file } : {});
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const square = (x0: number, y0: number, s: number) => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];

describe('parseRegionGeoJson: QuPath annotations (real export)', () => {
  it.skipIf(!existsSync(QUPATH))('reads the 6 classified polygons, skips and counts the 3 points', () => {
    const { polygons, skipped } = parsed(readFileSync(QUPATH, 'utf8'), { file: 'TD_01_verysmall_mIF.geojson' });
    expect(polygons.map((p) => p.name)).toEqual(['class_1', 'class_2', 'class_2', 'class_1', 'class_2', 'class_1']);
    expect(polygons[0]!.colour).toEqual([3, 128, 17]);
    expect(polygons[1]!.colour).toEqual([255, 0, 255]);
    // ring sizes as written, less the repeated closing vertex (checked with Python's json module)
    expect(polygons.map((p) => p.rings.map((r) => r.length / 2))).toEqual([[145], [101], [103], [216], [7], [4]]);
    expect([polygons[0]!.rings[0]![0], polygons[0]!.rings[0]![1]]).toEqual([246, 381]);
    expect(skipped).toEqual({ Point: 3 });
    expect(describeSkipped(skipped)).toBe('3 Point features');
  });

  it.skipIf(!existsSync(QUPATH))('scales QuPath pixel coordinates to µm', () => {
    const { polygons } = parsed(readFileSync(QUPATH, 'utf8'), { scale: 0.5 });
    expect([polygons[0]!.rings[0]![0], polygons[0]!.rings[0]![1]]).toEqual([123, 190.5]);
  });
});

describe('parseRegionGeoJson: the simulator\'s regions (µm)', () => {
  it('reads core, invasive front and stroma with their holes and colours', () => {
    const { polygons, skipped } = parsed(readFileSync(SIMULATED, 'utf8'));
    expect(skipped).toEqual({});
    const byName = new Map(polygons.map((p) => [p.name, p]));
    expect([...byName.keys()].sort()).toEqual(['core', 'invasive front', 'stroma']);
    expect(byName.get('core')!.colour).toEqual([213, 94, 0]);
    expect(byName.get('core')!.rings).toHaveLength(1);
    expect(byName.get('invasive front')!.rings).toHaveLength(2); // a band: outer ring and the core's hole
    // the front's hole is the core's outline
    expect(byName.get('invasive front')!.rings[1]!.length).toBe(byName.get('core')!.rings[0]!.length);
  });
});

describe('parseRegionGeoJson: variants', () => {
  it('reads a bare array of features, colorRGB ints, names by fallback, MultiPolygons and GeometryCollections', () => {
    const text = JSON.stringify([
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(0, 0, 10)] }, properties: { name: 'tumour A', colorRGB: -65536 } },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 4)], [square(10, 10, 4), square(11, 11, 1)]] }, properties: { objectType: 'annotation', classification: { name: 'Stroma', colorRGB: -16744448 } } },
      { type: 'Feature', geometry: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [square(5, 5, 1)] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }] }, properties: { objectType: 'annotation' } },
      { type: 'Feature', geometry: null, properties: {} },
    ]);
    const { polygons, skipped } = parsed(text);
    expect(polygons.map((p) => [p.name, p.colour, p.rings.length])).toEqual([
      ['tumour A', [255, 0, 0], 1],
      ['Stroma', [0, 128, 0], 1],
      ['Stroma', [0, 128, 0], 2],
      ['annotation 3', undefined, 1],
    ]);
    expect(skipped).toEqual({ LineString: 1, 'no geometry': 1 });
    expect(describeSkipped(skipped)).toBe('1 LineString feature and 1 × no geometry');
  });

  it('reads a single Feature or bare geometry, with a byte-order mark, and drops degenerate rings', () => {
    expect(parsed('\uFEFF' + JSON.stringify({ type: 'Polygon', coordinates: [square(0, 0, 1)] })).polygons[0]!.name).toBe('feature 1');
    const r = parsed(JSON.stringify({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 1], [0, 0]]], [square(0, 0, 2), [[0, 0], [0, 0], [0, 0], [0, 0]]]] }, properties: { name: 'x' } }));
    expect(r.polygons).toHaveLength(1);
    expect(r.polygons[0]!.rings).toHaveLength(1);
    expect(r.skipped).toEqual({ 'degenerate polygon': 1, 'degenerate hole': 1 });
  });
});

describe('parseRegionGeoJson: errors say what was found', () => {
  it('not JSON', () => {
    const e = errorOf('x,y\n1,2\n', 'cells.csv');
    expect(e.message).toMatch(/^cells\.csv is not JSON \(.*\), so it cannot be read as GeoJSON regions\.$/);
    expect(e.file).toBe('cells.csv');
  });
  it('empty', () => {
    expect(errorOf('  \n').code).toBe('file-empty');
  });
  it('JSON but not GeoJSON', () => {
    expect(errorOf('{"cells": [], "units": "um"}', 'a.json').message).toBe('a.json is JSON but not GeoJSON: expected a FeatureCollection or a list of features, found an object with keys "cells", "units".');
    expect(errorOf('{"type": "Topology", "objects": {}}').message).toContain('found an object of type "Topology"');
    expect(errorOf('[1, 2]').message).toContain('found a list of numbers');
    expect(errorOf('42').message).toContain('found a number');
  });
  it('no polygons', () => {
    const points = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }, { type: 'Feature', geometry: { type: 'Point', coordinates: [3, 4] }, properties: {} }] });
    expect(errorOf(points, 'p.geojson').message).toBe('p.geojson has no polygons to use as regions: found 2 Point features.');
    expect(errorOf('{"type": "FeatureCollection", "features": []}').message).toBe('The file has no polygons to use as regions: found no features.');
  });
  it('bad coordinates name the feature, ring and point', () => {
    const bad = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 'a'], [1, 1], [0, 0]]] }, properties: { name: 'core' } }] });
    expect(errorOf(bad, 'r.geojson').message).toBe('r.geojson: feature 1 ("core"), ring 1, point 2 is not a pair of numbers ([1,"a"]).');
  });
  it('a bad scale', () => {
    const r = parseRegionGeoJson('{}', { scale: 0 });
    expect(r.ok).toBe(false);
  });
});

describe('toGeoJson', () => {
  const polygons: RegionPolygon[] = [
    { name: 'core', colour: [213, 94, 0], rings: [Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), Float64Array.of(2, 2, 2, 3, 3, 3)] },
    { name: 'core', colour: [213, 94, 0], rings: [Float64Array.of(20, 0, 30, 0, 25, 8.125)] },
    { name: 'stroma', rings: [Float64Array.of(-5, -5, 40, -5, 40, 40)] },
  ];

  it('round-trips through parseRegionGeoJson (same-named polygons grouped in one MultiPolygon)', () => {
    const text = toGeoJson(polygons);
    const doc = JSON.parse(text);
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features).toHaveLength(2);
    expect(doc.features[0].geometry.type).toBe('MultiPolygon');
    expect(doc.features[0].properties).toEqual({ objectType: 'annotation', name: 'core', classification: { name: 'core', color: [213, 94, 0] }, isLocked: false });
    expect(doc.features[0].geometry.coordinates[0][0]).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]); // closed
    expect(parsed(text).polygons).toEqual(polygons);
  });

  it('round-trips the real QuPath export and the simulator\'s regions, with a scale', () => {
    for (const file of [QUPATH, SIMULATED].filter((f) => existsSync(f))) {
      const original = parsed(readFileSync(file, 'utf8'), { scale: 0.25 });
      const names = [...new Set(original.polygons.map((p) => p.name))];
      const grouped = names.flatMap((name) => original.polygons.filter((p) => p.name === name));
      const again = parsed(toGeoJson(original.polygons, { scale: 0.25 }), { scale: 0.25 });
      expect(again.polygons).toEqual(grouped);
    }
  });
});
