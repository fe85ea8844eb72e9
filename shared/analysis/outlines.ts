// Outlines of where the cells of each label lie, as polygons in world units (µm, or px for pixel
// tables): region polygons from a region column, clone territories from a clone column.
//   labelOutlines    rasterise the label's cells (a pixel is the label's when it holds more of its cells
//                    than of any other label's, or — rule 'any' — at least one), close small gaps, drop
//                    specks and small holes (optionally every hole), marching squares, simplify (½ pixel).
//   densityContours  Gaussian-smoothed density of the chosen cells ÷ that of all (reference) cells =
//                    the local fraction of the chosen cells, contoured at `level` (0.5: majority).
// Every polygon is { label, code, rings }: rings as x0, y0, x1, y1, … (closing vertex not repeated),
// the first ring the outer one (counter-clockwise with y up), then its holes — as OverlayPolygon.

import { bandPolygons, ringArea2, type PolygonCoordinates } from './contours.ts';
import { close, fillHoles, removeSmallComponents } from './morphology.ts';
import type { Raster } from './regions.ts';
import type { CategoryCodes } from './selection.ts';
import { SpatialIndex } from './spatial-index.ts';

export interface OutlinePolygon {
  readonly label: string;
  /** Dictionary code of the label (−1 for densityContours of a selection). */
  readonly code: number;
  readonly rings: Float64Array[];
}

export interface OutlineOptions {
  /** Raster pixel, world units [2.5 × typicalSpacing]. */
  readonly pixel?: number;
  /**
   * Which pixels belong to a label: 'plurality' — the label holds more of the pixel's labelled cells
   * than any other (ties: the lower code), so labels share no pixel and scattered cells of a label
   * make no specks; 'any' — the pixel holds at least one of the label's cells ['plurality'].
   */
  readonly rule?: 'plurality' | 'any';
  /** Closing radius, pixels [1]: gaps up to about twice this are bridged. */
  readonly closingPixels?: number;
  /** Pieces and holes smaller than this are dropped (filled), world units² [12 pixels²]. */
  readonly minArea?: number;
  /** Fill every hole, not only the small ones [false]. */
  readonly fillHoles?: boolean;
  /** Only these codes [every label]. */
  readonly codes?: readonly number[];
  /** Only the cells with include[i] ≠ 0 (e.g. the visible ones) [all]. */
  readonly include?: Uint8Array;
  /** The pixel is enlarged until the raster has at most this many pixels [1,000,000]. */
  readonly maxPixels?: number;
  /** Used to find the typical spacing when `pixel` is not given (else one is built). */
  readonly index?: SpatialIndex;
}

/**
 * Typical distance between neighbouring cells: the median nearest-neighbour distance of up to
 * 4,096 cells taken at a fixed stride (deterministic); 1 when there are fewer than 2 cells.
 */
export function typicalSpacing(x: ArrayLike<number>, y: ArrayLike<number>, index = new SpatialIndex(x, y)): number {
  const n = x.length;
  const step = Math.max(1, Math.floor(n / 4096));
  const d: number[] = [];
  for (let i = 0; i < n; i += step) {
    const xi = x[i]!, yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    const j = index.nearest(xi, yi, Infinity, (k) => k !== i);
    if (j >= 0) d.push(Math.hypot(x[j]! - xi, y[j]! - yi));
  }
  const positive = d.filter((v) => v > 0).sort((a, b) => a - b);
  return positive.length ? positive[positive.length >> 1]! : 1;
}

/** A raster over the used cells with room around them, and the pixel of each cell (−1: not used). */
interface CellRaster {
  readonly raster: Raster;
  readonly pixelOf: Int32Array;
}

