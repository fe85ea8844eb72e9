// Where biopsy centres may fall (Ω) and how they are drawn, SCIENCE.md §4.2.
//
// Ω always keeps the whole biopsy inside the section's bounding box: the rectangle
// F = [x0 + h_x, x1 − h_x] × [y0 + h_y, y1 − h_y] (h = the shape's half-extents). Restricted
// placements intersect F with a region, rasterised at the §3.5 tumour raster (pixel p ≈ 10 µm):
//   tumor  pixels of the §3.5 tumour mask (tumour cells dilated 20 µm, closed 50 µm, largest
//          component, holes filled — stromal septa inside the tumour included)
//   core   computed regions: d > w/2;  front: |d| ≤ w/2  (d = signed distance to the mask edge)
//          with a region column: pixels whose nearest cell (within max(50 µm, 2p)) is labelled
//          core (labels like 'core', 'centre') or front ('invasive front', 'margin', 'border', 'edge')
// Random: centres i.i.d. uniform on Ω (a pixel uniformly, a point uniformly in it; points that
// fall outside F are redrawn). Stratified with k biopsies: Ω split into an a × b grid of k strata
// of equal area (a·b = k, a the largest divisor ≤ √k, more strata along Ω's longer side; on a
// pixel Ω the cuts follow area quantiles, first by columns then by rows within each column strip),
// one uniform centre per stratum.

import { fail, ok, type Result } from '../../errors.ts';
import type { Rng } from '../../sim/rng.ts';
import { halfExtents, type BiopsyTemplate } from './geometry.ts';
import type { BiopsySection } from './section.ts';
import { REGION_CORE, REGION_FRONT } from '../regions.ts';

export type Within = 'section' | 'tumor' | 'core' | 'front';
export type Placement = 'random' | 'stratified';

export const WITHIN_LABELS: Readonly<Record<Within, string>> = { section: 'anywhere on the section', tumor: 'within the tumour', core: 'within the core', front: 'within the invasive front' };

const CORE_LABEL = /\bcore\b|cent(er|re)|inner|interior|bulk/i;
const FRONT_LABEL = /front|margin|border|edge|periph|boundary|interface|rim/i;

export interface AllowedArea {
  /** The fit rectangle F (centres keeping the whole biopsy on the section's box). */
  readonly fit: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /** Pixels of Ω (row-major indices into the raster) when restricted; absent for Ω = F. */
  readonly pixels?: Uint32Array;
  readonly raster?: { readonly x0: number; readonly y0: number; readonly p: number; readonly width: number };
  /** Area of Ω, µm². */
  readonly area: number;
}

export function allowedArea(section: BiopsySection, t: BiopsyTemplate, within: Within = 'section'): Result<AllowedArea> {
  const { hx, hy } = halfExtents(t);
  const b = section.bounds;
  const fit = { x0: b.x0 + hx, y0: b.y0 + hy, x1: b.x1 - hx, y1: b.y1 - hy };
  if (!(fit.x0 <= fit.x1 && fit.y0 <= fit.y1))
    return fail('invalid-argument', `The biopsy (${Math.round(2 * hx)} × ${Math.round(2 * hy)} µm across) does not fit on the section (${Math.round(b.x1 - b.x0)} × ${Math.round(b.y1 - b.y0)} µm).`);
  if (within === 'section') return ok({ fit, area: (fit.x1 - fit.x0) * (fit.y1 - fit.y0) });

  const reg = section.regions();
  const { raster, mask, signedDistance } = reg.tumour;
  const { x0, y0, pixelUm: p, width, height } = raster;
  const allowed = new Uint8Array(width * height);
  if (within === 'tumor') allowed.set(mask);
  else if (reg.source === 'computed') {
    const want = within === 'core' ? REGION_CORE : REGION_FRONT;
    for (let q = 0; q < allowed.length; q++) allowed[q] = section.computedRegionAt(signedDistance[q]!) === want ? 1 : 0;
  } else {
    const pattern = within === 'core' ? CORE_LABEL : FRONT_LABEL;
    const wanted = Uint8Array.from(reg.names, (l) => (pattern.test(l) && !(within === 'core' && FRONT_LABEL.test(l)) ? 1 : 0));
    if (!wanted.some((v) => v)) return fail('invalid-argument', `The region column has no ${within === 'core' ? 'core' : 'invasive-front'} label (labels: ${reg.names.join(', ') || 'none'}).`);
    const index = section.index;
    const reach = Math.max(50, 2 * p);
    const none = reg.names.length;
    for (let row = 0; row < height; row++) {
      const cy = y0 + (row + 0.5) * p;
      if (cy < fit.y0 - p || cy > fit.y1 + p) continue;
      for (let col = 0; col < width; col++) {
        const cx = x0 + (col + 0.5) * p;
        if (cx < fit.x0 - p || cx > fit.x1 + p) continue;
        const i = index.nearest(cx, cy, reach);
        const g = i >= 0 ? reg.of[i]! : none;
        allowed[row * width + col] = g < none && wanted[g] ? 1 : 0;
      }
    }
  }
  // keep the pixels that meet F
  const list: number[] = [];
  let area = 0;
  for (let row = 0; row < height; row++) {
    const py0 = y0 + row * p;
    const oy = Math.min(py0 + p, fit.y1) - Math.max(py0, fit.y0);
    if (oy < 0) continue;
    for (let col = 0; col < width; col++) {
      const q = row * width + col;
      if (!allowed[q]) continue;
      const px0 = x0 + col * p;
      const ox = Math.min(px0 + p, fit.x1) - Math.max(px0, fit.x0);
      if (ox < 0) continue;
      list.push(q);
      area += ox * oy;
    }
  }
  if (list.length === 0) return fail('invalid-argument', `No biopsy of this size fits ${WITHIN_LABELS[within]} of this section: choose a smaller biopsy or another placement.`);
  return ok({ fit, pixels: Uint32Array.from(list), raster: { x0, y0, p, width }, area });
}

