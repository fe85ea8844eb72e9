// Per-region statistics: cells, area, density and composition by categorical columns.
// Regions come either as a code per cell (a region column, derived regions) with optional polygons
// by name, or as polygons only (GeoJSON, Xenium Explorer, drawn) — then a cell belongs to every
// region whose polygons contain it (even–odd over each polygon's rings; overlapping annotations
// count a cell in each).
// Area: from the region's polygons when it has any (shoelace: outer ring minus holes; polygons of the
// same name are summed, so overlaps count twice) — areaSource 'polygon'; else from a raster of its
// cells — pixel 2 × the typical cell spacing, a pixel counts when it holds a cell of the region,
// closed by one pixel — areaSource 'raster' (error about ± perimeter × pixel / 2).
// Units: µm tables give mm² and cells/mm²; px tables give mm² when a pixel size is given, else px²
// and cells/px² (areaUnit says which).

import { tumourCodeMask } from './diversity.ts';
import type { RegionPolygon } from './geojson.ts';
import { close } from './morphology.ts';
import { typicalSpacing } from './outlines.ts';
import type { CategoryCodes } from './selection.ts';

export interface StatColumn extends CategoryCodes {
  readonly name: string;
  /** Count tumour labels only, fractions over tumour cells (the clone column, SCIENCE.md §3.1). */
  readonly tumourOnly?: boolean;
}

export interface RegionStatsInput {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly units: 'um' | 'px';
  /** µm per px, for px tables. */
  readonly pixelSizeUm?: number;
  /** Region of each cell: code into labels (≥ labels.length: none). Without it, polygons decide. */
  readonly membership?: { readonly codes: ArrayLike<number>; readonly labels: readonly string[] };
  readonly polygons?: readonly RegionPolygon[];
  readonly columns?: readonly StatColumn[];
}

export interface ColumnComposition {
  readonly counts: Float64Array;
  /** counts / total (0 when total is 0). */
  readonly fractions: Float64Array;
  /** Denominator: tumour cells (tumourOnly) or cells with a label. */
  readonly total: number;
}

export interface RegionStat {
  readonly name: string;
  readonly cells: number;
  /** In `areaUnit`; NaN when the region has no polygon and no cell. */
  readonly area: number;
  readonly areaSource: 'polygon' | 'raster';
  /** cells / area. */
  readonly density: number;
  /** One per input column, over that column's `labels` in RegionStats.columns. */
  readonly compositions: readonly ColumnComposition[];
}

export interface RegionStats {
  readonly areaUnit: 'mm²' | 'px²';
  readonly columns: readonly { readonly name: string; readonly tumourOnly: boolean; readonly labels: readonly string[] }[];
  readonly regions: readonly RegionStat[];
}

/** Area of one polygon (rings x0, y0, …): |outer| − Σ|holes|, table units². */
export function polygonArea(rings: readonly Float64Array[]): number {
  let a = 0;
  rings.forEach((r, k) => {
    let s = 0;
    const m = r.length / 2;
    for (let i = 0, j = m - 1; i < m; j = i++) s += r[2 * j]! * r[2 * i + 1]! - r[2 * i]! * r[2 * j + 1]!;
    a += k === 0 ? Math.abs(s) / 2 : -Math.abs(s) / 2;
  });
  return a;
}

/** 1 for each cell inside any of the polygons (even–odd per polygon). Edges bucketed by y: O(cells + edges). */
export function cellsInPolygons(x: ArrayLike<number>, y: ArrayLike<number>, polygons: readonly { readonly rings: readonly Float64Array[] }[]): Uint8Array {
  const out = new Uint8Array(x.length);
  for (const poly of polygons) {
    const edges: number[] = [];
    let y0 = Infinity, y1 = -Infinity, x0 = Infinity, x1 = -Infinity;
    for (const r of poly.rings) {
      const m = r.length / 2;
      for (let i = 0, j = m - 1; i < m; j = i++) {
        edges.push(r[2 * j]!, r[2 * j + 1]!, r[2 * i]!, r[2 * i + 1]!);
        y0 = Math.min(y0, r[2 * i + 1]!), y1 = Math.max(y1, r[2 * i + 1]!);
        x0 = Math.min(x0, r[2 * i]!), x1 = Math.max(x1, r[2 * i]!);
      }
    }
    const E = edges.length / 4;
    if (E < 3 || !(y1 > y0)) continue;
    const B = Math.min(4096, E);
    const h = (y1 - y0) / B;
    const band = (v: number) => Math.min(B - 1, Math.max(0, Math.floor((v - y0) / h)));
    const start = new Uint32Array(B + 1);
    for (let e = 0; e < E; e++) for (let b = band(Math.min(edges[4 * e + 1]!, edges[4 * e + 3]!)); b <= band(Math.max(edges[4 * e + 1]!, edges[4 * e + 3]!)); b++) start[b + 1]!++;
    for (let b = 0; b < B; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, B);
    const list = new Uint32Array(start[B]!);
    for (let e = 0; e < E; e++) for (let b = band(Math.min(edges[4 * e + 1]!, edges[4 * e + 3]!)); b <= band(Math.max(edges[4 * e + 1]!, edges[4 * e + 3]!)); b++) list[fill[b]!++] = e;
    for (let i = 0; i < x.length; i++) {
      const px = x[i]!, py = y[i]!;
      if (!(px >= x0 && px <= x1 && py >= y0 && py <= y1)) continue;
      let inside = false;
      const b = band(py);
      for (let k = start[b]!; k < start[b + 1]!; k++) {
        const e = 4 * list[k]!;
        const xj = edges[e]!, yj = edges[e + 1]!, xi = edges[e + 2]!, yi = edges[e + 3]!;
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      }
      if (inside) out[i] = 1;
    }
  }
  return out;
}