/** `pad(p)`: pixels of room on each side for pixel p; p grows by 1.25× until within maxPixels. */
function cellRaster(x: ArrayLike<number>, y: ArrayLike<number>, use: (i: number) => boolean, pixel: number, pad: (p: number) => number, maxPixels: number): CellRaster | null {
  const n = x.length;
  let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi) || !use(i)) continue;
    if (xi < xMin) xMin = xi;
    if (xi > xMax) xMax = xi;
    if (yi < yMin) yMin = yi;
    if (yi > yMax) yMax = yi;
  }
  if (!(xMax >= xMin) || !(pixel > 0)) return null;
  let p = pixel;
  const size = () => [Math.floor((xMax - xMin) / p) + 2 * pad(p) + 1, Math.floor((yMax - yMin) / p) + 2 * pad(p) + 1] as const;
  while (size()[0] * size()[1] > maxPixels) p *= 1.25;
  const [width, height] = size();
  // the outermost cells sit mid-pixel, so the outline passes half a pixel beyond them
  const raster: Raster = { x0: xMin - (pad(p) - 0.5) * p, y0: yMin - (pad(p) - 0.5) * p, pixelUm: p, width, height };
  const pixelOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi) || !use(i)) continue;
    const col = Math.min(width - 1, Math.floor((xi - raster.x0) / p));
    const row = Math.min(height - 1, Math.floor((yi - raster.y0) / p));
    pixelOf[i] = row * width + col;
  }
  return { raster, pixelOf };
}

/** Items 0 … n−1 grouped by key (counting sort; key < 0: left out): key k's are order[start[k] … start[k+1]). */
function groupBy(n: number, keys: number, key: (i: number) => number): { start: Uint32Array; order: Uint32Array } {
  const start = new Uint32Array(keys + 1);
  for (let i = 0; i < n; i++) {
    const k = key(i);
    if (k >= 0) start[k + 1]!++;
  }
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keys);
  const order = new Uint32Array(start[keys]!);
  for (let i = 0; i < n; i++) {
    const k = key(i);
    if (k >= 0) order[fill[k]!++] = i;
  }
  return { start, order };
}

/** The pixels of each code under `rule`: code k's are pixels[start[k] … start[k+1]) (may repeat for 'any'). */
function pixelsByLabel({ raster, pixelOf }: CellRaster, codes: Uint16Array | Uint32Array, m: number, rule: 'plurality' | 'any'): { start: Uint32Array; pixels: Uint32Array } {
  const n = pixelOf.length;
  if (rule === 'any') {
    const { start, order } = groupBy(n, m, (i) => (pixelOf[i]! >= 0 && codes[i]! < m ? codes[i]! : -1));
    for (let k = 0; k < order.length; k++) order[k] = pixelOf[order[k]!]!;
    return { start, pixels: order };
  }
  // cells grouped by pixel, then a tally per pixel: the owner is the code with most cells
  const P = raster.width * raster.height;
  const byPixel = groupBy(n, P, (i) => (codes[i]! < m ? pixelOf[i]! : -1));
  const owner = new Int32Array(P).fill(-1);
  const tally = new Uint32Array(m);
  for (let q = 0; q < P; q++) {
    const s = byPixel.start[q]!, e = byPixel.start[q + 1]!;
    if (s === e) continue;
    let best = -1, bestCount = 0;
    for (let k = s; k < e; k++) tally[codes[byPixel.order[k]!]!]!++;
    for (let k = s; k < e; k++) {
      const c = codes[byPixel.order[k]!]!;
      if (tally[c]! > bestCount || (tally[c] === bestCount && c < best)) [best, bestCount] = [c, tally[c]!];
    }
    for (let k = s; k < e; k++) tally[codes[byPixel.order[k]!]!] = 0;
    owner[q] = best;
  }
  const { start, order } = groupBy(P, m, (q) => owner[q]!);
  return { start, pixels: order };
}

