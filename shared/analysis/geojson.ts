// Region polygons from GeoJSON as QuPath exports it (FORMATS.md §6), and back.
// Accepted: a FeatureCollection, a bare array of features (older QuPath, scripts), a single Feature
// or geometry. Polygon, MultiPolygon and GeometryCollection give polygons (one per polygon of a
// MultiPolygon); Point, LineString and features without geometry are skipped and counted.
// Name: properties.classification.name, else properties.name, else "<objectType> <feature number>".
// Colour: classification.color [r, g, b], else a colorRGB int (packed ARGB, signed), else properties.color.
// Rings are x0, y0, x1, y1, … without the closing vertex, the first one outer, then holes;
// coordinates × `scale` (µm per GeoJSON unit: QuPath writes full-resolution image pixels).

import { fail, ok, type ErrorCode, type Result } from '../errors.ts';

export type Rgb = readonly [number, number, number];

export interface RegionPolygon {
  readonly name: string;
  readonly colour?: Rgb;
  readonly rings: readonly Float64Array[];
}

export interface RegionGeoJson {
  readonly polygons: RegionPolygon[];
  /** Features (or rings) left out, by kind: "Point", "LineString", "no geometry", "degenerate ring", … */
  readonly skipped: Readonly<Record<string, number>>;
}

export interface GeoJsonOptions {
  /** µm per GeoJSON unit [1]. */
  readonly scale?: number;
  /** File name for messages. */
  readonly file?: string;
}

/** errors.ts has no GeoJSON-specific code yet. */
const BAD_GEOJSON: ErrorCode = 'invalid-argument';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

class GeoJsonError extends Error {}

export function parseRegionGeoJson(text: string, opts: GeoJsonOptions = {}): Result<RegionGeoJson> {
  const where = opts.file ? { file: opts.file } : {};
  const name = opts.file ?? 'The file';
  const scale = opts.scale ?? 1;
  if (!(scale > 0 && Number.isFinite(scale))) return fail('invalid-argument', `The scale must be a positive number of µm per unit (got ${scale}).`, where);
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return fail('file-empty', `${name} is empty.`, where);
  let root: Json;
  try {
    root = JSON.parse(body) as Json;
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 100);
    return fail(BAD_GEOJSON, `${name} is not JSON (${detail}), so it cannot be read as GeoJSON regions.`, where);
  }
  const features = featureList(root);
  if (!features) return fail(BAD_GEOJSON, `${name} is JSON but not GeoJSON: expected a FeatureCollection or a list of features, found ${describe(root)}.`, where);
  const polygons: RegionPolygon[] = [];
  const skipped: Record<string, number> = {};
  const skip = (kind: string) => (skipped[kind] = (skipped[kind] ?? 0) + 1);
  try {
    features.forEach((feature, index) => {
      const props = isObject(feature.properties) ? feature.properties : {};
      const label = featureName(props, index);
      const colour = featureColour(props);
      const add = (coords: Json, where: string) => {
        const rings = polygonRings(coords, scale, `feature ${index + 1} ("${label}")${where}`, skip);
        if (rings) polygons.push(colour ? { name: label, colour, rings } : { name: label, rings });
      };
      const visit = (geometry: Json | undefined): void => {
        if (!isObject(geometry)) return void skip('no geometry');
        const type = typeof geometry.type === 'string' ? geometry.type : 'unknown geometry';
        if (type === 'Polygon') add(geometry.coordinates ?? null, '');
        else if (type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) geometry.coordinates.forEach((c, k) => add(c, `, polygon ${k + 1}`));
        else if (type === 'GeometryCollection' && Array.isArray(geometry.geometries)) geometry.geometries.forEach(visit);
        else skip(type);
      };
      visit(feature.type === 'Feature' ? feature.geometry : feature);
    });
  } catch (e) {
    if (e instanceof GeoJsonError) return fail(BAD_GEOJSON, `${name}: ${e.message}`, where);
    throw e;
  }
  if (polygons.length === 0) {
    const found = Object.keys(skipped).length ? describeSkipped(skipped) : 'no features';
    return fail(BAD_GEOJSON, `${name} has no polygons to use as regions: found ${found}.`, where);
  }
  return ok({ polygons, skipped });
}

