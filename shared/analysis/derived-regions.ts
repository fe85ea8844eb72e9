// Regions derived from the tumour cells when a table has none (SCIENCE.md §3.5), built once and
// re-thresholded live: the tumour mask and its signed distance d (regions.ts) and a tissue mask are
// computed once; `labelsFor(w)` is then one pass over the cells' stored d, `polygonsFor(w)` one
// marching-squares pass over the raster.
//   symmetric (default)   core d > w/2,  invasive front |d| ≤ w/2,  outside d < −w/2
//   front inside only     core d > w,    invasive front 0 ≤ d ≤ w,  outside d < 0
// Everything is in the table's units: µm, or px when the pixel size is unknown. Sizes default to
// the SCIENCE.md values in µm, scaled up for sparse data (spots), and to the cell spacing s in px:
//   pixel  µm: max(10, s/2)        px: s
//   dilate µm: max(20, s)          px: 2s
//   close  µm: max(50, 2.5 s)      px: 5s
// and the pixel grows ×1.25 until the raster has ≤ maxPixels. The suggested width is SCIENCE.md's
// w = 1000 µm (±500 µm) when the tumour is deep enough to keep a core with it (maxDepth ≥ 1000 µm);
// otherwise — a small section, a biopsy, a pixel table — D/10 (D: the diameter of the disc with the
// mask's area), at least 2 pixels, so it still gets a core and a front (`suggestedRule` says which).
// Polygons and areas are clipped to the tissue: pixels within `dilate` of any cell (closed).
// Cost (Node 20, one core of an AMD EPYC; tumour + stroma on a 10 µm lattice, 10 µm pixels):
//   50k cells (263² raster):   build 70–130 ms; per width: labelsFor 0.2–0.5 ms, polygonsFor 6–18 ms
//   1M cells (1,079² raster):  build ≈ 0.5 s;   per width: labelsFor 3 ms, polygonsFor ≈ 100 ms,
//                              areasFor 4–6 ms
// (the build is a handful of distance transforms; labelsFor is O(cells), the others O(pixels)).

import { bandPolygons, type PolygonCoordinates } from './contours.ts';
import type { RegionPolygon, Rgb } from './geojson.ts';
import { close, dilate } from './morphology.ts';
import { typicalSpacing } from './outlines.ts';
import { pixelIndex, REGION_CORE, REGION_FRONT, REGION_STROMA, tumourRegions, type Raster } from './regions.ts';

/** Region names by code: 0 outside, 1 invasive front, 2 core (the codes of regions.ts). */
export const DERIVED_REGION_NAMES = ['outside', 'invasive front', 'core'] as const;
export type DerivedRegionName = (typeof DERIVED_REGION_NAMES)[number];
export const OUTSIDE = REGION_STROMA;
export const FRONT = REGION_FRONT;
export const CORE = REGION_CORE;
/** Code of a cell whose coordinates are not finite. */
export const NO_REGION = 255;

/** Okabe–Ito colours as the simulator's regions: core vermillion, front orange, outside bluish green. */
export const DERIVED_REGION_COLOURS: Readonly<Record<DerivedRegionName, Rgb>> = {
  outside: [0, 158, 115],
  'invasive front': [230, 159, 0],
  core: [213, 94, 0],
};

export interface DeriveOptions {
  /** Units of x and y ['um']; 'px' when the pixel size is unknown. */
  readonly units?: 'um' | 'px';
  /** Raster pixel, table units [see header]. */
  readonly pixel?: number;
  /** Mask radius around each tumour cell, table units [see header]. */
  readonly dilate?: number;
  /** Closing radius, table units [see header]. */
  readonly closing?: number;
  /** Largest raster, pixels [4,000,000]. */
  readonly maxPixels?: number;
}

