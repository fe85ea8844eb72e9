// Bounding boxes of rings stored flat (x0, y0, x1, y1, …), in the rings' own units.

export interface Box2 {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The bounding box of every vertex of `rings` (Infinity / −Infinity when there are none). */
export function ringBounds(...rings: readonly ArrayLike<number>[]): Box2 {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const r of rings)
    for (let k = 0; k + 1 < r.length; k += 2) {
      const x = r[k]!, y = r[k + 1]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  return { x0, x1, y0, y1 };
}