/** Area covered by the cells with member[i] ≠ 0 on a raster of `pixel` (table units²). */
export function rasterArea(x: ArrayLike<number>, y: ArrayLike<number>, member: Uint8Array, pixel: number, maxPixels = 4_000_000): number {
  let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (!member[i] || !Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) continue;
    xMin = Math.min(xMin, x[i]!), xMax = Math.max(xMax, x[i]!), yMin = Math.min(yMin, y[i]!), yMax = Math.max(yMax, y[i]!);
  }
  if (!(xMax >= xMin)) return 0;
  let p = pixel > 0 ? pixel : 1;
  while ((Math.floor((xMax - xMin) / p) + 5) * (Math.floor((yMax - yMin) / p) + 5) > maxPixels) p *= 1.25;
  const W = Math.floor((xMax - xMin) / p) + 5, H = Math.floor((yMax - yMin) / p) + 5;
  const grid = new Uint8Array(W * H);
  for (let i = 0; i < x.length; i++) {
    if (!member[i] || !Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) continue;
    grid[(Math.floor((y[i]! - yMin) / p) + 2) * W + Math.floor((x[i]! - xMin) / p) + 2] = 1;
  }
  const closed = close(grid, W, H, 1);
  let count = 0;
  for (let q = 0; q < closed.length; q++) count += closed[q]!;
  return count * p * p;
}

/** Statistics of every region (membership labels in code order, else polygon names in order of first appearance). */
export function regionStats(input: RegionStatsInput): RegionStats {
  const { x, y } = input;
  const n = x.length;
  const polygons = input.polygons ?? [];
  const byName = new Map<string, RegionPolygon[]>();
  for (const p of polygons) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const names = input.membership ? [...input.membership.labels] : [...byName.keys()];
  const members: Uint8Array[] = names.map((name, g) => {
    if (!input.membership) return cellsInPolygons(x, y, byName.get(name)!);
    const m = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (input.membership.codes[i] === g) m[i] = 1;
    return m;
  });
  // µm tables → mm²; px tables with a pixel size → mm²; else px²
  const toMm2 = input.units === 'um' ? 1e-6 : input.pixelSizeUm && input.pixelSizeUm > 0 ? input.pixelSizeUm ** 2 * 1e-6 : NaN;
  const areaUnit = Number.isNaN(toMm2) ? 'px²' : 'mm²';
  const perUnit = Number.isNaN(toMm2) ? 1 : toMm2;
  let spacing = NaN;

  const cols = (input.columns ?? []).map((c) => {
    const isTumour = c.tumourOnly ? tumourCodeMask(c.labels) : null;
    const m = c.labels.length;
    const perRegion = members.map((mem) => {
      const counts = new Float64Array(m);
      for (let i = 0; i < n; i++) {
        if (!mem[i]) continue;
        const code = c.codes[i]!;
        if (code < m && (!isTumour || isTumour[code])) counts[code]!++;
      }
      return counts;
    });
    const used = c.labels.map((_, k) => k).filter((k) => perRegion.some((r) => r[k]! > 0) && (!isTumour || isTumour[k]));
    used.sort((a, b) => c.labels[a]!.localeCompare(c.labels[b]!, 'en', { numeric: true }));
    return { name: c.name, tumourOnly: !!c.tumourOnly, labels: used.map((k) => c.labels[k]!), used, perRegion };
  });

  const regions = names.map((name, g): RegionStat => {
    const mem = members[g]!;
    let cells = 0;
    for (let i = 0; i < n; i++) cells += mem[i]!;
    const polys = byName.get(name);
    let area: number;
    let areaSource: 'polygon' | 'raster';
    if (polys && polys.length) {
      area = polys.reduce((s, p) => s + polygonArea(p.rings), 0) * perUnit;
      areaSource = 'polygon';
    } else {
      if (Number.isNaN(spacing)) spacing = typicalSpacing(x, y);
      area = cells > 0 ? rasterArea(x, y, mem, 2 * spacing) * perUnit : NaN;
      areaSource = 'raster';
    }
    const compositions = cols.map((c) => {
      const counts = Float64Array.from(c.used, (k) => c.perRegion[g]![k]!);
      const total = counts.reduce((s, v) => s + v, 0);
      return { counts, total, fractions: counts.map((v) => (total > 0 ? v / total : 0)) };
    });
    return { name, cells, area, areaSource, density: area > 0 ? cells / area : NaN, compositions };
  });
  return { areaUnit, columns: cols.map(({ name, tumourOnly, labels }) => ({ name, tumourOnly, labels })), regions };
}