/** "3 Point features and 1 LineString feature" — for the status line. */
export function describeSkipped(skipped: Readonly<Record<string, number>>): string {
  const parts = Object.entries(skipped).map(([kind, k]) =>
    kind.includes(' ') ? `${k} × ${kind}` : `${k} ${kind} feature${k === 1 ? '' : 's'}`);
  return parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * QuPath-compatible GeoJSON: a FeatureCollection with one MultiPolygon annotation per name and
 * colour (in order of first appearance), properties { objectType, name, classification: { name,
 * color } }. Coordinates ÷ `scale` (µm per output unit [1]); rings closed as GeoJSON requires.
 */
export function toGeoJson(polygons: readonly RegionPolygon[], opts: { readonly scale?: number } = {}): string {
  const scale = opts.scale ?? 1;
  const groups = new Map<string, { name: string; colour?: Rgb; coordinates: number[][][][] }>();
  for (const p of polygons) {
    const key = JSON.stringify([p.name, p.colour ?? null]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name: p.name, ...(p.colour ? { colour: p.colour } : {}), coordinates: [] }));
    g.coordinates.push(p.rings.map((ring) => closedRing(ring, scale)));
  }
  const features = [...groups.values()].map((g) => ({
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: g.coordinates },
    properties: {
      objectType: 'annotation',
      name: g.name,
      classification: g.colour ? { name: g.name, color: [...g.colour] } : { name: g.name },
      isLocked: false,
    },
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}

function closedRing(ring: Float64Array, scale: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k + 1 < ring.length; k += 2) out.push([ring[k]! / scale, ring[k + 1]! / scale]);
  if (out.length) out.push([...out[0]!]);
  return out;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** The features (or bare geometries) of a GeoJSON document; null when it is not one. */
function featureList(root: Json): JsonObject[] | null {
  if (Array.isArray(root)) return root.length > 0 && root.every((f) => isObject(f) && (f.type === 'Feature' || GEOMETRY_TYPES.has(String(f.type)))) ? (root as JsonObject[]) : null;
  if (!isObject(root)) return null;
  if (root.type === 'FeatureCollection' && Array.isArray(root.features)) return root.features.filter(isObject);
  if (root.type === 'Feature' || GEOMETRY_TYPES.has(String(root.type))) return [root];
  return null;
}

function describe(v: Json): string {
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${describe(v[0]!).replace(/^an? /, '')}s`;
  if (isObject(v)) {
    if (typeof v.type === 'string') return `an object of type "${v.type}"`;
    const keys = Object.keys(v);
    return keys.length ? `an object with keys ${keys.slice(0, 5).map((k) => `"${k}"`).join(', ')}${keys.length > 5 ? ', …' : ''}` : 'an empty object';
  }
  return v === null ? 'null' : `a ${typeof v}`;
}

function featureName(props: JsonObject, index: number): string {
  const cls = props.classification;
  if (isObject(cls) && typeof cls.name === 'string' && cls.name.trim()) return cls.name;
  if (typeof props.name === 'string' && props.name.trim()) return props.name;
  return `${typeof props.objectType === 'string' ? props.objectType : 'feature'} ${index + 1}`;
}

function featureColour(props: JsonObject): Rgb | undefined {
  const cls = isObject(props.classification) ? props.classification : {};
  for (const c of [cls.color, cls.colorRGB, props.colorRGB, props.color]) {
    if (Array.isArray(c) && c.length >= 3 && c.slice(0, 3).every((v) => typeof v === 'number' && v >= 0 && v <= 255)) {
      return [Math.round(c[0] as number), Math.round(c[1] as number), Math.round(c[2] as number)];
    }
    if (typeof c === 'number' && Number.isInteger(c)) return [(c >> 16) & 255, (c >> 8) & 255, c & 255];
  }
  return undefined;
}

/** Rings of one Polygon's coordinates; null (counted) when its outer ring has fewer than 3 distinct points. */
function polygonRings(coords: Json, scale: number, what: string, skip: (kind: string) => void): Float64Array[] | null {
  if (!Array.isArray(coords)) throw new GeoJsonError(`${what} has no list of rings.`);
  const rings: Float64Array[] = [];
  for (const [k, ring] of coords.entries()) {
    if (!Array.isArray(ring)) throw new GeoJsonError(`${what}, ring ${k + 1} is not a list of points.`);
    let m = ring.length;
    const at = (j: number): [number, number] => {
      const pos = ring[j];
      if (!Array.isArray(pos) || typeof pos[0] !== 'number' || typeof pos[1] !== 'number' || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) {
        throw new GeoJsonError(`${what}, ring ${k + 1}, point ${j + 1} is not a pair of numbers (${JSON.stringify(pos)?.slice(0, 40)}).`);
      }
      return [pos[0], pos[1]];
    };
    if (m > 1) {
      const [a, b] = [at(0), at(m - 1)];
      if (a[0] === b[0] && a[1] === b[1]) m--; // the closing vertex
    }
    const flat = new Float64Array(2 * m);
    for (let j = 0; j < m; j++) {
      const [px, py] = at(j);
      flat[2 * j] = px * scale;
      flat[2 * j + 1] = py * scale;
    }
    if (distinctPoints(flat) < 3) {
      skip(k === 0 ? 'degenerate polygon' : 'degenerate hole');
      if (k === 0) return null;
      continue;
    }
    rings.push(flat);
  }
  if (rings.length === 0) {
    skip('empty polygon');
    return null;
  }
  return rings;
}

function distinctPoints(flat: Float64Array): number {
  const seen = new Set<string>();
  for (let j = 0; j < flat.length && seen.size < 3; j += 2) seen.add(`${flat[j]},${flat[j + 1]}`);
  return seen.size;
}