export interface DerivedRegions {
  readonly units: 'um' | 'px';
  readonly raster: Raster;
  /** 1 = tumour (closed, largest component, holes filled). */
  readonly mask: Uint8Array;
  /** 1 = tissue (any cell within `dilate`), or tumour. */
  readonly tissue: Uint8Array;
  /** Signed distance to the mask boundary per pixel, table units, positive inside. */
  readonly signedDistance: Float32Array;
  /** Signed distance of each cell (at its pixel centre); NaN for non-finite coordinates. */
  readonly cellDistance: Float32Array;
  readonly tumourCells: number;
  readonly dilate: number;
  readonly closing: number;
  /** Mask area, table units². */
  readonly maskArea: number;
  /** Largest d inside the mask: a width above 2× this (1× inside-only) leaves no core. */
  readonly maxDepth: number;
  /** Default band width w for this section (see header). */
  readonly suggestedWidth: number;
  /** 'default': the ±500 µm band; 'diameter': a tenth of the tumour's diameter (too small or px). */
  readonly suggestedRule: 'default' | 'diameter';
  /** Region code per cell (OUTSIDE, FRONT, CORE; NO_REGION for non-finite coordinates). */
  labelsFor(width: number, insideOnly?: boolean): Uint8Array;
  /** Region polygons (rings without the closing vertex, outer first), in the order core, front, outside. */
  polygonsFor(width: number, insideOnly?: boolean): RegionPolygon[];
  /** Area per region code, table units² (raster pixels in the tissue × pixel²). */
  areasFor(width: number, insideOnly?: boolean): Float64Array;
}

/** d thresholds of a band: front is lo ≤ d ≤ hi, core d > hi, outside d < lo. */
export function bandLimits(width: number, insideOnly = false): { lo: number; hi: number } {
  const w = Math.max(0, width);
  return insideOnly ? { lo: 0, hi: w } : { lo: -w / 2, hi: w / 2 };
}

/** Region code of a signed distance. */
export function regionOf(d: number, width: number, insideOnly = false): number {
  if (d !== d) return NO_REGION;
  const { lo, hi } = bandLimits(width, insideOnly);
  return d > hi ? CORE : d >= lo ? FRONT : OUTSIDE;
}

