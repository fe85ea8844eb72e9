// One tumour section as a figure panel: a self-contained nested <svg> element for the figure SVG
// (the composer shows that SVG; PNG and PDF are made from it, so all three match).
//
// Units. "Box units" are the user units of the element the panel is placed in — the figure's
// units (the composer uses pt = 1/72 in, or mm). x, y, width, height and markSize are box units.
// Screen-styled sizes (outline widths of OverlayPolygon, label and biopsy text, halos) are CSS px
// on screen and are multiplied by `unitsPerPx` (box units per CSS px: 0.75 for pt, 25.4 / 96 for mm).
// The raster, when used, has `rasterPxPerUnit` pixels per box unit (dpi / 72 for pt, dpi / 25.4
// for mm).
//
// Output: <svg x y width height viewBox="0 0 width height" overflow="hidden"> — a nested viewport,
// so everything is clipped to the box with no clipPath ids to collide between panels; inside it,
// coordinates are box units from the panel's top-left corner. Layers, bottom to top: background,
// overlay fills, cells, overlay outlines, map labels, biopsies. Cells are vector marks
// (cell-marks.ts) when at most `maxVectorCells` are visible, else one PNG <image> drawn by the
// screen's CPU rasteriser; everything else stays vector. data-cells="vector|raster" and
// data-visible-cells on the element say which was chosen.

import type { BiopsyMark, MapLabel, OverlayPolygon } from '../render/types.ts';
import { esc, LIGHT, text, type ChartStyle } from '../scene/charts/svg.ts';
import type { ViewState } from '../scene/view-state.ts';
import { cellMarksSvg, num, visibleCells, worldToBox, type CellPoints, type SectionWindow } from './cell-marks.ts';
import { rasterCellsPng } from './raster-png.ts';
import { ringBounds } from '../../shared/analysis/ring-bounds.ts';

export type { CellPoints, SectionWindow } from './cell-marks.ts';

/**
 * Up to this many visible cells a panel's cells are vector marks; above, one raster image.
 * Measured (bench/export-run.mjs; bench/README.md, "Figure export"): each vector cell adds ~7 bytes,
 * ~2 µs to the PNG and ~6 µs to the PDF, while a raster panel costs the same at any count. At 50,000
 * a panel a 3-panel slide exports in 0.73 s (PNG, 300 dpi) / 1.0 s (PDF), ≤ 1.5× the raster's time;
 * at 100,000 the PDF takes 2.1 s.
 */
export const DEFAULT_MAX_VECTOR_CELLS = 50_000;

export interface SectionSvgInput {
  readonly cells: CellPoints;
  /** One packed RGBA per cell (render/cell-raster.ts packRgba); alpha 0 hides the cell. */
  readonly rgba: Uint32Array;
  /** Top-left corner of the panel in the parent's user units (default 0, 0). */
  readonly x?: number;
  readonly y?: number;
  /** Panel size, box units. */
  readonly width: number;
  readonly height: number;
  /** The world shown: see windowFromView to take it from the screen. */
  readonly window: SectionWindow;
  /** Diameter of a cell's mark, box units. */
  readonly markSize: number;
  /** CSS colour behind the cells, or null for none (transparent). */
  readonly background: string | null;
  readonly overlays?: readonly OverlayPolygon[];
  readonly labels?: readonly MapLabel[];
  /** Outlines and numbers; `picked` and handles are screen-only and not drawn. */
  readonly biopsies?: readonly BiopsyMark[];
  /** Box units per screen CSS px, for outline widths, text sizes and halos. */
  readonly unitsPerPx: number;
  /** Raster pixels per box unit, used when the cells are drawn as a raster. */
  readonly rasterPxPerUnit: number;
  /** Default DEFAULT_MAX_VECTOR_CELLS; 0 always rasterises, Infinity never does. */
  readonly maxVectorCells?: number;
  /** Font family and ink (default LIGHT); the halo is the background, or white when transparent. */
  readonly style?: ChartStyle;
  /** Accessible name of the panel. */
  readonly title?: string;
}

/**
 * The window showing what a screen view shows, fitted to a box `boxWidth` units wide (the world
 * width of the view maps onto the box width; centre and y direction are kept).
 */
