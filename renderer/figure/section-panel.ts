// A section panel of a figure: one sample's cells coloured as on screen (same column, palette,
// hidden labels and limits), its region overlays, labels and biopsies, fitted to the panel box —
// to one region's cells when the panel asks for a region — with a scale bar in its corner.
// Sizes in pt (figure units).

import { outline } from '../../shared/analysis/biopsy/geometry.ts';
import { boundsOf, columnByName } from '../../shared/dataset/cell-table.ts';
import { DEFAULT_NUMERIC, type AppState, type Sample } from '../app/store.ts';
import { scaleBarSvg } from '../export/scale-bar-svg.ts';
import { sectionSvg, type SectionWindow } from '../export/section-svg.ts';
import { colourCells } from '../render/cell-raster.ts';
import type { BiopsyMark } from '../render/types.ts';
import { effectiveColourColumn } from '../scene/colour-column.ts';
import { colouringFor, sharedLimits, type Legend } from '../scene/colouring.ts';
import type { Box } from '../scene/figure-layout.ts';
import type { ColourBook } from '../scene/palette.ts';
import { sampleOverlays } from '../scene/section-overlays.ts';
import { sampleRegions } from '../scene/sample-regions.ts';
import type { SectionViewNow } from './chart-panel.ts';
import { PT_PER_PX, type FigureLook } from './style.ts';

export interface SectionPanelInput {
  readonly sample: Sample;
  readonly state: AppState;
  readonly book: ColourBook;
  readonly box: Box;
  readonly look: FigureLook;
  /** Only this region's cells, zoomed to them; null for the whole section. */
  readonly region: string | null;
  /** What the window shows now, to be shown instead (all of it fits in the panel). */
  readonly view: SectionViewNow | null;
  readonly scaleBar: boolean;
  /** Output resolution, for cells drawn as an embedded raster. */
  readonly dpi: number;
  readonly title: string;
}

export interface SectionPanel {
  readonly svg: string;
  readonly legend: Legend;
  /** The region asked for is not one of the sample's regions (the whole section is shown). */
  readonly missingRegion: boolean;
}

/** Margin around the fitted cells, as a share of the panel. */
const PAD = 0.03;

export async function sectionPanel(p: SectionPanelInput): Promise<SectionPanel> {
  const { sample, state, box } = p;
  const table = sample.table;
  const name = effectiveColourColumn(table, state.colorBy);
  const numeric = (name && state.numeric[name]) || DEFAULT_NUMERIC;
  const shared = name ? sharedLimits(state.samples.map((s) => s.table), name, numeric.log) : null;
  const colouring = colouringFor(name ? columnByName(table, name) : undefined, p.book, { hidden: (name && state.hidden[name]) || [], ...numeric, shared });
  const rgba = colourCells(colouring.colours, table.n, 0);

  const regions = sampleRegions(table, sample.shapes, state.regionSettings);
  const code = p.region && regions ? regions.names.indexOf(p.region) : -1;
  if (code >= 0) for (let i = 0; i < table.n; i++) if (regions!.codes[i] !== code) rgba[i] = 0;

  const win = p.view ? viewWindow(p.view, box, !!table.yUp) : fitWindow(table, rgba, box, code >= 0);
  const overlays = state.overlays.regions ? sampleOverlays(table, regions, state.overlays, p.book) : { polygons: [], labels: [] };
  const ink = p.look.style.text;
  const parts = [
    await sectionSvg({
      cells: table,
      rgba,
      x: box.x,
      y: box.y,
      width: box.w,
      height: box.h,
      window: win,
      markSize: markSize(table, win),
      background: p.look.page, // the page's colour (null: transparent); label halos and biopsy ink follow it
      // a region panel keeps the outlines but not the fills of the regions around it
      overlays: code >= 0 ? overlays.polygons.map((o) => ({ ...o, fillAlpha: 0 })) : overlays.polygons,
      labels: overlays.labels,
      biopsies: biopsyMarks(sample),
      unitsPerPx: PT_PER_PX,
      rasterPxPerUnit: p.dpi / 72,
      style: p.look.style,
      title: p.title,
    }),
  ];
  if (p.scaleBar) {
    const pad = Math.min(box.w, box.h) * 0.04;
    const bar = scaleBarSvg({ worldPerUnit: win.worldPerUnit, units: table.units, x: box.x + box.w - pad, y: box.y + box.h - pad, anchor: 'end', unitsPerPx: PT_PER_PX, fontSize: p.look.style.fontSize * 0.9, colour: ink, halo: p.look.page ?? null, style: p.look.style });
    if (bar) parts.push(bar.svg);
  }
  return { svg: parts.join(''), legend: colouring.legend, missingRegion: !!p.region && code < 0 };
}

/** The shown cells (or the whole table) fitted into the box with a small margin; y as on screen. */
function fitWindow(table: Sample['table'], rgba: Uint32Array, box: Box, shownOnly: boolean): SectionWindow {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  if (shownOnly) {
    for (let i = 0; i < table.n; i++) {
      if (rgba[i]! >>> 24 === 0) continue;
      const x = table.x[i]!, y = table.y[i]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (!(x1 >= x0 && y1 >= y0)) {
    const b = boundsOf(table);
    [x0, x1, y0, y1] = [b.x[0], b.x[1], b.y[0], b.y[1]];
  }
  const w = Math.max(x1 - x0, 1e-9), h = Math.max(y1 - y0, 1e-9);
  const worldPerUnit = Math.max(w / (box.w * (1 - 2 * PAD)), h / (box.h * (1 - 2 * PAD)));
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, worldPerUnit: Number.isFinite(worldPerUnit) && worldPerUnit > 0 ? worldPerUnit : 1, yUp: !!table.yUp };
}

/** The world the window shows, all of it in the box (centred; the box's spare side shows more). */
function viewWindow(v: SectionViewNow, box: Box, yUp: boolean): SectionWindow {
  const worldW = v.width / v.scale, worldH = v.height / v.scale;
  return { cx: v.cx, cy: v.cy, worldPerUnit: Math.max(worldW / box.w, worldH / box.h), yUp };
}

/** A cell's mark: 85 % of the mean cell spacing of the whole section (as on screen), 0.3–8 pt. */
function markSize(table: Sample['table'], win: SectionWindow): number {
  const b = boundsOf(table);
  const spacing = Math.sqrt(Math.max((b.x[1] - b.x[0]) * (b.y[1] - b.y[0]), 1e-12) / Math.max(1, table.n));
  const size = (0.85 * spacing) / win.worldPerUnit;
  return Math.max(0.3, Math.min(8, Number.isFinite(size) ? size : 1));
}

function biopsyMarks(sample: Sample): BiopsyMark[] {
  return (sample.biopsies ?? []).map((s, k) => ({ outline: outline(s, 96), label: String(k + 1), picked: false }));
}