/** Outline polygons of the labels of `column` (labels owning no pixel give none). */
export function labelOutlines(x: ArrayLike<number>, y: ArrayLike<number>, column: CategoryCodes, opts: OutlineOptions = {}): OutlinePolygon[] {
  const { codes, labels } = column;
  const m = labels.length;
  const include = opts.include;
  const closing = opts.closingPixels ?? 1;
  const pad = Math.ceil(closing) + 2; // the closing never meets a raster border
  const pixel = opts.pixel ?? 2.5 * typicalSpacing(x, y, opts.index);
  const grid = cellRaster(x, y, (i) => include === undefined || include[i] !== 0, pixel, () => pad, opts.maxPixels ?? 1_000_000);
  if (!grid) return [];
  const { raster: all } = grid;
  const p = all.pixelUm;
  const minPixels = Math.max(1, (opts.minArea ?? 12 * p * p) / (p * p));
  const { start, pixels } = pixelsByLabel(grid, codes, m, opts.rule ?? 'plurality');

  const out: OutlinePolygon[] = [];
  for (const k of opts.codes ?? labels.keys()) {
    if (k < 0 || k >= m || start[k] === start[k + 1]) continue;
    // the label's own raster: its pixels' bounding box with `pad` around, on the common grid
    let c0 = Infinity, r0 = Infinity, c1 = -Infinity, r1 = -Infinity;
    for (let s = start[k]!; s < start[k + 1]!; s++) {
      const q = pixels[s]!, row = Math.floor(q / all.width), col = q - row * all.width;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
    }
    c0 -= pad;
    r0 -= pad;
    const width = c1 + pad + 1 - c0, height = r1 + pad + 1 - r0;
    const raster: Raster = { x0: all.x0 + c0 * p, y0: all.y0 + r0 * p, pixelUm: p, width, height };
    let mask: Uint8Array = new Uint8Array(width * height);
    for (let s = start[k]!; s < start[k + 1]!; s++) {
      const q = pixels[s]!, row = Math.floor(q / all.width), col = q - row * all.width;
      mask[(row - r0) * width + (col - c0)] = 1;
    }
    if (closing > 0) mask = close(mask, width, height, closing);
    const kept = removeSmallComponents(mask, width, height, minPixels, 8);
    const box = boundsWhere(raster, (q) => kept[q] !== 0, 1); // stray pixels that widened the box are gone now
    if (!box) continue;
    const filled = fillHoles(crop(kept, raster, box), box.raster.width, box.raster.height, opts.fillHoles ? Infinity : minPixels - 1);
    for (const polygon of bandPolygons(box.raster, filled, 0.5, Infinity, p / 2)) out.push({ label: labels[k]!, code: k, rings: flatRings(polygon) });
  }
  return out;
}

export interface DensityContourOptions {
  /** Gaussian σ of the smoothing, world units (µm, or px for pixel tables). */
  readonly bandwidthUm: number;
  /** Fraction to contour, 0–1 (0.5: where the chosen cells are the majority). */
  readonly level: number;
  /** Raster pixel, world units [bandwidthUm / 1.5: the smoothed field varies little within a pixel]. */
  readonly pixel?: number;
  /** The cells the fraction is of (e.g. the tumour cells) [all]. */
  readonly reference?: Uint8Array;
  /** Where the reference density is below this fraction of its typical value inside the tissue, the fraction counts as 0 [0.25; the density halves at a straight tissue edge]. */
  readonly minDensity?: number;
  /** Pieces and holes smaller than this are dropped, world units² [π·bandwidthUm²: the kernel's own size]. */
  readonly minArea?: number;
  /** The raster is coarsened to stay within this many pixels [4,000,000]. */
  readonly maxPixels?: number;
}

/** Density grid of the reference cells, shared by the contours of several selections. */
interface DensityGrid {
  readonly raster: Raster;
  /** Pixel of each cell; −1 for cells left out (not reference, or a non-finite coordinate). */
  readonly pixelOf: Int32Array;
  /** Smoothed reference counts. */
  readonly all: Float32Array;
  /** Smoothed counts below this are "no tissue". */
  readonly floor: number;
  readonly sigmaPixels: number;
}