export function windowFromView(view: ViewState, boxWidth: number): SectionWindow {
  return { cx: view.cx, cy: view.cy, worldPerUnit: view.width / view.scale / boxWidth, yUp: view.yUp };
}

export async function sectionSvg(input: SectionSvgInput): Promise<string> {
  const { width: W, height: H, window: win, unitsPerPx: u } = input;
  if (!(W > 0 && H > 0)) throw new RangeError(`sectionSvg: the panel needs a positive size (got ${W} × ${H}).`);
  if (!(input.markSize > 0)) throw new RangeError(`sectionSvg: markSize must be positive (got ${input.markSize}).`);
  if (!(win.worldPerUnit > 0)) throw new RangeError(`sectionSvg: worldPerUnit must be positive (got ${win.worldPerUnit}).`);
  const st = input.style ?? LIGHT;
  const halo = input.background ?? '#ffffff';
  const inkColour = isDarkCss(halo) ? '#f2f2f2' : '#111111';
  const haloColour = isDarkCss(halo) ? '#111111' : '#ffffff';
  const visible = visibleCells(input.cells, input.rgba, win, W, H, input.markSize);
  const limit = input.maxVectorCells ?? DEFAULT_MAX_VECTOR_CELLS;
  const vector = visible.length <= limit;
  const toBox = (x: number, y: number) => worldToBox(win, W, H, x, y);
  const overlays = (input.overlays ?? []).filter((p) => intersects(p.rings, win, W, H));

  const out: string[] = [];
  out.push(`<svg x="${num(input.x ?? 0)}" y="${num(input.y ?? 0)}" width="${num(W)}" height="${num(H)}" viewBox="0 0 ${num(W)} ${num(H)}" overflow="hidden" data-cells="${vector ? 'vector' : 'raster'}" data-visible-cells="${visible.length}">`);
  if (input.title) out.push(`<title>${esc(input.title)}</title>`);
  if (input.background) out.push(`<rect width="${num(W)}" height="${num(H)}" fill="${esc(input.background)}"/>`);
  for (const p of overlays)
    if (p.fillAlpha > 0) out.push(`<path d="${ringsPath(p.rings, toBox)}" fill="${esc(p.colour)}" fill-opacity="${num(p.fillAlpha, 3)}" fill-rule="evenodd" stroke="none"/>`);
  if (vector) out.push(cellMarksSvg(input.cells, input.rgba, visible, win, W, H, input.markSize));
  else {
    const r = await rasterCellsPng(input.cells, input.rgba, win, W, H, input.markSize, input.rasterPxPerUnit);
    out.push(`<image x="0" y="0" width="${num(W)}" height="${num(H)}" preserveAspectRatio="none" data-px="${r.widthPx}x${r.heightPx}" href="${r.dataUri}"/>`);
  }
  for (const p of overlays) if (p.strokeAlpha > 0 && p.strokeWidth > 0) out.push(outline(p, toBox, u, haloColour));
  const labels = (input.labels ?? []).filter((l) => inside(toBox(l.x, l.y), W, H));
  for (const l of labels) {
    const [bx, by] = toBox(l.x, l.y);
    out.push(haloText(bx, by, l.text, st, { colour: l.colour, size: 13 * u, weight: 600, halo: haloColour, haloWidth: 3 * u }));
  }
  for (const b of input.biopsies ?? []) out.push(biopsy(b, toBox, u, st, inkColour, haloColour));
  out.push('</svg>');
  return out.join('');
}

type ToBox = (x: number, y: number) => [number, number];

function ringsPath(rings: readonly Float64Array[], toBox: ToBox): string {
  const d: string[] = [];
  for (const r of rings) {
    if (r.length < 6) continue;
    for (let k = 0; k + 1 < r.length; k += 2) {
      const [x, y] = toBox(r[k]!, r[k + 1]!);
      d.push(`${k === 0 ? 'M' : k === 2 ? 'L' : ' '}${num(x)} ${num(y)}`);
    }
    d.push('Z');
  }
  return d.join('');
}

