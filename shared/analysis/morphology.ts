// Binary morphology on row-major rasters (1 = set): dilation and erosion by a disc through the
// exact distance transform, connected components, hole filling. Radii in pixels.

import { squaredDistanceTransform } from './distance-transform.ts';

/** Pixels within `radius` of a set pixel (centre to centre; closed disc). */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  if (radius >= 0 && radius < 3) return dilateSmall(mask, width, height, radius);
  const d2 = squaredDistanceTransform(mask, width, height);
  const r2 = radius * radius;
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = d2[i]! <= r2 ? 1 : 0;
  return out;
}

/**
 * The same as dilate for small radii, row by row: the disc is, for each row offset dy, a run of
 * |dx| ≤ w(dy), and a row's prefix sums tell whether a run holds a set pixel. O(pixels · (2r + 1)).
 */
function dilateSmall(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const r = Math.floor(radius);
  const half = new Int32Array(2 * r + 1); // w(dy): the largest w with w² + dy² ≤ radius²
  for (let dy = -r; dy <= r; dy++) {
    let w = 0;
    while ((w + 1) ** 2 + dy * dy <= radius * radius) w++;
    half[dy + r] = w;
  }
  const stride = width + 1;
  const prefix = new Int32Array(stride * height);
  for (let row = 0; row < height; row++) {
    const base = row * stride;
    for (let col = 0; col < width; col++) prefix[base + col + 1] = prefix[base + col]! + (mask[row * width + col] ? 1 : 0);
  }
  const out = new Uint8Array(mask.length);
  for (let row = 0; row < height; row++) {
    for (let dy = -r; dy <= r; dy++) {
      const src = row + dy;
      if (src < 0 || src >= height) continue;
      const w = half[dy + r]!, base = src * stride, dst = row * width;
      if (prefix[base + width] === 0) continue; // nothing set in that row
      for (let col = 0; col < width; col++) {
        const lo = col - w < 0 ? 0 : col - w, hi = col + w + 1 > width ? width : col + w + 1;
        if (prefix[base + hi]! > prefix[base + lo]!) out[dst + col] = 1;
      }
    }
  }
  return out;
}

/** Pixels farther than `radius` from every unset pixel (the dual of dilate). Outside the raster counts as set. */
export function erode(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const inverse = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) inverse[i] = mask[i] ? 0 : 1;
  const grown = dilate(inverse, width, height, radius);
  for (let i = 0; i < grown.length; i++) grown[i] = grown[i] ? 0 : 1;
  return grown;
}

/** Morphological closing (dilate, then erode) with a disc of `radius` pixels. */
export function close(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return radius > 0 ? erode(dilate(mask, width, height, radius), width, height, radius) : mask.slice();
}

/**
 * Component label of every set pixel (1, 2, …; 0 = unset) with 8- or 4-connectivity, and the
 * pixel count of each label (index 0 unused). Labels follow the first pixel in row-major order.
 */
export function labelComponents(mask: Uint8Array, width: number, height: number, connectivity: 4 | 8 = 8): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(mask.length);
  const sizes = [0];
  const stack = new Int32Array(mask.length);
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const label = sizes.length;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const p = stack[--top]!;
      size++;
      const row = (p / width) | 0;
      const col = p - row * width;
      for (let dr = -1; dr <= 1; dr++) {
        const rr = row + dr;
        if (rr < 0 || rr >= height) continue;
        for (let dc = -1; dc <= 1; dc++) {
          if ((dr === 0 && dc === 0) || (connectivity === 4 && dr !== 0 && dc !== 0)) continue;
          const cc = col + dc;
          if (cc < 0 || cc >= width) continue;
          const q = rr * width + cc;
          if (mask[q] && !labels[q]) {
            labels[q] = label;
            stack[top++] = q;
          }
        }
      }
    }
    sizes.push(size);
  }
  return { labels, sizes };
}

/** The largest 8-connected component (the first one on ties); all zero when the mask is empty. */
export function largestComponent(mask: Uint8Array, width: number, height: number): Uint8Array {
  const { labels, sizes } = labelComponents(mask, width, height, 8);
  let best = 0;
  for (let l = 1; l < sizes.length; l++) if (sizes[l]! > (sizes[best] ?? 0)) best = l;
  const out = new Uint8Array(mask.length);
  if (best === 0) return out;
  for (let i = 0; i < out.length; i++) out[i] = labels[i] === best ? 1 : 0;
  return out;
}

/**
 * Sets every unset pixel not 4-connected to the raster border (holes of an 8-connected set);
 * with `maxHolePixels`, only the holes of at most that many pixels.
 */
export function fillHoles(mask: Uint8Array, width: number, height: number, maxHolePixels = Infinity): Uint8Array {
  const background = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) background[i] = mask[i] ? 0 : 1;
  const { labels, sizes } = labelComponents(background, width, height, 4);
  const outside = new Uint8Array(sizes.length);
  for (let col = 0; col < width; col++) outside[labels[col]!] = outside[labels[(height - 1) * width + col]!] = 1;
  for (let row = 0; row < height; row++) outside[labels[row * width]!] = outside[labels[row * width + width - 1]!] = 1;
  for (let l = 1; l < sizes.length; l++) if (sizes[l]! > maxHolePixels) outside[l] = 1;
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = mask[i] || !outside[labels[i]!] ? 1 : 0;
  return out;
}

/** The mask without its components (8- or 4-connected) of fewer than `minPixels` pixels. */
export function removeSmallComponents(mask: Uint8Array, width: number, height: number, minPixels: number, connectivity: 4 | 8 = 8): Uint8Array {
  const { labels, sizes } = labelComponents(mask, width, height, connectivity);
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = labels[i] && sizes[labels[i]!]! >= minPixels ? 1 : 0;
  return out;
}
