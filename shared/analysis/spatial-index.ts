// A uniform-grid index over cell positions for hover (nearest cell), rectangle and lasso selection.
// Built in O(n) by counting sort: `order` lists the cells bucket by bucket (buckets row-major),
// `start[b] … start[b+1]` is bucket b's slice of it. About 2 cells per bucket on a rectangular
// section, so memory is ~6 bytes per cell (4 for `order`, ~2 for `start`); x and y are not copied.
// Cells with a non-finite coordinate are never returned.

export interface SpatialIndexOptions {
  /** Target mean cells per bucket over the bounding box [2]. */
  readonly cellsPerBucket?: number;
}

/** Buckets are padded by this fraction of their side, so rounding at their borders cannot matter. */
const EPS = 1e-6;

export class SpatialIndex {
  readonly n: number;
  /** Grid origin (the finite cells' minimum) and bucket side, world units. */
  readonly x0: number;
  readonly y0: number;
  readonly bucket: number;
  readonly columns: number;
  readonly rows: number;
  /** Cell indices grouped by bucket; the non-finite cells are last, after start[columns·rows]. */
  private readonly order: Uint32Array;
  private readonly start: Uint32Array;

  constructor(readonly x: ArrayLike<number>, readonly y: ArrayLike<number>, opts: SpatialIndexOptions = {}) {
    const n = (this.n = x.length);
    let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity, finite = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!, yi = y[i]!;
      if (!(xi - xi === 0 && yi - yi === 0)) continue; // NaN or ±Infinity
      finite++;
      if (xi < xMin) xMin = xi;
      if (xi > xMax) xMax = xi;
      if (yi < yMin) yMin = yi;
      if (yi > yMax) yMax = yi;
    }
    if (finite === 0) xMin = xMax = yMin = yMax = 0;
    const w = xMax - xMin, h = yMax - yMin;
    const target = Math.max(1, finite / (opts.cellsPerBucket ?? 2));
    let side = w > 0 && h > 0 ? Math.sqrt((w * h) / target) : Math.max(w, h) / target;
    if (!(side > 0)) side = 1;
    // never more buckets than ~2× the target (thin sections: one side much longer than the other)
    while ((Math.floor(w / side) + 1) * (Math.floor(h / side) + 1) > 2 * target + 2) side *= 1.25;
    this.x0 = xMin;
    this.y0 = yMin;
    this.bucket = side;
    this.columns = Math.floor(w / side) + 1;
    this.rows = Math.floor(h / side) + 1;
    const buckets = this.columns * this.rows;

