// Overlay polygons for a sample: its regions (shapes attached to the sample, or the outlines of the
// region column's cells) and, optionally, clone territories (where a clone holds at least a chosen
// share of the tumour cells). Expensive outlines are cached per table and setting.

import { labelAt, type CategoryColumn, type CellTable } from '../../shared/dataset/cell-table.ts';
import { labelPoint } from '../../shared/analysis/label-point.ts';
import { densityContoursByLabel, labelOutlines, typicalSpacing, type OutlinePolygon } from '../../shared/analysis/outlines.ts';
import type { MapLabel, OverlayPolygon } from '../render/types.ts';
import type { OverlaySettings } from '../app/store.ts';
import type { SampleRegions } from './sample-regions.ts';
import type { ColourBook } from './palette.ts';

const NOT_TUMOUR = /^(normal|stroma|stromal|background|other|none|na|unassigned|unknown|outside|exclude|immune|fibroblast)$/i;

interface Cache {
  regions?: { column: string; polygons: OutlinePolygon[] };
  territories?: { column: string; level: number; polygons: OutlinePolygon[] };
  spacing?: number;
}
const caches = new WeakMap<CellTable, Cache>();
const cacheOf = (t: CellTable): Cache => {
  let c = caches.get(t);
  if (!c) caches.set(t, (c = {}));
  return c;
};

function categoryColumn(table: CellTable, name: string | undefined): CategoryColumn | undefined {
  const c = name ? table.columns.find((col) => col.name === name) : undefined;
  return c?.kind === 'category' ? c : undefined;
}

/** Where a region's name goes: the label point of its largest polygon. */
function regionLabelPoint(polygons: readonly { readonly rings: readonly Float64Array[] }[]): [number, number] | null {
  let best: readonly Float64Array[] | null = null, bestArea = 0;
  for (const p of polygons) {
    const r = p.rings[0];
    if (!r) continue;
    let a = 0;
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) a += r[2 * j]! * r[2 * i + 1]! - r[2 * i]! * r[2 * j + 1]!;
    if (Math.abs(a) > bestArea) [best, bestArea] = [p.rings, Math.abs(a)];
  }
  return best ? labelPoint(decimated(best)) : null;
}

export interface SampleOverlays {
  readonly polygons: OverlayPolygon[];
  readonly labels: MapLabel[];
  /** Why some overlays are left out (too fragmented to draw smoothly), for the layers panel. */
  readonly note?: string;
}

/** Outlines with more vertices than this are drawn without fill; beyond MAX_VERTICES, not at all. */
const MAX_FILLED_VERTICES = 40_000;
const MAX_VERTICES = 150_000;

const vertexCount = (polys: readonly { rings: readonly Float64Array[] }[]) => polys.reduce((s, p) => s + p.rings.reduce((a, r) => a + r.length / 2, 0), 0);

/** Every k-th vertex of long rings: enough to place a label. */
function decimated(rings: readonly Float64Array[], max = 1500): Float64Array[] {
  return rings.map((r) => {
    const n = r.length / 2;
    if (n <= max) return r;
    const k = Math.ceil(n / max);
    const out = new Float64Array(Math.ceil(n / k) * 2);
    for (let i = 0, j = 0; i < n; i += k, j++) {
      out[2 * j] = r[2 * i]!;
      out[2 * j + 1] = r[2 * i + 1]!;
    }
    return out;
  });
}

export function sampleOverlays(table: CellTable, regions: SampleRegions | null, s: OverlaySettings, book: ColourBook): SampleOverlays {
  const polygons: OverlayPolygon[] = [];
  const labels: MapLabel[] = [];
  let note: string | undefined;
  const cache = cacheOf(table);
  if (s.regions && regions) {
    let regionPolys: { label: string; rings: readonly Float64Array[] }[] = [];
    let colourColumn = 'region';
    if (regions.polygons) regionPolys = regions.polygons.map((p) => ({ label: p.name, rings: p.rings }));
    else {
      const col = categoryColumn(table, table.roles.region);
      if (col) {
        colourColumn = col.name;
        if (cache.regions?.column !== col.name) {
          cache.spacing ??= typicalSpacing(table.x, table.y);
          cache.regions = { column: col.name, polygons: labelOutlines(table.x, table.y, col, { pixel: 2.5 * cache.spacing, closingPixels: 2 }) };
        }
        regionPolys = cache.regions.polygons;
      }
    }
    const vertices = vertexCount(regionPolys);
    if (vertices > MAX_VERTICES) {
      note = `Region outlines are not drawn: the ${colourColumn} column is too fragmented (${Math.round(vertices / 1000)}k outline points).`;
      regionPolys = [];
    } else if (vertices > MAX_FILLED_VERTICES && s.regionFill > 0) note = 'Regions are outlined without fill: their outlines are very detailed.';
    const fill = vertices > MAX_FILLED_VERTICES ? 0 : s.regionFill;
    for (const p of regionPolys) {
      const colour = book.colour(colourColumn, p.label);
      polygons.push({ rings: p.rings, colour, fillAlpha: fill, strokeAlpha: s.regionOutline ? 0.95 : 0, strokeWidth: 2 });
    }
    if (s.regionLabels) {
      const byLabel = new Map<string, { rings: readonly Float64Array[] }[]>();
      for (const p of regionPolys) byLabel.set(p.label, [...(byLabel.get(p.label) ?? []), p]);
      for (const [label, polys] of byLabel) {
        const at = regionLabelPoint(polys);
        if (at) labels.push({ x: at[0], y: at[1], text: label, colour: book.colour(colourColumn, label) });
      }
    }
  }
  if (s.territories) {
    const col = categoryColumn(table, table.roles.clone);
    if (col) {
      if (cache.territories?.column !== col.name || cache.territories.level !== s.territoryLevel) {
        cache.spacing ??= typicalSpacing(table.x, table.y);
        const reference = new Uint8Array(table.n);
        for (let i = 0; i < table.n; i++) {
          const l = labelAt(col, i);
          reference[i] = l !== undefined && !NOT_TUMOUR.test(l.trim()) ? 1 : 0;
        }
        const codes = col.labels.flatMap((l, k) => (NOT_TUMOUR.test(l.trim()) ? [] : [k]));
        const polys = densityContoursByLabel(table.x, table.y, col, { bandwidthUm: 4 * cache.spacing, level: s.territoryLevel, reference, codes });
        cache.territories = { column: col.name, level: s.territoryLevel, polygons: polys };
      }
      if (vertexCount(cache.territories.polygons) > MAX_VERTICES) note = `Clone territories are not drawn: the ${col.name} column is too fragmented.`;
      else
        for (const p of cache.territories.polygons)
          polygons.push({ rings: p.rings, colour: book.colour(col.name, p.label), fillAlpha: 0, strokeAlpha: s.territoryOpacity, strokeWidth: 2, dashed: true });
    }
  }
  return { polygons, labels, ...(note ? { note } : {}) };
}
