// Biopsy shapes on a section, SCIENCE.md §4.1. Coordinates and sizes in µm; angles in degrees from
// the x axis. Shapes are closed sets: a cell exactly on the edge is inside.
//   punch  (disc)       |p − c| ≤ r
//   needle (rectangle)  |(p − c)·(cos θ, sin θ)| ≤ L/2 and |(p − c)·(−sin θ, cos θ)| ≤ W/2
// Axis-aligned half-extents of a needle: h_x = (L/2)|cos θ| + (W/2)|sin θ|, h_y = (L/2)|sin θ| + (W/2)|cos θ|.

import type { SpatialIndex } from '../spatial-index.ts';

/** A biopsy's kind and size, without a position (what a Monte Carlo design repeats). */
export type BiopsyTemplate =
  | { readonly kind: 'punch'; readonly radius: number }
  | { readonly kind: 'needle'; readonly length: number; readonly width: number; readonly angleDeg: number };

export type Punch = { readonly kind: 'punch'; readonly radius: number; readonly cx: number; readonly cy: number };
export type Needle = { readonly kind: 'needle'; readonly length: number; readonly width: number; readonly angleDeg: number; readonly cx: number; readonly cy: number };
/** A placed biopsy: template + centre (cx, cy). */
export type BiopsyShape = Punch | Needle;

export function punchAt(cx: number, cy: number, diameter: number): Punch {
  return { kind: 'punch', radius: diameter / 2, cx, cy };
}

export function needleAt(cx: number, cy: number, length: number, width: number, angleDeg = 0): Needle {
  return { kind: 'needle', length, width, angleDeg, cx, cy };
}

/** The template placed at (cx, cy). */
export function placeBiopsy(t: BiopsyTemplate, cx: number, cy: number): BiopsyShape {
  return t.kind === 'punch' ? { kind: 'punch', radius: t.radius, cx, cy } : { kind: 'needle', length: t.length, width: t.width, angleDeg: t.angleDeg, cx, cy };
}

/** The template of a placed shape (its centre dropped). */
export function templateOf(s: BiopsyShape): BiopsyTemplate {
  return s.kind === 'punch' ? { kind: 'punch', radius: s.radius } : { kind: 'needle', length: s.length, width: s.width, angleDeg: s.angleDeg };
}

/** A problem with a template's numbers, as a sentence; null when it is usable. */
export function templateProblem(t: BiopsyTemplate): string | null {
  const pos = (v: number) => Number.isFinite(v) && v > 0;
  if (t.kind === 'punch') return pos(t.radius) ? null : `the punch radius must be a positive number of µm, not ${t.radius}.`;
  if (!pos(t.length)) return `the needle length must be a positive number of µm, not ${t.length}.`;
  if (!pos(t.width)) return `the needle width must be a positive number of µm, not ${t.width}.`;
  if (!Number.isFinite(t.angleDeg)) return `the needle angle must be a number of degrees, not ${t.angleDeg}.`;
  return null;
}

/** cos and sin of an angle in degrees, exact at multiples of 90° (so edges of axis-parallel needles are exact). */
export function cosSin(angleDeg: number): [cos: number, sin: number] {
  const a = ((angleDeg % 360) + 360) % 360;
  if (a === 0) return [1, 0];
  if (a === 90) return [0, 1];
  if (a === 180) return [-1, 0];
  if (a === 270) return [0, -1];
  const r = (a * Math.PI) / 180;
  return [Math.cos(r), Math.sin(r)];
}

/** Half-extents of the shape's axis-aligned bounding box, µm. */
export function halfExtents(t: BiopsyTemplate): { hx: number; hy: number } {
  if (t.kind === 'punch') return { hx: t.radius, hy: t.radius };
  const [c, s] = cosSin(t.angleDeg);
  const a = t.length / 2, b = t.width / 2;
  return { hx: a * Math.abs(c) + b * Math.abs(s), hy: a * Math.abs(s) + b * Math.abs(c) };
}

/** Area of the shape, µm². */
export function areaOf(t: BiopsyTemplate): number {
  return t.kind === 'punch' ? Math.PI * t.radius * t.radius : t.length * t.width;
}

/**
 * A shape ready for many point tests: for a punch r² (disc), for a needle the unit axes and
 * half-sizes. `contains` is THE inside test; the Monte Carlo counting uses the same arithmetic.
 */