/** Derives the regions of the tumour formed by the cells with isTumour[i] ≠ 0; null when there is none. */
export function deriveRegions(x: ArrayLike<number>, y: ArrayLike<number>, isTumour: ArrayLike<number>, opts: DeriveOptions = {}): DerivedRegions | null {
  const units = opts.units ?? 'um';
  const n = x.length;
  const tx: number[] = [];
  const ty: number[] = [];
  let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    if (xi < xMin) xMin = xi;
    if (xi > xMax) xMax = xi;
    if (yi < yMin) yMin = yi;
    if (yi > yMax) yMax = yi;
    if (isTumour[i]) tx.push(xi), ty.push(yi);
  }
  if (tx.length === 0) return null;
  const s = tx.length > 1 ? typicalSpacing(Float64Array.from(tx), Float64Array.from(ty)) : 1;
  const px = units === 'px';
  let p = opts.pixel ?? (px ? s : Math.max(10, s / 2));
  const dil = opts.dilate ?? (px ? 2 * s : Math.max(20, s));
  const clo = opts.closing ?? (px ? 5 * s : Math.max(50, 2.5 * s));
  const maxPixels = opts.maxPixels ?? 4_000_000;
  // the raster tumourRegions will build: the cells' box with room for the dilation and closing
  const sizeAt = (q: number) => (Math.ceil((xMax - xMin) / q + 2 * (dil + 2 * clo) / q) + 6) * (Math.ceil((yMax - yMin) / q + 2 * (dil + 2 * clo) / q) + 6);
  while (sizeAt(p) > maxPixels) p *= 1.25;

  const reg = tumourRegions(x, y, isTumour, { pixelUm: p, dilateUm: dil, closingUm: clo });
  const { raster, mask, signedDistance: sd } = reg;
  const { width: W, height: H } = raster;
  const seeds = new Uint8Array(W * H);
  for (let i = 0; i < n; i++) if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) seeds[pixelIndex(raster, x[i]!, y[i]!)] = 1;
  const tissue = close(dilate(seeds, W, H, dil / p), W, H, clo / p);
  let maskPixels = 0;
  let maxDepth = 0;
  for (let q = 0; q < mask.length; q++) {
    if (mask[q]) tissue[q] = 1, maskPixels++;
    if (sd[q]! > maxDepth) maxDepth = sd[q]!;
  }
  const cellDistance = new Float32Array(n);
  for (let i = 0; i < n; i++) cellDistance[i] = Number.isFinite(x[i]!) && Number.isFinite(y[i]!) ? sd[pixelIndex(raster, x[i]!, y[i]!)]! : NaN;
  const maskArea = maskPixels * p * p;
  const diameter = 2 * Math.sqrt(maskArea / Math.PI);
  const suggestedRule = !px && maxDepth >= DEFAULT_FRONT_WIDTH_UM ? 'default' : 'diameter';
  const suggestedWidth = suggestedRule === 'default' ? DEFAULT_FRONT_WIDTH_UM : niceWidth(Math.max(2 * p, Math.min(px ? Infinity : DEFAULT_FRONT_WIDTH_UM, diameter / 10)));

  // fields for marching squares: −∞ off the tissue; `inward` = d, `outward` = −d
  const inward = new Float32Array(W * H);
  const outward = new Float32Array(W * H);
  for (let q = 0; q < inward.length; q++) {
    inward[q] = tissue[q] ? sd[q]! : -Infinity;
    outward[q] = tissue[q] ? -sd[q]! : -Infinity;
  }
  return {
    units, raster, mask, tissue, signedDistance: sd, cellDistance, tumourCells: tx.length, dilate: dil, closing: clo, maskArea, maxDepth, suggestedWidth, suggestedRule,
    labelsFor(width, insideOnly = false) {
      const { lo, hi } = bandLimits(width, insideOnly);
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const d = cellDistance[i]!;
        out[i] = d > hi ? CORE : d >= lo ? FRONT : d < lo ? OUTSIDE : NO_REGION;
      }
      return out;
    },
    polygonsFor(width, insideOnly = false) {
      const { lo, hi } = bandLimits(width, insideOnly);
      const named = (name: DerivedRegionName, polys: PolygonCoordinates[]) =>
        polys.map((rings): RegionPolygon => ({ name, colour: DERIVED_REGION_COLOURS[name], rings: rings.map(flatRing) }));
      return [
        ...named('core', bandPolygons(raster, inward, hi, Infinity)),
        ...named('invasive front', bandPolygons(raster, inward, lo, hi)),
        ...named('outside', bandPolygons(raster, outward, -lo, Infinity)),
      ];
    },
    areasFor(width, insideOnly = false) {
      const { lo, hi } = bandLimits(width, insideOnly);
      const count = new Float64Array(3);
      for (let q = 0; q < sd.length; q++) {
        if (!tissue[q]) continue;
        const d = sd[q]!;
        count[d > hi ? CORE : d >= lo ? FRONT : OUTSIDE]!++;
      }
      for (let k = 0; k < 3; k++) count[k]! *= p * p;
      return count;
    },
  };
}

/** A closed GeoJSON-style ring → x0, y0, x1, y1, … without the closing vertex. */
function flatRing(ring: readonly [number, number][]): Float64Array {
  const m = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.length - 1 : ring.length;
  const out = new Float64Array(2 * m);
  for (let k = 0; k < m; k++) (out[2 * k] = ring[k]![0]), (out[2 * k + 1] = ring[k]![1]);
  return out;
}

/** Rounded to one significant digit (a slider-friendly width: 204 → 200, 0.37 → 0.4). */
/** SCIENCE.md §3.5: invasive-front band w = 1000 µm, i.e. ±500 µm around the tumour edge. */
export const DEFAULT_FRONT_WIDTH_UM = 1000;

function niceWidth(v: number): number {
  return v > 0 && Number.isFinite(v) ? Number(v.toPrecision(1)) : 1;
}
