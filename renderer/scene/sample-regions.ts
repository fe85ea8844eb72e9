// A sample's regions, whatever they come from: region shapes attached to it (GeoJSON, Xenium
// Explorer selections, drawn), its region column, or regions derived from its tumour cells
// (core / invasive front / outside, SCIENCE.md §3.5). One region code per cell, for statistics
// and comparisons, and polygons where there are any, for drawing and areas.
// Expensive parts are cached per table.

import { deriveRegions, DERIVED_REGION_NAMES, type DerivedRegions } from '../../shared/analysis/derived-regions.ts';
import type { RegionPolygon } from '../../shared/analysis/geojson.ts';
import { cellsInPolygons } from '../../shared/analysis/region-stats.ts';
import { tumourRows } from '../../shared/analysis/diversity.ts';
import { columnByName, type CategoryColumn, type CellTable } from '../../shared/dataset/cell-table.ts';
import type { RegionShape } from '../app/store.ts';

export type RegionSource = 'shapes' | 'column' | 'derived';
export type RegionChoice = 'auto' | RegionSource;

export interface RegionSettings {
  readonly source: RegionChoice;
  /** Invasive-front band width, table units; null = the section's suggested width. */
  readonly frontWidth: number | null;
  readonly insideOnly: boolean;
}

export const DEFAULT_REGION_SETTINGS: RegionSettings = { source: 'auto', frontWidth: null, insideOnly: false };

export interface SampleRegions {
  readonly source: RegionSource;
  readonly names: readonly string[];
  /** Region code of each cell; ≥ names.length: in no region. */
  readonly codes: Uint8Array | Uint16Array | Uint32Array;
  /** Outlines (shapes, derived); for a region column they are traced from its cells when drawn. */
  readonly polygons?: readonly RegionPolygon[];
  /** Derived regions: the band width used (table units) and the suggested one. */
  readonly width?: number;
  readonly derived?: DerivedRegions;
  /** The sources this sample can offer. */
  readonly available: readonly RegionSource[];
}

interface Cache {
  derived?: DerivedRegions | null;
  shapes?: { of: readonly RegionShape[]; names: string[]; codes: Uint16Array };
  derivedCodes?: { width: number; insideOnly: boolean; codes: Uint8Array; polygons: RegionPolygon[] };
}
const caches = new WeakMap<CellTable, Cache>();
const cacheOf = (t: CellTable) => caches.get(t) ?? (caches.set(t, {}), caches.get(t)!);

function cloneColumn(table: CellTable): CategoryColumn | undefined {
  const c = table.roles.clone ? columnByName(table, table.roles.clone) : undefined;
  return c?.kind === 'category' ? c : undefined;
}

/** Derived regions of a table (cached); null when it has no clone column or no tumour cell. */
export function derivedRegionsOf(table: CellTable): DerivedRegions | null {
  const cache = cacheOf(table);
  if (cache.derived === undefined) {
    const clone = cloneColumn(table);
    cache.derived = clone ? deriveRegions(table.x, table.y, tumourRows(clone), { units: table.units }) : null;
  }
  return cache.derived;
}

function availableSources(table: CellTable, shapes: readonly RegionShape[] | undefined): RegionSource[] {
  const out: RegionSource[] = [];
  if (shapes?.length) out.push('shapes');
  const region = table.roles.region ? columnByName(table, table.roles.region) : undefined;
  if (region?.kind === 'category') out.push('column');
  if (cloneColumn(table)) out.push('derived');
  return out;
}

export function sampleRegions(table: CellTable, shapes: readonly RegionShape[] | undefined, s: RegionSettings): SampleRegions | null {
  const available = availableSources(table, shapes);
  const source = s.source !== 'auto' && available.includes(s.source) ? s.source : available[0];
  if (!source) return null;
  const cache = cacheOf(table);
  if (source === 'column') {
    const col = columnByName(table, table.roles.region!) as CategoryColumn;
    return { source, names: col.labels, codes: col.codes, available };
  }
  if (source === 'shapes') {
    if (cache.shapes?.of !== shapes) {
      const names = [...new Set(shapes!.map((p) => p.name))];
      const codes = new Uint16Array(table.n).fill(0xffff);
      names.forEach((name, g) => {
        const inside = cellsInPolygons(table.x, table.y, shapes!.filter((p) => p.name === name));
        for (let i = 0; i < table.n; i++) if (inside[i]) codes[i] = g; // the region listed last (drawn on top) wins an overlap
      });
      cache.shapes = { of: shapes!, names, codes };
    }
    const { names, codes } = cache.shapes!;
    return { source, names, codes, polygons: shapes!.map((p) => ({ name: p.name, rings: p.rings })), available };
  }
  const derived = derivedRegionsOf(table);
  if (!derived) return null;
  const width = s.frontWidth ?? derived.suggestedWidth;
  const d = cache.derivedCodes;
  if (!d || d.width !== width || d.insideOnly !== s.insideOnly)
    cache.derivedCodes = { width, insideOnly: s.insideOnly, codes: derived.labelsFor(width, s.insideOnly), polygons: derived.polygonsFor(width, s.insideOnly) };
  return { source, names: DERIVED_REGION_NAMES, codes: cache.derivedCodes!.codes, polygons: cache.derivedCodes!.polygons, width, derived, available };
}
