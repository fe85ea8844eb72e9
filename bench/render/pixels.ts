// Reads back what a contender drew (the readback also waits for the GPU to finish the frame) and
// checks it is not blank: share of non-background pixels and which palette colours appear.
// Samples every 4th pixel each way (nearest, no smoothing): ~3 ms here against ~20 ms for all.

import { BACKGROUND_HEX, PALETTE_HEX, hexToRgb } from './cells.ts';

export interface PixelCheck {
  /** Share of pixels that are not background, 0–1. */
  readonly drawn: number;
  /** Palette colours present (≥ 5 sampled pixels each). */
  readonly colours: number;
  /** Hash of the pixels, to notice a picture that changes later. */
  readonly hash: number;
  /** Time the readback and count took, ms (included in every timing that ends with a check). */
  readonly ms: number;
}

const bg = hexToRgb(BACKGROUND_HEX);
const palette = PALETTE_HEX.map(hexToRgb);
const STEP = 4;
let scratch: CanvasRenderingContext2D | undefined;

/** Call in the same task as the draw: a WebGL drawing buffer may be cleared once presented. */
export function checkPixels(canvas: HTMLCanvasElement): PixelCheck {
  const t0 = performance.now();
  const w = Math.max(1, Math.floor(canvas.width / STEP)), h = Math.max(1, Math.floor(canvas.height / STEP));
  if (!scratch || scratch.canvas.width !== w || scratch.canvas.height !== h) {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    scratch = c.getContext('2d', { willReadFrequently: true })!;
    scratch.imageSmoothingEnabled = false;
  }
  scratch.fillStyle = BACKGROUND_HEX; // transparent pixels show the page background, as on screen
  scratch.fillRect(0, 0, w, h);
  scratch.drawImage(canvas, 0, 0, w * STEP, h * STEP, 0, 0, w, h);
  const px = new Uint32Array(scratch.getImageData(0, 0, w, h).data.buffer);
  const counts = new Uint32Array(palette.length);
  let drawn = 0, hash = 2166136261;
  for (let i = 0; i < px.length; i++) {
    const p = px[i]!;
    const r = p & 255, g = (p >> 8) & 255, b = (p >> 16) & 255;
    if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) <= 24) continue;
    drawn++;
    hash = Math.imul(hash ^ p ^ i, 16777619);
    for (let k = 0; k < palette.length; k++) {
      const c = palette[k]!;
      if (Math.abs(r - c[0]) + Math.abs(g - c[1]) + Math.abs(b - c[2]) <= 36) {
        counts[k]!++;
        break;
      }
    }
  }
  return { drawn: drawn / px.length, colours: counts.filter((c) => c >= 5).length, hash: hash >>> 0, ms: performance.now() - t0 };
}

/** Cells on screen: at least `minDrawn` of the canvas and `minColours` palette colours. */
export function looksDrawn(c: PixelCheck, minDrawn: number, minColours: number): boolean {
  return c.drawn >= minDrawn && c.colours >= minColours;
}

let one: CanvasRenderingContext2D | undefined;

/** Waits until the GPU has finished drawing `canvas` by reading back one pixel (~1 ms here). */
export function syncGpu(canvas: HTMLCanvasElement): void {
  if (!one) {
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    one = c.getContext('2d', { willReadFrequently: true })!;
  }
  one.drawImage(canvas, 0, 0, 1, 1, 0, 0, 1, 1);
  one.getImageData(0, 0, 1, 1);
}