    // bucket of each cell (buckets = the non-finite ones), counted, then placed
    const of = new Uint32Array(n);
    const start = new Uint32Array(buckets + 2);
    const inv = 1 / side, cols = this.columns, cMax = cols - 1, rMax = this.rows - 1;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!, yi = y[i]!;
      let b = buckets;
      if (xi - xi === 0 && yi - yi === 0) {
        let c = ((xi - xMin) * inv) | 0, r = ((yi - yMin) * inv) | 0;
        if (c > cMax) c = cMax;
        if (r > rMax) r = rMax;
        b = r * cols + c;
      }
      of[i] = b;
      start[b + 1]!++;
    }
    for (let b = 0; b <= buckets; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, buckets + 1);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[fill[of[i]!]!++] = i;
    this.order = order;
    this.start = start;
  }

  /** Bucket column / row of a world coordinate, clamped to the grid. */
  private col(x: number): number {
    const c = Math.floor((x - this.x0) / this.bucket);
    return c < 0 ? 0 : c >= this.columns ? this.columns - 1 : c;
  }
  private row(y: number): number {
    const r = Math.floor((y - this.y0) / this.bucket);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  /**
   * The cell nearest (x, y) within `maxDistance` (inclusive) among those `accept`ed, or −1.
   * Ties go to the lower index. Searches square rings of buckets outwards and stops once no closer
   * cell can exist, so it costs a few buckets unless `accept` rejects most cells nearby.
   */
  nearest(x: number, y: number, maxDistance = Infinity, accept?: (i: number) => boolean): number {
    if (this.n === 0 || !(maxDistance >= 0) || x !== x || y !== y) return -1;
    const { order, start, columns, rows, bucket } = this;
    const X = this.x, Y = this.y;
    // distance from the query to the grid rectangle: nothing can be nearer
    const gx = Math.max(0, this.x0 - x, x - (this.x0 + columns * bucket));
    const gy = Math.max(0, this.y0 - y, y - (this.y0 + rows * bucket));
    if (gx * gx + gy * gy > maxDistance * maxDistance) return -1;
    const qc = this.col(x), qr = this.row(y);
    const maxRing = Math.max(qc, columns - 1 - qc, qr, rows - 1 - qr);
    let best = -1;
    let bestD2 = maxDistance * maxDistance;
    for (let ring = 0; ring <= maxRing; ring++) {
      // every bucket of this ring is at least (ring − 1)·bucket from the query
      const reach = (ring - 1) * bucket;
      if (ring > 1 && reach * reach > bestD2) break;
      const visit = (b: number): void => {
        for (let k = start[b]!, end = start[b + 1]!; k < end; k++) {
          const i = order[k]!;
          const dx = X[i]! - x, dy = Y[i]! - y;
          const d2 = dx * dx + dy * dy;
          if (d2 > bestD2 || (d2 === bestD2 && best >= 0 && i > best)) continue;
          if (accept && !accept(i)) continue;
          best = i;
          bestD2 = d2;
        }
      };
      const r0 = qr - ring, r1 = qr + ring, c0 = qc - ring, c1 = qc + ring;
      for (let r = Math.max(0, r0); r <= Math.min(rows - 1, r1); r++) {
        if (r === r0 || r === r1) {
          for (let c = Math.max(0, c0); c <= Math.min(columns - 1, c1); c++) visit(r * columns + c);
        } else {
          if (c0 >= 0) visit(r * columns + c0);
          if (c1 < columns) visit(r * columns + c1);
        }
      }
    }
    return best;
  }

  /** The buckets (columns c0…c1, rows r0…r1) covering [xa, xb] × [ya, yb], and how many cells they hold. */
  private span(xa: number, xb: number, ya: number, yb: number): { c0: number; c1: number; r0: number; r1: number; bound: number } {
    const c0 = this.col(xa), c1 = this.col(xb), r0 = this.row(ya), r1 = this.row(yb);
    let bound = 0;
    for (let r = r0; r <= r1; r++) bound += this.start[r * this.columns + c1 + 1]! - this.start[r * this.columns + c0]!;
    return { c0, c1, r0, r1, bound };
  }

  /** Cells with x0 ≤ x ≤ x1 and y0 ≤ y ≤ y1 (corners in any order), in bucket order (not sorted). */
  inRect(x0: number, y0: number, x1: number, y1: number): Uint32Array {
    const xa = Math.min(x0, x1), xb = Math.max(x0, x1), ya = Math.min(y0, y1), yb = Math.max(y0, y1);
    if (this.n === 0 || !(xb >= this.x0 && yb >= this.y0) || xa !== xa || ya !== ya) return new Uint32Array(0);
    const { order, start, columns, bucket } = this;
    const X = this.x, Y = this.y;
    const { c0, c1, r0, r1, bound } = this.span(xa, xb, ya, yb);
    const out = new Uint32Array(bound);
    let m = 0;
    const eps = bucket * EPS;
    for (let r = r0; r <= r1; r++) {
      const by0 = this.y0 + r * bucket;
      const rowInside = by0 - eps >= ya && by0 + bucket + eps <= yb;
      for (let c = c0; c <= c1; c++) {
        const bx0 = this.x0 + c * bucket;
        const b = r * columns + c;
        const s = start[b]!, e = start[b + 1]!;
        if (rowInside && bx0 - eps >= xa && bx0 + bucket + eps <= xb) {
          out.set(order.subarray(s, e), m); // bucket wholly inside: no test
          m += e - s;
          continue;
        }
        for (let k = s; k < e; k++) {
          const i = order[k]!;
          const xi = X[i]!, yi = Y[i]!;
          if (xi >= xa && xi <= xb && yi >= ya && yi <= yb) out[m++] = i;
        }
      }
    }
    return m === bound ? out : out.slice(0, m);
  }

  /**
   * Cells inside a polygon (a lasso) by the even–odd rule; `ring` is x0, y0, x1, y1, … (closing
   * vertex optional). Only buckets overlapping the ring's bounds are visited; a bucket that no edge
   * crosses is all in or all out (one test at its centre), the others test each cell against the
   * edges spanning the bucket's row only. In bucket order (not sorted).
   */
  inPolygon(ring: Float64Array): Uint32Array {
    const nv = ring.length >> 1;
    if (nv < 3 || this.n === 0) return new Uint32Array(0);
    let xa = Infinity, xb = -Infinity, ya = Infinity, yb = -Infinity;
    for (let v = 0; v < nv; v++) {
      const px = ring[2 * v]!, py = ring[2 * v + 1]!;
      if (px < xa) xa = px;
      if (px > xb) xb = px;
      if (py < ya) ya = py;
      if (py > yb) yb = py;
    }
    if (!(xb - xa === xb - xa && yb - ya === yb - ya)) return new Uint32Array(0); // NaN / ∞ vertices
    const { order, start, columns, bucket } = this;
    const X = this.x, Y = this.y;
    const { c0, c1, r0, r1, bound } = this.span(xa, xb, ya, yb);
    const out = new Uint32Array(bound);
    let m = 0;
    const eps = bucket * EPS;
    const band = new Int32Array(nv); // edges (by first vertex) spanning the current row
    const spanLo = new Float64Array(nv), spanHi = new Float64Array(nv); // their x extent within the row
    for (let r = r0; r <= r1; r++) {
      const lo = this.y0 + r * bucket - eps, hi = this.y0 + (r + 1) * bucket + eps;
      let ne = 0;
      for (let v = 0; v < nv; v++) {
        const w = v + 1 === nv ? 0 : v + 1;
        const ax = ring[2 * v]!, ay = ring[2 * v + 1]!, bx = ring[2 * w]!, by = ring[2 * w + 1]!;
        if (Math.max(ay, by) < lo || Math.min(ay, by) > hi) continue;
        // x range of the edge clipped to the row's band
        let s0 = 0, s1 = 1;
        if (ay !== by) {
          const ta = (lo - ay) / (by - ay), tb = (hi - ay) / (by - ay);
          s0 = Math.max(0, Math.min(ta, tb));
          s1 = Math.min(1, Math.max(ta, tb));
        }
        const xs0 = ax + s0 * (bx - ax), xs1 = ax + s1 * (bx - ax);
        band[ne] = v;
        spanLo[ne] = Math.min(xs0, xs1) - eps;
        spanHi[ne] = Math.max(xs0, xs1) + eps;
        ne++;
      }
      const inside = (px: number, py: number): boolean => {
        let odd = false;
        for (let k = 0; k < ne; k++) {
          const v = band[k]!, w = v + 1 === nv ? 0 : v + 1;
          const ay = ring[2 * v + 1]!, by = ring[2 * w + 1]!;
          if (ay > py !== by > py) {
            const ax = ring[2 * v]!, bx = ring[2 * w]!;
            if (px < ((bx - ax) * (py - ay)) / (by - ay) + ax) odd = !odd;
          }
        }
        return odd;
      };
      for (let c = c0; c <= c1; c++) {
        const b = r * columns + c;
        const s = start[b]!, e = start[b + 1]!;
        if (s === e) continue;
        const bx0 = this.x0 + c * bucket - eps, bx1 = this.x0 + (c + 1) * bucket + eps;
        let crossed = false;
        for (let k = 0; k < ne && !crossed; k++) if (spanHi[k]! >= bx0 && spanLo[k]! <= bx1) crossed = true;
        if (!crossed) {
          if (inside(this.x0 + (c + 0.5) * bucket, this.y0 + (r + 0.5) * bucket)) {
            out.set(order.subarray(s, e), m);
            m += e - s;
          }
          continue;
        }
        for (let k = s; k < e; k++) {
          const i = order[k]!;
          if (inside(X[i]!, Y[i]!)) out[m++] = i;
        }
      }
    }
    return m === bound ? out : out.slice(0, m);
  }
}
