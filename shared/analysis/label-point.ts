// Where to write a region's name: the point inside the polygon (holes excluded) farthest from its
// edges — a grid search refined around the best cell (an approximate "pole of inaccessibility").
// For a ring-shaped region (an invasive-front band around a core) this lands in the band itself.

import { ringBounds } from './ring-bounds.ts';

/** Even-odd test over all rings (world coordinates x0, y0, x1, y1, …). */
export function insidePolygon(rings: readonly Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const r of rings) {
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = r[2 * i]!, yi = r[2 * i + 1]!, xj = r[2 * j]!, yj = r[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Distance from (x, y) to the nearest edge of any ring. */
export function distanceToEdges(rings: readonly Float64Array[], x: number, y: number): number {
  let best = Infinity;
  for (const r of rings) {
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ax = r[2 * j]!, ay = r[2 * j + 1]!, bx = r[2 * i]!, by = r[2 * i + 1]!;
      const dx = bx - ax, dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      const ex = ax + t * dx - x, ey = ay + t * dy - y;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return Math.sqrt(best);
}

/** The label point of a polygon (outer ring first, then holes); null for an empty polygon. */
export function labelPoint(rings: readonly Float64Array[], steps = 24): [number, number] | null {
  const outer = rings[0];
  if (!outer || outer.length < 6) return null;
  const { x0, x1, y0, y1 } = ringBounds(outer);
  let best: [number, number] | null = null, bestD = -1;
  let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, w = x1 - x0, h = y1 - y0;
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i <= steps; i++)
      for (let j = 0; j <= steps; j++) {
        const x = cx - w / 2 + (w * i) / steps, y = cy - h / 2 + (h * j) / steps;
        if (!insidePolygon(rings, x, y)) continue;
        const d = distanceToEdges(rings, x, y);
        if (d > bestD) [best, bestD] = [[x, y], d];
      }
    if (!best) return null;
    [cx, cy] = best;
    w = (w / steps) * 2;
    h = (h / steps) * 2;
  }
  return best;
}