/** An outline as on screen: dashed ones over a solid halo, dashes 6 px on, 4 px off. */
function outline(p: OverlayPolygon, toBox: ToBox, u: number, halo: string): string {
  const d = ringsPath(p.rings, toBox);
  const parts: string[] = [];
  if (p.dashed)
    parts.push(`<path d="${d}" fill="none" stroke="${esc(halo)}" stroke-opacity="${num(p.strokeAlpha * 0.85, 3)}" stroke-width="${num((p.strokeWidth + 3) * u, 3)}" stroke-linejoin="round"/>`);
  const dash = p.dashed ? ` stroke-dasharray="${num(6 * u, 3)} ${num(4 * u, 3)}"` : '';
  parts.push(`<path d="${d}" fill="none" stroke="${esc(p.colour)}" stroke-opacity="${num(p.strokeAlpha, 3)}" stroke-width="${num(p.strokeWidth * u, 3)}" stroke-linejoin="round"${dash}/>`);
  return parts.join('');
}

function biopsy(b: BiopsyMark, toBox: ToBox, u: number, st: ChartStyle, ink: string, halo: string): string {
  const o = b.outline;
  if (o.length < 6) return '';
  const d = ringsPath([o], toBox);
  const { x0, x1, y0, y1 } = ringBounds(o);
  const [cx, cy] = toBox((x0 + x1) / 2, (y0 + y1) / 2);
  return (
    `<g data-biopsy="${esc(b.label)}">` +
    `<path d="${d}" fill="none" stroke="${halo}" stroke-opacity="0.9" stroke-width="${num(4.5 * u, 3)}" stroke-linejoin="round"/>` +
    `<path d="${d}" fill="${ink}" fill-opacity="0.04" stroke="${ink}" stroke-width="${num(1.75 * u, 3)}" stroke-linejoin="round"/>` +
    haloText(cx, cy, b.label, st, { colour: ink, size: 14 * u, weight: 700, halo, haloWidth: 4 * u }) +
    '</g>'
  );
}

/**
 * Text with a halo, centred on (x, y): a stroked copy in the halo colour under the filled text
 * (two elements rather than paint-order, which svg2pdf.js does not support).
 */
export function haloText(x: number, y: number, s: string, st: ChartStyle, o: { colour: string; size: number; weight?: number; halo: string; haloWidth: number; anchor?: 'start' | 'middle' | 'end' }): string {
  const common = { anchor: o.anchor ?? 'middle', size: o.size, ...(o.weight ? { weight: o.weight } : {}) } as const;
  return (
    `<g stroke="${esc(o.halo)}" stroke-width="${num(o.haloWidth, 3)}" stroke-linejoin="round">${text(x, y, s, st, { ...common, colour: o.halo })}</g>` +
    text(x, y, s, st, { ...common, colour: o.colour })
  );
}

function inside([x, y]: [number, number], W: number, H: number): boolean {
  return x >= 0 && y >= 0 && x <= W && y <= H;
}

/** Whether the polygon's bounding box meets the box. */
function intersects(rings: readonly Float64Array[], w: SectionWindow, W: number, H: number): boolean {
  const outer = rings[0];
  if (!outer || outer.length < 6) return false;
  const { x0, x1, y0, y1 } = ringBounds(outer);
  const [ax, ay] = worldToBox(w, W, H, x0, y0), [bx, by] = worldToBox(w, W, H, x1, y1);
  return Math.max(ax, bx) >= 0 && Math.min(ax, bx) <= W && Math.max(ay, by) >= 0 && Math.min(ay, by) <= H;
}

/** Whether a CSS colour (#rgb, #rrggbb or rgb(…)) is dark; unknown forms count as light. */
export function isDarkCss(css: string): boolean {
  let r: number, g: number, b: number;
  const h = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim());
  if (h) {
    const s = h[1]!.length === 3 ? [...h[1]!].map((c) => c + c).join('') : h[1]!;
    [r, g, b] = [0, 2, 4].map((i) => parseInt(s.slice(i, i + 2), 16)) as [number, number, number];
  } else {
    const m = /rgba?\(\s*(\d+)\D+(\d+)\D+(\d+)/.exec(css);
    if (!m) return false;
    [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
