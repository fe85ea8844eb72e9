// Cells of a figure panel as one PNG (a data: URI for an SVG <image>), drawn by the same CPU
// rasteriser as the screen (render/cell-raster.ts) at the export resolution. Transparent where no
// cell is, so the vector background and fills under it show through. No canvas needed: runs in a
// window, a worker or Node (CompressionStream).

import { rasterCells } from '../render/cell-raster.ts';
import type { CellPoints, SectionWindow } from './cell-marks.ts';
import { encodePng } from './indexed-png.ts';

/** Largest raster drawn for one panel (pixels), and per side; beyond, the resolution is lowered. */
export const MAX_RASTER_PIXELS = 64_000_000;
export const MAX_RASTER_SIDE = 16_384;

export interface CellRaster {
  /** data:image/png;base64,… */
  readonly dataUri: string;
  /** Pixels. */
  readonly widthPx: number;
  readonly heightPx: number;
  /** Raster pixels per box unit actually used (lower than asked for when over the limits). */
  readonly pxPerUnit: number;
}

/** Pixels of a width × height box at `pxPerUnit`, lowered to fit MAX_RASTER_PIXELS and MAX_RASTER_SIDE. */
export function rasterSize(width: number, height: number, pxPerUnit: number): { widthPx: number; heightPx: number; pxPerUnit: number } {
  const k = Math.min(pxPerUnit, MAX_RASTER_SIDE / width, MAX_RASTER_SIDE / height, Math.sqrt(MAX_RASTER_PIXELS / (width * height)));
  return { widthPx: Math.max(1, Math.round(width * k)), heightPx: Math.max(1, Math.round(height * k)), pxPerUnit: k };
}

/**
 * Draws the cells (alpha 0 = hidden) of a width × height box into a PNG. `markSize` in box units
 * (the mark is round(markSize × pxPerUnit) px, at least 1; below 4 px a square, as on screen).
 */
export async function rasterCellsPng(cells: CellPoints, rgba: Uint32Array, w: SectionWindow, width: number, height: number, markSize: number, pxPerUnit: number): Promise<CellRaster> {
  const size = rasterSize(width, height, pxPerUnit);
  const { widthPx, heightPx } = size;
  const pixels = new Uint8ClampedArray(widthPx * heightPx * 4);
  const scale = size.pxPerUnit / w.worldPerUnit; // raster px per world unit, both axes (rounding the pixel size stretches by < 0.5 px)
  const markPx = Math.max(1, Math.round(markSize * size.pxPerUnit));
  // rasterCells puts a mark's top-left corner at round(p) − floor(size / 2): an even mark is centred on
  // p, an odd one on p + ½. Moving the view centre by ½ px (towards +x, and towards the top of the
  // image) centres odd marks too.
  const half = markPx % 2 === 1 ? 0.5 / scale : 0;
  const view = { cx: w.cx + half, cy: w.cy + (w.yUp ? -half : half), scale, width: widthPx, height: heightPx, yUp: w.yUp };
  rasterCells({ data: pixels, width: widthPx, height: heightPx }, cells, rgba, view, { size: markPx, background: 0 });
  // a palette PNG when the cells have ≤ 255 colours (nearly always), else RGBA
  const png = await encodePng(pixels, widthPx, heightPx);
  return { dataUri: `data:image/png;base64,${base64(png)}`, ...size };
}

/** Standard base64 of bytes (Uint8Array.prototype.toBase64 where the platform has it). */
export function base64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return btoa(s);
}
