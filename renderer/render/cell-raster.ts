// CPU raster of a section: every cell as a small disc of its colour, straight into an RGBA buffer.
// Fast at millions of cells (no GPU needed, which matters where WebGL is software-rendered).

import { boundsOf, type CellTable } from '../../shared/dataset/cell-table.ts';
import type { ViewState } from '../scene/view-state.ts';

export type CellColours =
  | { readonly kind: 'category'; readonly codes: Uint16Array | Uint32Array; /** RGBA packed little-endian, by code; last entry = missing */ readonly lut: Uint32Array }
  | { readonly kind: 'number'; readonly values: Float32Array; /** value → [0, 1] before the lookup (limits, log) */ readonly t: (v: number) => number; readonly lut: Uint32Array /* 256 entries */; readonly missing: number }
  | { readonly kind: 'uniform'; readonly colour: number };

/** An RGBA8 pixel buffer (ImageData, or a texture's backing store). */
export interface PixelTarget {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export function packRgba(r: number, g: number, b: number, a = 255): number {
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** Packed colour `c` blended towards `bg` (weight 0–1 of the colour). */
export function fade(c: number, bg: number, weight: number): number {
  const mix = (shift: number) => Math.round(((c >>> shift) & 255) * weight + ((bg >>> shift) & 255) * (1 - weight));
  return packRgba(mix(0), mix(8), mix(16), 255);
}

/** Colour of cell i (alpha 0 when hidden). */
export function cellColour(colours: CellColours, i: number): number {
  if (colours.kind === 'category') {
    const code = colours.codes[i]!;
    return colours.lut[code < colours.lut.length - 1 ? code : colours.lut.length - 1]!;
  }
  if (colours.kind === 'number') {
    const t = colours.t(colours.values[i]!);
    return t !== t ? colours.missing : colours.lut[t <= 0 ? 0 : t >= 1 ? 255 : (t * 255) | 0]!;
  }
  return colours.colour;
}

/** Diameter of a cell's mark in device pixels: 85 % of the mean cell spacing (rounded up), within 1–24 px. */
export function pointSize(table: CellTable, scale: number): number {
  const b = boundsOf(table);
  const spacing = Math.sqrt(Math.max((b.x[1] - b.x[0]) * (b.y[1] - b.y[0]), 1e-12) / Math.max(1, table.n));
  const size = Math.ceil(0.85 * spacing * scale);
  return Math.max(1, Math.min(24, Number.isFinite(size) ? size : 1));
}

/** Offsets of the pixels of a disc of diameter `size` (a square below 4 px). */
function stamp(size: number): Int32Array {
  const out: number[] = [];
  const r = size / 2;
  for (let dy = 0; dy < size; dy++)
    for (let dx = 0; dx < size; dx++) {
      const ex = dx + 0.5 - r, ey = dy + 0.5 - r;
      if (size < 4 || ex * ex + ey * ey <= r * r) out.push(dx, dy);
    }
  return Int32Array.from(out);
}

/** One packed RGBA colour per cell (alpha 0 = hidden); unselected cells faded when there is a selection. */
export function colourCells(colours: CellColours, n: number, background: number, selection?: Uint8Array): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellColour(colours, i);
    out[i] = selection && selection[i] === 0 && c >>> 24 !== 0 ? fade(c, background, 0.22) : c;
  }
  return out;
}

export interface RasterOptions {
  /** Mark diameter, device pixels. */
  readonly size: number;
  readonly background: number;
  /** 1 = selected: drawn after the others, so a selection is never hidden under faded neighbours. */
  readonly selection?: Uint8Array;
}

/** Draws every visible cell (colour alpha ≠ 0) for the view into `target`, which is cleared first. */
export function rasterCells(target: PixelTarget, table: Pick<CellTable, 'n' | 'x' | 'y'>, rgba: Uint32Array, view: ViewState, o: RasterOptions): void {
  const W = target.width, H = target.height;
  const buf = new Uint32Array(target.data.buffer, target.data.byteOffset, W * H);
  buf.fill(o.background);
  const s = view.scale;
  const sy = view.yUp ? -s : s;
  const ox = view.width / 2 - view.cx * s;
  const oy = view.height / 2 - view.cy * sy;
  const size = Math.max(1, Math.round(o.size));
  const half = size >> 1;
  const mark = stamp(size);
  const xs = table.x, ys = table.y;
  const sel = o.selection;
  for (let pass = sel ? 0 : 1; pass < 2; pass++) {
    // with a selection: pass 0 draws the others, pass 1 the selected cells on top
    for (let i = 0; i < table.n; i++) {
      if (sel && (sel[i] === 1) !== (pass === 1)) continue;
      const c = rgba[i]!;
      if (c >>> 24 === 0) continue; // hidden
      const px = Math.round(xs[i]! * s + ox) - half;
      const py = Math.round(ys[i]! * sy + oy) - half;
      if (px >= W || py >= H || px + size <= 0 || py + size <= 0) continue;
      if (px >= 0 && py >= 0 && px + size <= W && py + size <= H) {
        const base = py * W + px;
        for (let k = 0; k < mark.length; k += 2) buf[base + mark[k + 1]! * W + mark[k]!] = c;
      } else {
        for (let k = 0; k < mark.length; k += 2) {
          const xx = px + mark[k]!, yy = py + mark[k + 1]!;
          if (xx >= 0 && yy >= 0 && xx < W && yy < H) buf[yy * W + xx] = c;
        }
      }
    }
  }
}