export interface PreparedShape {
  readonly kind: 'punch' | 'needle';
  readonly cx: number;
  readonly cy: number;
  /** punch: r²; needle: unused (0). */
  readonly r2: number;
  /** needle: cos θ, sin θ, half-length, half-width; punch: 1, 0, r, r. */
  readonly cos: number;
  readonly sin: number;
  readonly a: number;
  readonly b: number;
  readonly hx: number;
  readonly hy: number;
}

export function prepareShape(s: BiopsyShape): PreparedShape {
  const { hx, hy } = halfExtents(s);
  if (s.kind === 'punch') return { kind: 'punch', cx: s.cx, cy: s.cy, r2: s.radius * s.radius, cos: 1, sin: 0, a: s.radius, b: s.radius, hx, hy };
  const [cos, sin] = cosSin(s.angleDeg);
  return { kind: 'needle', cx: s.cx, cy: s.cy, r2: 0, cos, sin, a: s.length / 2, b: s.width / 2, hx, hy };
}

/** Closed inside test of one point. */
export function contains(p: PreparedShape, x: number, y: number): boolean {
  const dx = x - p.cx, dy = y - p.cy;
  if (p.kind === 'punch') return dx * dx + dy * dy <= p.r2;
  return Math.abs(dx * p.cos + dy * p.sin) <= p.a && Math.abs(dy * p.cos - dx * p.sin) <= p.b;
}

/**
 * The x interval of the shape on the horizontal line y, written to out[0] (lo), out[1] (hi); empty
 * when lo > hi. Used for whole grid buckets: by convexity a vertical segment lies inside iff both
 * its ends do. No allocation (called per bucket row in the Monte Carlo loop).
 */
export function chordAt(p: PreparedShape, y: number, out: Float64Array): void {
  const dy = y - p.cy;
  if (p.kind === 'punch') {
    const h = p.r2 - dy * dy;
    const w = h < 0 ? -Infinity : Math.sqrt(h);
    out[0] = p.cx - w;
    out[1] = p.cx + w;
    return;
  }
  // |dx·cos + dy·sin| ≤ a and |dx·(−sin) + dy·cos| ≤ b: each an interval in dx, or all, or nothing
  let lo = -Infinity, hi = Infinity;
  for (let e = 0; e < 2; e++) {
    const k = e === 0 ? p.cos : -p.sin;
    const m = e === 0 ? dy * p.sin : dy * p.cos;
    const half = e === 0 ? p.a : p.b;
    if (k === 0) {
      if (Math.abs(m) > half) (lo = Infinity), (hi = -Infinity);
      continue;
    }
    const u = (-half - m) / k, v = (half - m) / k;
    lo = Math.max(lo, Math.min(u, v));
    hi = Math.min(hi, Math.max(u, v));
  }
  out[0] = p.cx + lo;
  out[1] = p.cx + hi;
}

/** x range of the part of the shape with ya ≤ y ≤ yb into out[0], out[1] (empty: lo > hi). */
export function bandRange(p: PreparedShape, ya: number, yb: number, out: Float64Array): void {
  if (p.kind === 'punch') {
    const dyMin = p.cy >= ya && p.cy <= yb ? 0 : Math.min(Math.abs(ya - p.cy), Math.abs(yb - p.cy));
    const h = p.r2 - dyMin * dyMin;
    const w = h < 0 ? -Infinity : Math.sqrt(h);
    out[0] = p.cx - w;
    out[1] = p.cx + w;
    return;
  }
  // a convex polygon's x range within the band: its chords at the band's ends and its corners inside the band
  let lo = Infinity, hi = -Infinity;
  chordAt(p, ya, out);
  if (out[0]! <= out[1]!) (lo = out[0]!), (hi = out[1]!);
  chordAt(p, yb, out);
  if (out[0]! <= out[1]!) (lo = Math.min(lo, out[0]!)), (hi = Math.max(hi, out[1]!));
  for (let v = 0; v < 4; v++) {
    const su = v < 2 ? 1 : -1, sv = v % 2 === 0 ? 1 : -1;
    const vx = p.cx + su * p.a * p.cos - sv * p.b * p.sin;
    const vy = p.cy + su * p.a * p.sin + sv * p.b * p.cos;
    if (vy >= ya && vy <= yb) (lo = Math.min(lo, vx)), (hi = Math.max(hi, vx));
  }
  out[0] = lo;
  out[1] = hi;
}