function densityGrid(x: ArrayLike<number>, y: ArrayLike<number>, opts: DensityContourOptions): DensityGrid | null {
  const ref = opts.reference;
  if (!(opts.bandwidthUm > 0)) return null;
  const reach = (p: number) => Math.ceil((3 * opts.bandwidthUm) / p) + 1; // the kernel's, in pixels
  const grid = cellRaster(x, y, (i) => ref === undefined || ref[i] !== 0, opts.pixel ?? opts.bandwidthUm / 1.5, reach, opts.maxPixels ?? 4_000_000);
  if (!grid) return null;
  const { raster, pixelOf } = grid;
  const counts = new Float32Array(raster.width * raster.height);
  for (let i = 0; i < pixelOf.length; i++) if (pixelOf[i]! >= 0) counts[pixelOf[i]!]!++;
  const sigmaPixels = opts.bandwidthUm / raster.pixelUm;
  const all = gaussianBlur(counts, raster.width, raster.height, sigmaPixels);
  // typical smoothed density where there are cells
  let sum = 0, occupied = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k]! === 0) continue;
    sum += all[k]!;
    occupied++;
  }
  return { raster, pixelOf, all, floor: (opts.minDensity ?? 0.25) * (sum / Math.max(1, occupied)), sigmaPixels };
}

function contoursOfCells(grid: DensityGrid, cells: ArrayLike<number>, opts: DensityContourOptions, label: string, code: number): OutlinePolygon[] {
  const { raster, pixelOf, all, floor } = grid;
  const { width, height } = raster;
  const counts = new Float32Array(all.length);
  for (let k = 0; k < cells.length; k++) {
    const q = pixelOf[cells[k]!]!;
    if (q >= 0) counts[q]!++;
  }
  const share = gaussianBlur(counts, width, height, grid.sigmaPixels);
  for (let q = 0; q < share.length; q++) share[q] = all[q]! >= floor && all[q]! > 0 ? share[q]! / all[q]! : 0;
  const box = boundsWhere(raster, (q) => share[q]! >= opts.level, 1); // only that part is contoured
  if (!box) return [];
  const minArea2 = 2 * (opts.minArea ?? Math.PI * opts.bandwidthUm ** 2);
  const out: OutlinePolygon[] = [];
  for (const polygon of bandPolygons(box.raster, crop(share, raster, box), opts.level, Infinity, raster.pixelUm / 2)) {
    if (ringArea2(polygon[0]!) < minArea2) continue;
    const kept = [polygon[0]!, ...polygon.slice(1).filter((h) => -ringArea2(h) >= minArea2)];
    out.push({ label, code, rings: flatRings(kept) });
  }
  return out;
}

/** Contours at `level` of the local fraction of the chosen cells (a 0/1 mask, or indices). */
export function densityContours(
  x: ArrayLike<number>, y: ArrayLike<number>, chosen: Uint8Array | { readonly indices: ArrayLike<number> },
  opts: DensityContourOptions & { readonly label?: string },
): OutlinePolygon[] {
  const grid = densityGrid(x, y, opts);
  if (!grid) return [];
  let cells = chosen instanceof Uint8Array ? null : chosen.indices;
  if (chosen instanceof Uint8Array) {
    const list: number[] = [];
    for (let i = 0; i < chosen.length; i++) if (chosen[i] !== 0) list.push(i);
    cells = list;
  }
  return contoursOfCells(grid, cells!, opts, opts.label ?? 'selection', -1);
}

