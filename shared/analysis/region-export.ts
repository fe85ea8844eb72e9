// Exporting regions: QuPath-compatible GeoJSON (geojson.ts toGeoJson: one MultiPolygon annotation per
// region name, classification name + colour) and the per-region table as CSV text:
//   region, cells, area_mm2, density_per_mm2, [tumour_cells], count_<label>…, fraction_<label>…, area_source
// (area_px2 / density_per_px2 when the table has no pixel size; the first column's labels are bare,
// a further column's are prefixed with its name: phenotype_count_<label>). Numbers: 6 significant
// digits; NaN (no area) is an empty field. LF line ends, RFC 4180 quoting.

import { toGeoJson, type RegionPolygon } from './geojson.ts';
import type { RegionStats } from './region-stats.ts';

export interface GeoJsonExportOptions {
  /** µm per output unit: 1 for µm [default]; the image's pixel size for QuPath, which works in full-resolution pixels. */
  readonly pixelSizeUm?: number;
}

/** QuPath-compatible GeoJSON of region polygons (coordinates ÷ pixelSizeUm). */
export function regionsToGeoJson(polygons: readonly RegionPolygon[], opts: GeoJsonExportOptions = {}): string {
  return toGeoJson(polygons, { scale: opts.pixelSizeUm ?? 1 });
}

function field(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

function num(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '';
}

/** The per-region table as CSV text. */
export function regionStatsCsv(stats: RegionStats): string {
  const unit = stats.areaUnit === 'mm²' ? 'mm2' : 'px2';
  const first = stats.columns[0];
  const header = ['region', 'cells', `area_${unit}`, `density_per_${unit}`];
  if (first?.tumourOnly) header.push('tumour_cells');
  stats.columns.forEach((c, k) => {
    const prefix = k === 0 ? '' : `${c.name}_`;
    for (const l of c.labels) header.push(`${prefix}count_${l}`);
    for (const l of c.labels) header.push(`${prefix}fraction_${l}`);
  });
  header.push('area_source');
  const rows = stats.regions.map((r) => {
    const out = [r.name, String(r.cells), num(r.area), num(r.density)];
    if (first?.tumourOnly) out.push(String(r.compositions[0]!.total));
    for (const c of r.compositions) {
      for (const v of c.counts) out.push(String(v));
      for (const v of c.fractions) out.push(num(v));
    }
    out.push(r.areaSource);
    return out;
  });
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}