/** The corners of a needle (or 64 points around a punch), x0, y0, x1, y1, … — for drawing. */
export function outline(s: BiopsyShape, segments = 64): Float64Array {
  if (s.kind === 'punch') {
    const out = new Float64Array(2 * segments);
    for (let k = 0; k < segments; k++) {
      const t = (2 * Math.PI * k) / segments;
      out[2 * k] = s.cx + s.radius * Math.cos(t);
      out[2 * k + 1] = s.cy + s.radius * Math.sin(t);
    }
    return out;
  }
  const [c, sn] = cosSin(s.angleDeg);
  const a = s.length / 2, b = s.width / 2;
  const out = new Float64Array(8);
  [[1, 1], [-1, 1], [-1, -1], [1, -1]].forEach(([u, v], k) => {
    out[2 * k] = s.cx + u! * a * c - v! * b * sn;
    out[2 * k + 1] = s.cy + u! * a * sn + v! * b * c;
  });
  return out;
}

/** Indices of the cells inside the biopsy, ascending: a rectangle query on the index, then the exact test. */
export function cellsInBiopsy(index: SpatialIndex, s: BiopsyShape): Uint32Array {
  const p = prepareShape(s);
  const box = index.inRect(p.cx - p.hx, p.cy - p.hy, p.cx + p.hx, p.cy + p.hy);
  const out = new Uint32Array(box.length);
  let m = 0;
  for (let k = 0; k < box.length; k++) {
    const i = box[k]!;
    if (contains(p, index.x[i]!, index.y[i]!)) out[m++] = i;
  }
  return out.subarray(0, m).sort();
}

/**
 * A tissue-microarray style grid of punches: `rows` × `columns` cores of `diameter`, centres
 * `pitch` apart (default 1.5 × diameter), the grid centred on (cx, cy). Row-major order.
 */
export function tmaGrid(cx: number, cy: number, rows: number, columns: number, diameter: number, pitch = 1.5 * diameter): Punch[] {
  const out: Punch[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) out.push(punchAt(cx + (c - (columns - 1) / 2) * pitch, cy + (r - (rows - 1) / 2) * pitch, diameter));
  return out;
}

export interface BiopsyPreset {
  readonly id: string;
  /** What the user sees; numbers tagged [R] in SCIENCE.md are marked approximate. */
  readonly label: string;
  readonly template: BiopsyTemplate;
}

/** TMA cores 0.6–2.0 mm [V]; needle inner diameters 18 G ≈ 0.8 mm, 14 G ≈ 1.6 mm and throws of 10–20 mm are [R]. */
export const BIOPSY_PRESETS: readonly BiopsyPreset[] = [
  { id: 'tma-0.6', label: 'TMA core, 0.6 mm', template: { kind: 'punch', radius: 300 } },
  { id: 'tma-1.0', label: 'TMA core, 1.0 mm', template: { kind: 'punch', radius: 500 } },
  { id: 'tma-1.5', label: 'TMA core, 1.5 mm', template: { kind: 'punch', radius: 750 } },
  { id: 'tma-2.0', label: 'TMA core, 2.0 mm', template: { kind: 'punch', radius: 1000 } },
  { id: 'needle-18g', label: 'Needle core 18 G (≈ 0.8 mm wide, approx.), 10 mm', template: { kind: 'needle', length: 10_000, width: 800, angleDeg: 0 } },
  { id: 'needle-18g-long', label: 'Needle core 18 G (≈ 0.8 mm wide, approx.), 20 mm', template: { kind: 'needle', length: 20_000, width: 800, angleDeg: 0 } },
  { id: 'needle-14g', label: 'Needle core 14 G (≈ 1.6 mm wide, approx.), 10 mm', template: { kind: 'needle', length: 10_000, width: 1600, angleDeg: 0 } },
  { id: 'needle-14g-long', label: 'Needle core 14 G (≈ 1.6 mm wide, approx.), 20 mm', template: { kind: 'needle', length: 20_000, width: 1600, angleDeg: 0 } },
];
