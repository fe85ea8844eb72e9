// Exact Euclidean distance transform of a binary raster (Felzenszwalb & Huttenlocher 2012,
// "Distance transforms of sampled functions", Theory of Computing 8:415–428): the squared
// distance from each pixel centre to the nearest feature pixel centre, in pixels², computed as
// one 1D lower-envelope-of-parabolas pass per column and then per row. O(width·height).

/** "No feature anywhere": the squared distance of a raster without feature pixels. */
export const FAR = 1e20;

/** 1D squared distance transform of f (length n) into d; v, z are scratch of length n, n+1. */
function edt1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = f[q]! + q * q;
    let s = (fq - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    while (s <= z[k]!) {
      k--;
      s = (fq - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const dq = q - v[k]!;
    d[q] = dq * dq + f[v[k]!]!;
  }
}

/**
 * Squared distance (pixels²) from every pixel to the nearest pixel where `feature` is non-zero;
 * FAR (≥ 1e20) where the raster has no feature pixel at all. Row-major, index = row·width + col.
 */
export function squaredDistanceTransform(feature: Uint8Array, width: number, height: number): Float64Array {
  const out = new Float64Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = feature[i] ? 0 : FAR;
  const len = Math.max(width, height);
  const f = new Float64Array(len);
  const d = new Float64Array(len);
  const v = new Int32Array(len);
  const z = new Float64Array(len + 1);
  for (let col = 0; col < width; col++) {
    for (let row = 0; row < height; row++) f[row] = out[row * width + col]!;
    edt1d(f, height, d, v, z);
    for (let row = 0; row < height; row++) out[row * width + col] = Math.min(d[row]!, FAR);
  }
  for (let row = 0; row < height; row++) {
    const base = row * width;
    for (let col = 0; col < width; col++) f[col] = out[base + col]!;
    edt1d(f, width, d, v, z);
    for (let col = 0; col < width; col++) out[base + col] = Math.min(d[col]!, FAR);
  }
  return out;
}