/** densityContours of every label of a column (or of `codes`), sharing the reference density. */
export function densityContoursByLabel(
  x: ArrayLike<number>, y: ArrayLike<number>, column: CategoryCodes,
  opts: DensityContourOptions & { readonly codes?: readonly number[] },
): OutlinePolygon[] {
  const grid = densityGrid(x, y, opts);
  if (!grid) return [];
  const { codes, labels } = column;
  const m = labels.length;
  const { start, order } = groupBy(codes.length, m, (i) => (codes[i]! < m ? codes[i]! : -1));
  const out: OutlinePolygon[] = [];
  for (const k of opts.codes ?? labels.keys()) {
    if (k >= 0 && k < m) out.push(...contoursOfCells(grid, order.subarray(start[k]!, start[k + 1]!), opts, labels[k]!, k));
  }
  return out;
}

/** Separable Gaussian blur (kernel truncated at 3σ, normalised; zero outside the raster). */
export function gaussianBlur(field: Float32Array, width: number, height: number, sigmaPixels: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigmaPixels));
  const kernel = new Float32Array(2 * r + 1);
  let total = 0;
  for (let k = -r; k <= r; k++) total += kernel[k + r] = Math.exp(-(k * k) / (2 * sigmaPixels * sigmaPixels));
  for (let k = 0; k < kernel.length; k++) kernel[k]! /= total;
  const tmp = new Float32Array(field.length);
  const out = new Float32Array(field.length);
  for (let row = 0; row < height; row++) {
    const base = row * width;
    for (let col = 0; col < width; col++) {
      const v = field[base + col]!;
      if (v === 0) continue; // scatter: counts are sparse
      const a = Math.max(0, col - r), b = Math.min(width - 1, col + r);
      for (let c = a; c <= b; c++) tmp[base + c]! += v * kernel[c - col + r]!;
    }
  }
  for (let row = 0; row < height; row++) {
    const a = Math.max(0, row - r), b = Math.min(height - 1, row + r);
    for (let rr = a; rr <= b; rr++) {
      const w = kernel[rr - row + r]!;
      const src = row * width, dst = rr * width;
      for (let col = 0; col < width; col++) out[dst + col]! += w * tmp[src + col]!;
    }
  }
  return out;
}

/** The sub-raster around the pixels where `on` holds, with `margin` pixels more on each side; null when none. */
function boundsWhere(raster: Raster, on: (q: number) => boolean, margin: number): { raster: Raster; c0: number; r0: number } | null {
  const { width, height, pixelUm: p } = raster;
  let c0 = width, r0 = height, c1 = -1, r1 = -1;
  for (let row = 0; row < height; row++) {
    for (let col = 0, q = row * width; col < width; col++, q++) {
      if (!on(q)) continue;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
    }
  }
  if (c1 < 0) return null;
  [c0, r0, c1, r1] = [Math.max(0, c0 - margin), Math.max(0, r0 - margin), Math.min(width - 1, c1 + margin), Math.min(height - 1, r1 + margin)];
  return { raster: { x0: raster.x0 + c0 * p, y0: raster.y0 + r0 * p, pixelUm: p, width: c1 - c0 + 1, height: r1 - r0 + 1 }, c0, r0 };
}

/** The part of `field` (on `from`) that `to` covers. */
function crop<T extends Uint8Array | Float32Array>(field: T, from: Raster, to: { raster: Raster; c0: number; r0: number }): T {
  const out = new (field.constructor as new (n: number) => T)(to.raster.width * to.raster.height);
  for (let row = 0; row < to.raster.height; row++) {
    const q = (row + to.r0) * from.width + to.c0;
    out.set(field.subarray(q, q + to.raster.width), row * to.raster.width);
  }
  return out;
}

/** GeoJSON-style rings (closed, Position arrays) → flat Float64Arrays without the closing vertex. */
function flatRings(polygon: PolygonCoordinates): Float64Array[] {
  return polygon.map((ring) => {
    const count = ring.length - 1;
    const flat = new Float64Array(2 * count);
    for (let k = 0; k < count; k++) {
      flat[2 * k] = ring[k]![0];
      flat[2 * k + 1] = ring[k]![1];
    }
    return flat;
  });
}
