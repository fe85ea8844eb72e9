// Seeded 2D value noise (smoothstep-interpolated random values on a square lattice), for tissue
// structure such as the stromal septa between tumour nests. Stateless: a value depends only on
// (seed, x, y), never on the order of calls.

import { hashUnit } from './rng.ts';

/** Value noise in [−1, 1] with features about `scale` µm apart. */
export function valueNoise(seed: number, x: number, y: number, scale: number): number {
  const gx = x / scale;
  const gy = y / scale;
  const i = Math.floor(gx);
  const j = Math.floor(gy);
  const fx = gx - i;
  const fy = gy - j;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const v = (a: number, b: number) => 2 * hashUnit(seed, a, b) - 1;
  const top = v(i, j) + sx * (v(i + 1, j) - v(i, j));
  const bottom = v(i, j + 1) + sx * (v(i + 1, j + 1) - v(i, j + 1));
  return top + sy * (bottom - top);
}

/**
 * Ridge field for a network of thin strands: |n₁ + ½·n₂| with n₂ at half the scale. Small values
 * trace the zero lines of the noise, which form closed cells about `scale` µm across.
 */
export function ridge(seed: number, x: number, y: number, scale: number): number {
  return Math.abs(valueNoise(seed, x, y, scale) + 0.5 * valueNoise(seed ^ 0x2545f491, x, y, scale / 2));
}