/** a × b = k with a the largest divisor ≤ √k (4 → 2 × 2, 6 → 2 × 3, 7 → 1 × 7). */
export function stratumGrid(k: number): { a: number; b: number } {
  let a = Math.floor(Math.sqrt(k));
  while (a > 1 && k % a !== 0) a--;
  return { a, b: k / a };
}

/** Strata of Ω for k biopsies: rectangles (Ω = F) or pixel lists (restricted Ω). */
export interface Strata {
  readonly k: number;
  /** Ω = F: x0, y0, x1, y1 of each stratum. */
  readonly rects?: Float64Array;
  /** Restricted Ω: stratum s holds pixels order[offsets[s] … offsets[s+1]). */
  readonly order?: Uint32Array;
  readonly offsets?: Uint32Array;
}

export function strata(area: AllowedArea, k: number): Strata {
  const { a, b } = stratumGrid(k);
  const { fit } = area;
  if (!area.pixels) {
    const wide = fit.x1 - fit.x0 >= fit.y1 - fit.y0;
    const nx = wide ? b : a, ny = wide ? a : b;
    const rects = new Float64Array(4 * k);
    const dx = (fit.x1 - fit.x0) / nx, dy = (fit.y1 - fit.y0) / ny;
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const s = 4 * (j * nx + i);
        rects[s] = fit.x0 + i * dx;
        rects[s + 1] = fit.y0 + j * dy;
        rects[s + 2] = i === nx - 1 ? fit.x1 : fit.x0 + (i + 1) * dx;
        rects[s + 3] = j === ny - 1 ? fit.y1 : fit.y0 + (j + 1) * dy;
      }
    return { k, rects };
  }
  const { pixels } = area;
  const W = area.raster!.width;
  let cMin = Infinity, cMax = -Infinity, rMin = Infinity, rMax = -Infinity;
  for (const q of pixels) {
    const c = q % W, r = (q / W) | 0;
    cMin = Math.min(cMin, c), cMax = Math.max(cMax, c), rMin = Math.min(rMin, r), rMax = Math.max(rMax, r);
  }
  const wide = cMax - cMin >= rMax - rMin;
  const nx = wide ? b : a, ny = wide ? a : b;
  // column strips of equal pixel count (pixels sorted by column, then row), then rows within each
  const byCol = Array.from(pixels).sort((p, q) => p % W - (q % W) || p - q);
  const order = new Uint32Array(pixels.length);
  const offsets = new Uint32Array(k + 1);
  let s = 0;
  for (let i = 0; i < nx; i++) {
    const strip = byCol.slice(Math.round((i * byCol.length) / nx), Math.round(((i + 1) * byCol.length) / nx)).sort((p, q) => p - q);
    for (let j = 0; j < ny; j++) {
      const part = strip.slice(Math.round((j * strip.length) / ny), Math.round(((j + 1) * strip.length) / ny));
      order.set(part, offsets[s]!);
      offsets[s + 1] = offsets[s]! + part.length;
      s++;
    }
  }
  return { k, order, offsets };
}

/** A uniform point of a pixel list (redrawn while it falls outside F), into out[0], out[1]. */
function inPixels(area: AllowedArea, list: Uint32Array, from: number, to: number, rng: Rng, out: Float64Array): void {
  const { x0, y0, p, width } = area.raster!;
  const { fit } = area;
  for (let tries = 0; ; tries++) {
    const q = list[from + rng.below(to - from)]!;
    const x = x0 + ((q % width) + rng.uniform()) * p;
    const y = y0 + (((q / width) | 0) + rng.uniform()) * p;
    if ((x >= fit.x0 && x <= fit.x1 && y >= fit.y0 && y <= fit.y1) || tries > 1000) {
      out[0] = Math.min(fit.x1, Math.max(fit.x0, x));
      out[1] = Math.min(fit.y1, Math.max(fit.y0, y));
      return;
    }
  }
}

/** A uniform centre on Ω, into out[0], out[1]. */
export function randomCentre(area: AllowedArea, rng: Rng, out: Float64Array): void {
  if (!area.pixels) {
    const { fit } = area;
    out[0] = fit.x0 + rng.uniform() * (fit.x1 - fit.x0);
    out[1] = fit.y0 + rng.uniform() * (fit.y1 - fit.y0);
    return;
  }
  inPixels(area, area.pixels, 0, area.pixels.length, rng, out);
}

/** A uniform centre in stratum s (an empty stratum — fewer pixels than strata — falls back to Ω). */
export function stratumCentre(area: AllowedArea, st: Strata, s: number, rng: Rng, out: Float64Array): void {
  if (st.rects) {
    const r = st.rects;
    out[0] = r[4 * s]! + rng.uniform() * (r[4 * s + 2]! - r[4 * s]!);
    out[1] = r[4 * s + 1]! + rng.uniform() * (r[4 * s + 3]! - r[4 * s + 1]!);
    return;
  }
  const from = st.offsets![s]!, to = st.offsets![s + 1]!;
  if (to > from) inPixels(area, st.order!, from, to, rng, out);
  else randomCentre(area, rng, out);
}
