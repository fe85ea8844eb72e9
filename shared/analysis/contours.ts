// Region outlines from a raster field by marching squares, as GeoJSON-style polygons in µm.
// Rings are closed (first point = last), exteriors have positive shoelace area (counter-clockwise
// with y up), holes negative. Values are sampled at pixel centres; outside the raster counts as −∞.

import type { Raster } from './regions.ts';

export type Position = [x: number, y: number];
/** Exterior ring first, then holes. */
export type PolygonCoordinates = Position[][];

// Cell corners a (top-left) = 8, b (top-right) = 4, c (bottom-right) = 2, d (bottom-left) = 1;
// edges T, R, B, L = 0, 1, 2, 3. Each segment cuts one corner off the cell.
const T = 0;
const R = 1;
const B = 2;
const L = 3;
const MID: readonly Position[] = [[0.5, 0], [1, 0.5], [0.5, 1], [0, 0.5]];
const CORNER: Readonly<Record<number, Position>> = { 8: [0, 0], 4: [1, 0], 2: [1, 1], 1: [0, 1] };
const UNORDERED: Readonly<Record<number, readonly (readonly [number, number, number])[]>> = {
  1: [[L, B, 1]], 2: [[B, R, 2]], 3: [[L, R, 1]], 4: [[T, R, 4]], 6: [[T, B, 4]], 7: [[T, L, 8]],
  8: [[T, L, 8]], 9: [[T, B, 4]], 11: [[T, R, 4]], 12: [[L, R, 1]], 13: [[B, R, 2]], 14: [[L, B, 1]],
  5: [[T, R, 4], [L, B, 1]], 21: [[T, L, 8], [B, R, 2]], // b, d inside: centre outside / inside
  10: [[T, L, 8], [B, R, 2]], 26: [[T, R, 4], [L, B, 1]], // a, c inside: centre outside / inside
};
/** Directed segments [from edge, to edge, …] with the inside on the left, per case (+16 = saddle with centre inside). */
const SEGMENTS: number[][] = Array.from({ length: 32 }, (_, key) =>
  (UNORDERED[key] ?? []).flatMap(([e1, e2, corner]) => {
    const [p, q, c] = [MID[e1]!, MID[e2]!, CORNER[corner]!];
    const left = (q[0] - p[0]) * (c[1] - p[1]) - (q[1] - p[1]) * (c[0] - p[0]) > 0;
    const inside = ((key & 15) & corner) !== 0;
    return inside === left ? [e1, e2] : [e2, e1];
  }),
);

/** Closed rings of {field ≥ level}, inside on the left, in µm. */
export function levelRings(raster: Raster, field: ArrayLike<number>, level: number): Position[][] {
  const W = raster.width + 2; // padded by one pixel of −∞ on every side
  const H = raster.height + 2;
  const value = (i: number, j: number) => (i <= 0 || j <= 0 || i >= W - 1 || j >= H - 1 ? -Infinity : field[(j - 1) * raster.width + (i - 1)]!);
  const next = new Int32Array(2 * W * H).fill(-1);
  const edgeId = (i: number, j: number, e: number) =>
    e === T ? 2 * (j * W + i) : e === B ? 2 * ((j + 1) * W + i) : e === L ? 2 * (j * W + i) + 1 : 2 * (j * W + i + 1) + 1;
  for (let j = 0; j < H - 1; j++) {
    for (let i = 0; i < W - 1; i++) {
      const va = value(i, j);
      const vb = value(i + 1, j);
      const vc = value(i + 1, j + 1);
      const vd = value(i, j + 1);
      let key = (va >= level ? 8 : 0) | (vb >= level ? 4 : 0) | (vc >= level ? 2 : 0) | (vd >= level ? 1 : 0);
      if (key === 0 || key === 15) continue;
      if ((key === 5 || key === 10) && (va + vb + vc + vd) / 4 >= level) key += 16;
      const seg = SEGMENTS[key]!;
      for (let s = 0; s < seg.length; s += 2) next[edgeId(i, j, seg[s]!)] = edgeId(i, j, seg[s + 1]!);
    }
  }
  const p = raster.pixelUm;
  const point = (e: number): Position => {
    const cell = e >> 1;
    const j = Math.floor(cell / W);
    const i = cell - j * W;
    const [i1, j1] = e & 1 ? [i, j + 1] : [i + 1, j];
    const v0 = value(i, j);
    const v1 = value(i1, j1);
    const t = v0 === -Infinity ? 1 : v1 === -Infinity ? 0 : (level - v0) / (v1 - v0);
    const fi = i + t * (i1 - i);
    const fj = j + t * (j1 - j);
    return [raster.x0 + (fi - 0.5) * p, raster.y0 + (fj - 0.5) * p];
  };
  const rings: Position[][] = [];
  for (let start = 0; start < next.length; start++) {
    if (next[start]! < 0) continue;
    const ring: Position[] = [];
    let e = start;
    while (next[e]! >= 0) {
      ring.push(point(e));
      const to = next[e]!;
      next[e] = -1;
      e = to;
    }
    ring.push(ring[0]!);
    rings.push(ring);
  }
  return rings;
}

