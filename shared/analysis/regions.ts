// Tumour regions from cell positions, SCIENCE.md §3.5: rasterise the tumour cells, mask the pixels
// within ρ_d of one, close, keep the largest component, fill its holes; then the signed Euclidean
// distance d to the mask boundary (µm, positive inside) labels every point:
//   core           d >  w/2
//   invasive front |d| ≤ w/2   (closed band)
//   stroma         d < −w/2   (outside the tumour)
// The boundary sits on pixel edges: a mask pixel next to the outside has d = +p/2, its outside
// neighbour d = −p/2 (p = pixel size); d is taken at the centre of the pixel holding the point.

import { squaredDistanceTransform } from './distance-transform.ts';
import { close, dilate, fillHoles, largestComponent } from './morphology.ts';

export const REGION_NAMES = ['stroma', 'invasive front', 'core'] as const;
export type RegionName = (typeof REGION_NAMES)[number];
export const REGION_STROMA = 0;
export const REGION_FRONT = 1;
export const REGION_CORE = 2;

/** A raster over the section: pixel (col, row) covers [x0 + col·p, x0 + (col+1)·p) × [y0 + row·p, …). */
export interface Raster {
  readonly x0: number;
  readonly y0: number;
  readonly pixelUm: number;
  readonly width: number;
  readonly height: number;
}

export interface RegionOptions {
  /** Raster pixel, µm [10]. */
  readonly pixelUm?: number;
  /** Mask radius around each tumour cell, µm [20 ≈ 2 cell diameters]. */
  readonly dilateUm?: number;
  /** Closing radius, µm [50]. */
  readonly closingUm?: number;
  /** Front band width w, µm [1000 — whole human tumours; choose ≈ 1/10 of the tumour diameter for small sections]. */
  readonly frontWidthUm?: number;
  /** Extra room around the points, µm, so that distances far outside are still resolved [0]. */
  readonly paddingUm?: number;
}

export interface TumourRegions {
  readonly raster: Raster;
  /** 1 = tumour mask (after closing, largest component, holes filled). */
  readonly mask: Uint8Array;
  /** Signed distance to the mask boundary at each pixel centre, µm (positive inside). */
  readonly signedDistance: Float32Array;
  readonly frontWidthUm: number;
}

/**
 * Regions of the tumour formed by the points i with isTumour[i] ≠ 0. Coordinates in µm.
 * With no tumour point the mask is empty and every point is stroma.
 */
export function tumourRegions(x: ArrayLike<number>, y: ArrayLike<number>, isTumour: ArrayLike<number>, opts: RegionOptions = {}): TumourRegions {
  const p = opts.pixelUm ?? 10;
  const dilateUm = opts.dilateUm ?? 20;
  const closingUm = opts.closingUm ?? 50;
  const w = opts.frontWidthUm ?? 1000;
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (xi < xMin) xMin = xi;
    if (xi > xMax) xMax = xi;
    if (yi < yMin) yMin = yi;
    if (yi > yMax) yMax = yi;
  }
  if (!(xMax >= xMin)) xMin = xMax = yMin = yMax = 0;
  // room for the dilation and the closing, so the raster border never clips the mask
  const pad = dilateUm + 2 * closingUm + (opts.paddingUm ?? 0) + 2 * p;
  const x0 = Math.floor((xMin - pad) / p) * p;
  const y0 = Math.floor((yMin - pad) / p) * p;
  const width = Math.ceil((xMax + pad - x0) / p) + 1;
  const height = Math.ceil((yMax + pad - y0) / p) + 1;
  const raster: Raster = { x0, y0, pixelUm: p, width, height };

  const seeds = new Uint8Array(width * height);
  for (let i = 0; i < x.length; i++) if (isTumour[i]) seeds[pixelIndex(raster, x[i]!, y[i]!)] = 1;
  let mask = dilate(seeds, width, height, dilateUm / p);
  mask = close(mask, width, height, closingUm / p);
  mask = fillHoles(largestComponent(mask, width, height), width, height);
  return { raster, mask, signedDistance: signedDistance(mask, width, height, p), frontWidthUm: w };
}

/** Signed distance (µm) to the boundary of a mask, positive inside, ±p/2 at the boundary pixels. */
export function signedDistance(mask: Uint8Array, width: number, height: number, pixelUm: number): Float32Array {
  const outside = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) outside[i] = mask[i] ? 0 : 1;
  const toOutside = squaredDistanceTransform(outside, width, height);
  const toInside = squaredDistanceTransform(mask, width, height);
  const d = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) {
    d[i] = mask[i] ? (Math.sqrt(toOutside[i]!) - 0.5) * pixelUm : -(Math.sqrt(toInside[i]!) - 0.5) * pixelUm;
  }
  return d;
}

/** Row-major pixel index of the point (clamped to the raster). */
export function pixelIndex(r: Raster, x: number, y: number): number {
  const col = Math.min(r.width - 1, Math.max(0, Math.floor((x - r.x0) / r.pixelUm)));
  const row = Math.min(r.height - 1, Math.max(0, Math.floor((y - r.y0) / r.pixelUm)));
  return row * r.width + col;
}

/** Signed distance at a point (µm); −Infinity outside the raster. */
export function signedDistanceAt(reg: TumourRegions, x: number, y: number): number {
  const r = reg.raster;
  const col = Math.floor((x - r.x0) / r.pixelUm);
  const row = Math.floor((y - r.y0) / r.pixelUm);
  if (col < 0 || row < 0 || col >= r.width || row >= r.height) return -Infinity;
  return reg.signedDistance[row * r.width + col]!;
}

/** Region code (REGION_STROMA / REGION_FRONT / REGION_CORE) of a signed distance for band width w. */
export function regionOfDistance(d: number, frontWidthUm: number): number {
  const half = frontWidthUm / 2;
  return d > half ? REGION_CORE : d >= -half ? REGION_FRONT : REGION_STROMA;
}

/** Region code of every point. */
export function labelRegions(reg: TumourRegions, x: ArrayLike<number>, y: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = regionOfDistance(signedDistanceAt(reg, x[i]!, y[i]!), reg.frontWidthUm);
  return out;
}
