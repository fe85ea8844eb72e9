// Outlines of where the cells of each label lie, as polygons in world units (µm, or px for pixel
// tables): region polygons from a region column, clone territories from a clone column.
//   labelOutlines    rasterise the label's cells (a pixel is set when it holds one), close small gaps,
//                    drop specks and small holes (optionally every hole), marching squares, simplify.
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

/** For each code, the pixels it owns under `rule` (as start/offsets into one list; pixels may repeat). */
function pixelsByLabel(grid: CellRaster, codes: Uint16Array | Uint32Array, m: number, rule: 'plurality' | 'any'): { start: Uint32Array; pixels: Int32Array } {
  const { pixelOf, raster } = grid;
  const n = pixelOf.length;
  const owner = new Int32Array(rule === 'any' ? 0 : raster.width * raster.height).fill(-1);
  if (rule === 'plurality') {
    // cells grouped by pixel (counting sort), then a tally per pixel
    const P = raster.width * raster.height;
    const start = new Uint32Array(P + 1);
    for (let i = 0; i < n; i++) if (pixelOf[i]! >= 0 && codes[i]! < m) start[pixelOf[i]! + 1]!++;
    for (let q = 0; q < P; q++) start[q + 1]! += start[q]!;
    const fill = start.slice(0, P);
    const order = new Uint32Array(start[P]!);
    for (let i = 0; i < n; i++) if (pixelOf[i]! >= 0 && codes[i]! < m) order[fill[pixelOf[i]!]!++] = i;
    const tally = new Uint32Array(m);
    for (let q = 0; q < P; q++) {
      const s = start[q]!, e = start[q + 1]!;
      if (s === e) continue;
      let best = -1, bestCount = 0;
      for (let k = s; k < e; k++) tally[codes[order[k]!]!]!++;
      for (let k = s; k < e; k++) {
        const c = codes[order[k]!]!;
        if (tally[c]! > bestCount || (tally[c] === bestCount && c < best)) [best, bestCount] = [c, tally[c]!];
      }
      for (let k = s; k < e; k++) tally[codes[order[k]!]!] = 0;
      owner[q] = best;
    }
  }
  // (pixel, code) entries grouped by code
  const entries = rule === 'any' ? n : owner.length;
  const codeOf = (e: number) => (rule === 'any' ? (pixelOf[e]! >= 0 && codes[e]! < m ? codes[e]! : -1) : owner[e]!);
  const pixelAt = (e: number) => (rule === 'any' ? pixelOf[e]! : e);
  const start = new Uint32Array(m + 1);
  for (let e = 0; e < entries; e++) {
    const c = codeOf(e);
    if (c >= 0) start[c + 1]!++;
  }
  for (let k = 0; k < m; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, m);
  const pixels = new Int32Array(start[m]!);
  for (let e = 0; e < entries; e++) {
    const c = codeOf(e);
    if (c >= 0) pixels[fill[c]!++] = pixelAt(e);
  }
  return { start, pixels };
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
    mask = removeSmallComponents(mask, width, height, minPixels, 8);
    mask = fillHoles(mask, width, height, opts.fillHoles ? Infinity : minPixels - 1);
    for (const polygon of bandPolygons(raster, mask, 0.5, Infinity, p / 2)) out.push({ label: labels[k]!, code: k, rings: flatRings(polygon) });
  }
  return out;
}

export interface DensityContourOptions {
  /** Gaussian σ of the smoothing, world units (µm, or px for pixel tables). */
  readonly bandwidthUm: number;
  /** Fraction to contour, 0–1 (0.5: where the chosen cells are the majority). */
  readonly level: number;
  /** Raster pixel, world units [bandwidthUm / 2]. */
  readonly pixel?: number;
  /** The cells the fraction is of (e.g. the tumour cells) [all]. */
  readonly reference?: Uint8Array;
  /** Where the reference density is below this fraction of its typical value inside the tissue, the fraction counts as 0 [0.25; the density halves at a straight tissue edge]. */
  readonly minDensity?: number;
  /** Pieces and holes smaller than this are dropped, world units² [0]. */
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
  const grid = cellRaster(x, y, (i) => ref === undefined || ref[i] !== 0, opts.pixel ?? opts.bandwidthUm / 2, reach, opts.maxPixels ?? 4_000_000);
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

function contoursOfSelection(grid: DensityGrid, chosen: (i: number) => boolean, n: number, opts: DensityContourOptions, label: string, code: number): OutlinePolygon[] {
  const { raster, pixelOf, all, floor } = grid;
  const counts = new Float32Array(all.length);
  for (let i = 0; i < n; i++) if (pixelOf[i]! >= 0 && chosen(i)) counts[pixelOf[i]!]!++;
  const mine = gaussianBlur(counts, raster.width, raster.height, grid.sigmaPixels);
  for (let k = 0; k < mine.length; k++) mine[k] = all[k]! >= floor && all[k]! > 0 ? mine[k]! / all[k]! : 0;
  const minArea2 = 2 * (opts.minArea ?? 0);
  const out: OutlinePolygon[] = [];
  for (const polygon of bandPolygons(raster, mine, opts.level, Infinity, raster.pixelUm / 2)) {
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
  let mask: Uint8Array;
  if (chosen instanceof Uint8Array) mask = chosen;
  else {
    mask = new Uint8Array(x.length);
    for (let k = 0; k < chosen.indices.length; k++) mask[chosen.indices[k]!] = 1;
  }
  return contoursOfSelection(grid, (i) => mask[i] !== 0, x.length, opts, opts.label ?? 'selection', -1);
}

/** densityContours of every label of a column (or of `codes`), sharing the reference density. */
export function densityContoursByLabel(
  x: ArrayLike<number>, y: ArrayLike<number>, column: CategoryCodes,
  opts: DensityContourOptions & { readonly codes?: readonly number[] },
): OutlinePolygon[] {
  const grid = densityGrid(x, y, opts);
  if (!grid) return [];
  const out: OutlinePolygon[] = [];
  for (const k of opts.codes ?? column.labels.keys()) {
    if (k < 0 || k >= column.labels.length) continue;
    out.push(...contoursOfSelection(grid, (i) => column.codes[i] === k, x.length, opts, column.labels[k]!, k));
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
