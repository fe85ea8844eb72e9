// Seeded synthetic section for the rendering benchmark: N cells in a 20 × 15 mm lobed tissue
// outline, with patchy density and clone territories (8 colours: 7 clones + grey stroma).
// Every contender draws exactly these arrays; it derives its own buffers from them (timed).

import { Rng } from '../../shared/sim/rng.ts';

export const SECTION_W = 20_000; // µm
export const SECTION_H = 15_000;
const GRID = 50; // µm per cell of the density / territory grids

/** Okabe–Ito (colour-blind safe) for the clones, then the app's neutral grey for stroma. */
export const PALETTE_HEX = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#9a9a9a'] as const;
export const BACKGROUND_HEX = '#ffffff';

export interface SyntheticSection {
  readonly n: number;
  readonly seed: number;
  /** µm, y pointing down. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Clone code per cell, 0–7. */
  readonly codes: Uint16Array;
  readonly bounds: { readonly x: [number, number]; readonly y: [number, number] };
}

export function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Uniform draws in [0, 1) from the project's seeded generator (shared/sim/rng.ts). */
export function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.uniform();
}

interface Grids {
  readonly gw: number;
  readonly gh: number;
  /** Acceptance probability per grid cell (0 outside the tissue). */
  readonly density: Float32Array;
  readonly label: Uint8Array;
}

function makeGrids(rand: () => number): Grids {
  const gw = SECTION_W / GRID, gh = SECTION_H / GRID;
  const density = new Float32Array(gw * gh), label = new Uint8Array(gw * gh);
  const cx = SECTION_W / 2, cy = SECTION_H / 2;
  const p1 = rand() * 6.28, p2 = rand() * 6.28;
  const bumps = Array.from({ length: 14 }, () => ({ x: rand() * SECTION_W, y: rand() * SECTION_H, s: 800 + rand() * 2500, a: 0.4 + rand() * 0.8 }));
  // clone seeds: a quarter stroma (code 7), the rest clones 0–6 with uneven frequencies
  const seeds = Array.from({ length: 48 }, () => ({ x: rand() * SECTION_W, y: rand() * SECTION_H, c: rand() < 0.25 ? 7 : Math.min(6, Math.floor(7 * rand() ** 1.6)) }));
  for (let j = 0; j < gh; j++)
    for (let i = 0; i < gw; i++) {
      const x = (i + 0.5) * GRID, y = (j + 0.5) * GRID;
      const dx = (x - cx) / (SECTION_W * 0.49), dy = (y - cy) / (SECTION_H * 0.49);
      const th = Math.atan2(dy, dx);
      const edge = 1 + 0.1 * Math.sin(3 * th + p1) + 0.06 * Math.sin(7 * th + p2);
      const k = j * gw + i;
      if (Math.hypot(dx, dy) > edge * 0.92) continue; // outside the tissue
      let d = 0;
      for (const b of bumps) d += b.a * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (2 * b.s * b.s));
      density[k] = 0.25 + 0.75 * Math.min(1, d);
      // territories: nearest seed after a smooth warp, so borders are irregular
      const wx = x + 600 * Math.sin(y / 900 + p1), wy = y + 600 * Math.sin(x / 1100 + p2);
      let best = 0, bestD = Infinity;
      for (let s = 0; s < seeds.length; s++) {
        const e = (wx - seeds[s]!.x) ** 2 + (wy - seeds[s]!.y) ** 2;
        if (e < bestD) (bestD = e), (best = s);
      }
      label[k] = seeds[best]!.c;
    }
  return { gw, gh, density, label };
}

/** N cells, in random order (as unsorted as a worst-case export). */
export function generateSection(n: number, seed: number): SyntheticSection {
  const rand = rng(seed);
  const g = makeGrids(rand);
  const x = new Float32Array(n), y = new Float32Array(n), codes = new Uint16Array(n);
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; ) {
    const px = rand() * SECTION_W, py = rand() * SECTION_H;
    const k = Math.floor(py / GRID) * g.gw + Math.floor(px / GRID);
    if (rand() >= g.density[k]!) continue;
    x[i] = px;
    y[i] = py;
    codes[i] = rand() < 0.04 ? Math.floor(rand() * 8) : g.label[k]!; // a few mixed-in cells
    if (px < x0) x0 = px;
    if (px > x1) x1 = px;
    if (py < y0) y0 = py;
    if (py > y1) y1 = py;
    i++;
  }
  return { n, seed, x, y, codes, bounds: { x: [x0, x1], y: [y0, y1] } };
}