/** Twice the signed area of a closed ring (shoelace). */
export function ringArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) s += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
  return s;
}

/** Even–odd point-in-ring test. */
export function insideRing(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) {
    const [xk, yk] = ring[k]!;
    const [xm, ym] = ring[m]!;
    if (yk > y !== ym > y && x < ((xm - xk) * (y - yk)) / (ym - yk) + xk) inside = !inside;
  }
  return inside;
}

/** Ramer–Douglas–Peucker on a closed ring; keeps at least 4 points (a triangle). */
export function simplifyRing(ring: readonly Position[], tolerance: number): Position[] {
  if (tolerance <= 0 || ring.length <= 5) return ring.slice();
  const open = ring.slice(0, -1);
  let far = 0;
  let best = -1;
  for (let k = 1; k < open.length; k++) {
    const d = (open[k]![0] - open[0]![0]) ** 2 + (open[k]![1] - open[0]![1]) ** 2;
    if (d > best) [best, far] = [d, k];
  }
  const keep = new Uint8Array(open.length + 1);
  keep[0] = keep[far] = keep[open.length] = 1;
  const pts = [...open, open[0]!];
  const stack: [number, number][] = [[0, far], [far, open.length]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    const [x1, y1] = pts[s]!;
    const [x2, y2] = pts[e]!;
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    let dMax = -1;
    let kMax = -1;
    for (let k = s + 1; k < e; k++) {
      const d = Math.abs((x2 - x1) * (y1 - pts[k]![1]) - (x1 - pts[k]![0]) * (y2 - y1)) / len;
      if (d > dMax) [dMax, kMax] = [d, k];
    }
    if (dMax > tolerance) {
      keep[kMax] = 1;
      stack.push([s, kMax], [kMax, e]);
    }
  }
  const out = pts.filter((_, k) => keep[k]);
  return out.length >= 4 ? out : ring.slice();
}

/**
 * Polygons of the band {lo ≤ field} minus {field > hi} (hi = Infinity: no upper bound; lo = −Infinity:
 * from the raster's edge). Exterior rings get the holes they contain. Coordinates rounded to 0.01 µm.
 */
export function bandPolygons(raster: Raster, field: ArrayLike<number>, lo: number, hi: number, tolerance = raster.pixelUm / 4): PolygonCoordinates[] {
  const rings: Position[][] = [];
  if (lo === -Infinity) {
    const p = raster.pixelUm;
    const [x0, y0, x1, y1] = [raster.x0 + p / 2, raster.y0 + p / 2, raster.x0 + (raster.width - 0.5) * p, raster.y0 + (raster.height - 0.5) * p];
    const frame: Position[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    rings.push(ringArea2(frame) > 0 ? frame : frame.reverse());
  } else rings.push(...levelRings(raster, field, lo));
  if (hi !== Infinity) for (const r of levelRings(raster, field, hi)) rings.push(r.reverse());
  const simplified = rings.map((r) => simplifyRing(r, tolerance).map(([x, y]) => [round2(x), round2(y)] as Position)).filter((r) => r.length >= 4 && ringArea2(r) !== 0);
  const outers = simplified.filter((r) => ringArea2(r) > 0).sort((a, b) => ringArea2(b) - ringArea2(a));
  const polygons: PolygonCoordinates[] = outers.map((o) => [o]);
  for (const hole of simplified.filter((r) => ringArea2(r) < 0)) {
    // the smallest exterior that contains the hole (outers are sorted largest first)
    let owner = -1;
    for (let k = 0; k < outers.length; k++) if (insideRing(outers[k]!, hole[0]![0], hole[0]![1])) owner = k;
    if (owner >= 0) polygons[owner]!.push(hole);
  }
  return polygons;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
