// CPU raster of a section: every cell as a small square of its colour, straight into ImageData.
// Fast at millions of cells (no GPU needed, which matters where WebGL is software-rendered).

import { boundsOf, type CellTable } from '../../shared/dataset/cell-table.ts';

export type CellColours =
  | { readonly kind: 'category'; readonly codes: Uint16Array | Uint32Array; /** RGBA packed little-endian, by code; last entry = missing */ readonly lut: Uint32Array }
  | { readonly kind: 'number'; readonly values: Float32Array; readonly min: number; readonly max: number; readonly lut: Uint32Array /* 256 entries */; readonly missing: number }
  | { readonly kind: 'uniform'; readonly colour: number };

export interface Viewport {
  /** Device pixels. */
  readonly width: number;
  readonly height: number;
  /** Section units (µm or px) → device pixels. */
  readonly scale: number;
  /** Section coordinates at the canvas centre. */
  readonly cx: number;
  readonly cy: number;
  /** Flip y (sections whose y axis points up). */
  readonly yUp: boolean;
}

export function packRgba(r: number, g: number, b: number, a = 255): number {
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** Fits the table's bounds into a canvas, with a margin in device pixels. */
export function fitViewport(table: CellTable, width: number, height: number, yUp: boolean, margin = 16): Viewport {
  const b = boundsOf(table);
  const w = Math.max(b.x[1] - b.x[0], 1e-9), h = Math.max(b.y[1] - b.y[0], 1e-9);
  const scale = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h);
  return { width, height, scale: scale > 0 && Number.isFinite(scale) ? scale : 1, cx: (b.x[0] + b.x[1]) / 2, cy: (b.y[0] + b.y[1]) / 2, yUp };
}

/** Diameter of a cell's mark in device pixels: 85 % of the mean cell spacing (rounded up), within 1–24 px. */
export function pointSize(table: CellTable, view: Viewport): number {
  const b = boundsOf(table);
  const spacing = Math.sqrt(Math.max((b.x[1] - b.x[0]) * (b.y[1] - b.y[0]), 1e-12) / Math.max(1, table.n));
  const size = Math.ceil(0.85 * spacing * view.scale);
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

export function rasterCells(image: ImageData, table: CellTable, colours: CellColours, view: Viewport, background: number, size = pointSize(table, view)): void {
  const buf = new Uint32Array(image.data.buffer, image.data.byteOffset, image.width * image.height);
  buf.fill(background);
  const W = image.width, H = image.height;
  const s = view.scale;
  const ox = W / 2 - view.cx * s;
  const sy = view.yUp ? -s : s;
  const oy = H / 2 - view.cy * sy;
  const half = size >> 1;
  const mark = stamp(size);
  for (let i = 0; i < table.n; i++) {
    const px = Math.round(table.x[i]! * s + ox) - half;
    const py = Math.round(table.y[i]! * sy + oy) - half;
    if (px >= W || py >= H || px + size <= 0 || py + size <= 0) continue;
    let c: number;
    if (colours.kind === 'category') {
      const code = colours.codes[i]!;
      c = colours.lut[code < colours.lut.length - 1 ? code : colours.lut.length - 1]!;
    } else if (colours.kind === 'number') {
      const v = colours.values[i]!;
      if (v !== v) c = colours.missing;
      else {
        const t = (v - colours.min) / (colours.max - colours.min || 1);
        c = colours.lut[t <= 0 ? 0 : t >= 1 ? 255 : (t * 255) | 0]!;
      }
    } else c = colours.colour;
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
