// Region shapes from GeoJSON (QuPath annotations, the simulator's region files) and from Xenium
// Explorer selection CSVs, attached to samples. GeoJSON coordinates may be in the table's units or
// in image pixels: the scale that puts the shapes over the cells is chosen by comparing extents, and
// said in the message. Xenium selections are in µm.

import { parseRegionGeoJson, type RegionPolygon } from '../../shared/analysis/geojson.ts';
import { boundsOf, type CellTable } from '../../shared/dataset/cell-table.ts';
import { fail, ok, type Result } from '../../shared/errors.ts';
import { parseXeniumSelection } from '../../shared/analysis/xenium-selection.ts';
import { readHead, readText } from '../host/read.ts';
import { refName, type FileRef } from '../host/types.ts';
import type { RegionShape, Sample, Store } from './store.ts';
import { ringBounds } from '../../shared/analysis/ring-bounds.ts';

export const isGeoJsonName = (name: string) => /\.geojson$/i.test(name);

/** A Xenium Explorer selection export: a CSV whose first line is a `#Selection name(s):` comment. */
const isXeniumSelectionHead = (head: string) => /^\uFEFF?"?#\s*Selection names?\s*:/i.test(head);

/** The region files among `refs`: GeoJSON by name, Xenium Explorer selections by their first line. */
export async function regionFilesAmong(refs: readonly FileRef[]): Promise<FileRef[]> {
  const out: FileRef[] = [];
  for (const ref of refs) {
    const name = refName(ref);
    if (isGeoJsonName(name) || (/\.csv$/i.test(name) && isXeniumSelectionHead(await readHead(ref, 64)))) out.push(ref);
  }
  return out;
}

/** Overlap of two boxes as a share of the smaller one (0–1). */
function overlap(a: { x: readonly number[]; y: readonly number[] }, b: { x: readonly number[]; y: readonly number[] }): number {
  const w = Math.min(a.x[1]!, b.x[1]!) - Math.max(a.x[0]!, b.x[0]!);
  const h = Math.min(a.y[1]!, b.y[1]!) - Math.max(a.y[0]!, b.y[0]!);
  if (w <= 0 || h <= 0) return 0;
  const area = (r: { x: readonly number[]; y: readonly number[] }) => Math.max(1e-12, (r.x[1]! - r.x[0]!) * (r.y[1]! - r.y[0]!));
  return (w * h) / Math.min(area(a), area(b));
}

function extent(polygons: readonly RegionPolygon[]): { x: [number, number]; y: [number, number] } {
  const { x0, x1, y0, y1 } = ringBounds(...polygons.flatMap((p) => p.rings));
  return { x: [x0, x1], y: [y0, y1] };
}

/** Parses GeoJSON text into shapes in the table's units, choosing between 1 and the table's pixel size. */
export function shapesFor(text: string, file: string, table: CellTable): Result<{ shapes: RegionShape[]; scale: number; skipped: string }> {
  const scales = [1, ...(table.pixelSizeUm && table.pixelSizeUm !== 1 ? [table.pixelSizeUm] : [])];
  let best: { polygons: RegionPolygon[]; scale: number; fit: number; skipped: Record<string, number> } | null = null;
  for (const scale of scales) {
    const r = parseRegionGeoJson(text, { file, scale });
    if (!r.ok) return r;
    const fit = overlap(extent(r.value.polygons), boundsOf(table));
    if (!best || fit > best.fit) best = { polygons: r.value.polygons, scale, fit, skipped: { ...r.value.skipped } };
  }
  if (!best || best.polygons.length === 0) return fail('not-a-cell-table', `${file} has no polygons to show as regions.`, { file });
  const skipped = Object.entries(best.skipped).map(([k, n]) => `${n} ${k}`).join(', ');
  return ok({ shapes: best.polygons.map((p) => ({ name: p.name, rings: p.rings })), scale: best.scale, skipped });
}

/** Xenium Explorer selections (µm) as shapes in the table's units. */
function selectionShapesFor(text: string, file: string, table: CellTable): Result<{ shapes: RegionShape[]; scale: number; skipped: string }> {
  const r = parseXeniumSelection(text, file);
  if (!r.ok) return r;
  const perUnit = table.units === 'um' ? 1 : table.pixelSizeUm;
  if (!perUnit) return fail('not-a-cell-table', `${file} is in µm (Xenium Explorer) but ${table.units === 'px' ? 'the table is in pixels with no pixel size: set it with Columns…' : 'the table has no units'}.`, { file });
  const shapes = r.value.polygons.map((p) => ({ name: p.name, rings: p.rings.map((ring) => ring.map((v) => v / perUnit)) }));
  return ok({ shapes, scale: 1 / perUnit, skipped: '' });
}

/** The sample a region file belongs to: same name stem ("primary_regions" ↔ "primary_cells"), else the only or the active one. */
export function targetFor(file: string, samples: readonly Sample[], activeId: string | null): Sample | undefined {
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.(geojson|csv)$/i, '').replace(/[_ .-]*(regions?|annotations?|shapes?|selections?|coordinates)$/i, '').toLowerCase();
  const byStem = stem ? samples.filter((s) => (s.source.kind === 'blob' ? s.source.path : s.source.file.path).replace(/^.*[\\/]/, '').toLowerCase().startsWith(stem)) : [];
  if (byStem.length === 1) return byStem[0];
  if (samples.length === 1) return samples[0];
  return samples.find((s) => s.id === activeId);
}

/** Reads region files and attaches them to their samples; returns one note or error per file. */
export async function attachRegionFiles(store: Store, refs: readonly FileRef[], candidates: readonly Sample[]): Promise<{ notes: string[]; errors: string[] }> {
  const notes: string[] = [], errors: string[] = [];
  for (const ref of refs) {
    const name = refName(ref);
    const target = targetFor(name, candidates, store.get().activeSampleId);
    if (!target) {
      errors.push(`${name} holds region shapes (${isGeoJsonName(name) ? 'GeoJSON' : 'Xenium Explorer selection'}): open the cell table it belongs to first.`);
      continue;
    }
    const text = await readText(ref);
    if (!text.ok) {
      errors.push(text.error.message);
      continue;
    }
    const current = store.get().samples.find((s) => s.id === target.id);
    if (!current) continue;
    const parsed = isGeoJsonName(name) ? shapesFor(text.value, name, current.table) : selectionShapesFor(text.value, name, current.table);
    if (!parsed.ok) {
      errors.push(parsed.error.message);
      continue;
    }
    const { shapes, scale, skipped } = parsed.value;
    // a second file adds its shapes to those already there (a region of the same name is replaced)
    const names0 = new Set(shapes.map((p) => p.name));
    const merged = [...(current.shapes ?? []).filter((p) => !names0.has(p.name)), ...shapes];
    store.set({ samples: store.get().samples.map((s) => (s.id === current.id ? { ...s, shapes: merged } : s)) });
    const names = [...new Set(shapes.map((s) => s.name))];
    notes.push(`${name}: ${shapes.length} region shape${shapes.length === 1 ? '' : 's'} (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}) on ${current.name}${scale > 1 ? `, scaled by the pixel size ${scale.toPrecision(4)} µm` : scale < 1 ? `, µm divided by the pixel size ${(1 / scale).toPrecision(4)} µm` : ''}${skipped ? `; left out: ${skipped}` : ''}.`);
  }
  return { notes, errors };
}
