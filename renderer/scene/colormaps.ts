// Perceptual colormaps for numeric columns, value → [0, 1] scales (linear or log10) and robust
// default limits. The tables are matplotlib's published colormap data (lib/matplotlib/_cm_listed.py,
// matplotlib 3.11: viridis, magma, inferno, plasma by van der Walt & Smith; cividis by Nuñez et al.
// 2018, PLoS ONE 13:e0199239, made for colour-vision deficiency) sampled at 65 even stops
// (t = k/64) and linearly interpolated to 256 entries: at most 1/255 off the original 256-entry
// tables (cividis, with a kink near 0: 2/255).

export type ColormapName = 'viridis' | 'magma' | 'inferno' | 'plasma' | 'cividis';
export const COLORMAPS: readonly ColormapName[] = ['viridis', 'magma', 'inferno', 'plasma', 'cividis'];

/** 65 stops per map, RRGGBB each. */
const STOPS: Readonly<Record<ColormapName, string>> = {
  viridis:
    '44015446065a470d6047136548186a481d6f482374482878472d7b46327e453681443b844240864045873f49893d4e8a' +
    '3b528b39568c375a8d355e8d33638d31668e2f6a8e2e6e8e2c728e2b768e297a8e287d8e26818e25858e23898e228c8d' +
    '21908c20948c1f988b1e9b8a1f9f8820a38721a68524aa8328ae802cb17e31b57b37b8773ebc7445bf704cc26c54c667' +
    '5dc96365cc5d6ece5878d15282d34c8cd64696d83fa0da39abdc32b5de2bc0df24cbe11fd5e21ae0e318eae51af4e61e' +
    'fde725',
  magma:
    '00000402010903031106051a0a08220e0b2b130d33180f3d1d114622115028115a2f116336106a3d0f71430f764a1079' +
    '50127c57147e5d177f631980691c816f1e817621817c23828226818928818f2a81952c809c2e7fa2307ea9327daf347b' +
    'b63779bc3977c33b75c93e72cf4170d6446ddb486ae14c66e65163ea5661ee5c5ef2635df5695cf7715cf9785dfa805e' +
    'fb8761fc8f64fd9668fe9e6cfea571fead76feb47bfebb81fec387feca8dfed194fed99bfde0a2fde7a9fceeb0fcf6b8' +
    'fcfdbf',
  inferno:
    '00000402010a04031207051b0b072410092d150b371a0c40210c4a270b532e0a5a3609603c0965430a684a0c6b500e6c' +
    '57106d5d126e63146e6a176e70196e761b6d7d1e6d83206b89226a9024689627669c2964a32b61a92e5faf315cb53458' +
    'bb3755c13a51c63e4dcc4149d14644d64a40db4f3bdf5437e35932e75f2deb6528ee6b23f1711ef47819f67f14f8860f' +
    'f98d0afa9407fb9c06fca309fcab0ffcb217fbba1ffac228f9ca32f7d23df5d949f3e156f2e865f1ef75f3f586f6fa96' +
    'fcffa4',
  plasma:
    '0d088719068b2206902a05933105963804993f049c46039f4c02a15302a35901a55f01a66600a76c00a87201a87801a8' +
    '7e03a88405a78909a68f0da49511a29a169f9f1a9ca41e99a92396ae2792b22c8eb7308bbb3587bf3983c33e80c7427c' +
    'cb4778cf4b75d25071d6546dd9596adc5e67e06263e36760e66c5ce87059eb7555ee7a52f07f4ff2844bf48a48f68f44' +
    'f89441f99a3dfb9f3afca537fdab33fdb130feb72dfebd2afdc328fdca26fcd025fbd724f9dd25f7e426f5eb27f2f227' +
    'f0f921',
  cividis:
    '00224e00255400285b002b62002e6a0030700433711135701a386f213b6e273e6e2d416d32436d36466c3b496c3f4c6c' +
    '434e6c47516c4b546c4f576c52596d565c6d5a5f6e5d626e61656f646770686a716b6d726f7073727374757676797877' +
    '7c7b78807e788481798784788b87788f8a78938d789790779b93769f9676a39a75a79d74aba072afa371b3a670b7aa6e' +
    'bbad6cbfb06bc3b469c8b766ccba64d0be61d4c15fd9c55cddc958e1cc55e6d051ead44cefd748f4db42f8df3cfde334' +
    'fee838',
};

const tables = new Map<ColormapName, Uint8Array>();

/** 256 RGB entries (768 bytes) of a colormap; entry k is the colour of t = k / 255. Cached: do not modify. */
export function colormapTable(name: ColormapName): Uint8Array {
  let table = tables.get(name);
  if (table) return table;
  const hex = STOPS[name];
  const last = hex.length / 6 - 1;
  const stop = (k: number, ch: number) => parseInt(hex.slice(6 * k + 2 * ch, 6 * k + 2 * ch + 2), 16);
  table = new Uint8Array(256 * 3);
  for (let j = 0; j < 256; j++) {
    const s = (j / 255) * last;
    const k = Math.min(last - 1, Math.floor(s));
    const f = s - k;
    for (let ch = 0; ch < 3; ch++) table[3 * j + ch] = Math.round(stop(k, ch) * (1 - f) + stop(k + 1, ch) * f);
  }
  tables.set(name, table);
  return table;
}

/** Colour of t ∈ [0, 1] (clamped; NaN gives t = 0) as [r, g, b] 0–255. */
export function colormapColour(name: ColormapName, t: number): [number, number, number] {
  const table = colormapTable(name);
  const j = t > 0 ? (t >= 1 ? 255 : Math.round(t * 255)) : 0;
  return [table[3 * j]!, table[3 * j + 1]!, table[3 * j + 2]!];
}

/** CSS colour of t, for colour bars and SVG export. */
export function colormapCss(name: ColormapName, t: number): string {
  return `rgb(${colormapColour(name, t).join(',')})`;
}

/** The 256 colours packed as RGBA little-endian with alpha 255 (as render/cell-raster's packRgba). */
export function colormapLut(name: ColormapName): Uint32Array {
  const table = colormapTable(name);
  return Uint32Array.from({ length: 256 }, (_, j) => ((255 << 24) | (table[3 * j + 2]! << 16) | (table[3 * j + 1]! << 8) | table[3 * j]!) >>> 0);
}

/**
 * Value → [0, 1], clamped at the limits; NaN for a missing value: NaN, ±Infinity, and on a log
 * scale every value ≤ 0 (log10 is undefined there — such cells are drawn as missing, not as the
 * minimum). Carries its (adjusted) limits.
 */
export type NumericScale = ((v: number) => number) & { readonly min: number; readonly max: number; readonly log: boolean };

/**
 * A scale between `min` and `max` (data units; swapped when reversed). On a log scale a `min` ≤ 0
 * is raised to max / 1000 (three decades). When min = max every finite value in range maps to 0.5.
 */
export function numericScale(limits: { readonly min: number; readonly max: number; readonly log?: boolean }): NumericScale {
  const log = limits.log ?? false;
  let { min, max } = limits;
  if (min > max) [min, max] = [max, min];
  if (log) {
    if (!(max > 0)) max = 1;
    if (!(min > 0)) min = max / 1000;
  }
  const lo = log ? Math.log10(min) : min;
  const span = (log ? Math.log10(max) : max) - lo;
  const flat = (v: number) => (v < min ? 0 : v > max ? 1 : 0.5);
  const t = log
    ? (v: number) => (!(v > 0) || v === Infinity ? NaN : span > 0 ? clamp01((Math.log10(v) - lo) / span) : flat(v))
    : (v: number) => (!(v - v === 0) ? NaN : span > 0 ? clamp01((v - lo) / span) : flat(v));
  return Object.assign(t, { min, max, log });
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * Robust default limits: the `quantiles` [2nd, 98th percentile] of the finite values (of the
 * positive ones for a log scale), from a sample of at most 100,000 taken at a fixed stride. When
 * they coincide, the sample's range; with no usable value, [0, 1] (linear) or [1, 10] (log).
 */
export function robustLimits(values: Float32Array, log = false, quantiles: readonly [number, number] = [0.02, 0.98]): [number, number] {
  const step = Math.max(1, Math.floor(values.length / 100_000));
  const sample = new Float32Array(Math.ceil(values.length / step));
  let m = 0;
  for (let i = 0; i < values.length; i += step) {
    const v = values[i]!;
    if (v - v === 0 && (!log || v > 0)) sample[m++] = v;
  }
  if (m === 0) return log ? [1, 10] : [0, 1];
  const sorted = sample.subarray(0, m).sort();
  const q = (p: number) => sorted[Math.min(m - 1, Math.max(0, Math.floor(p * (m - 1))))]!;
  const lo = q(quantiles[0]), hi = q(quantiles[1]);
  return lo < hi ? [lo, hi] : [sorted[0]!, sorted[m - 1]!];
}

/** Colour-bar ticks within [min, max]: round 1-2-5 steps, or powers of ten (and 2×, 5×) on a log scale. */
export function scaleTicks(scale: NumericScale, target = 5): number[] {
  const { min, max } = scale;
  if (!(max > min)) return [min];
  if (scale.log) {
    const ticks: number[] = [];
    for (const mults of [[1], [1, 2, 5], [1, 1.5, 2, 3, 5, 7]]) {
      ticks.length = 0;
      for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
        for (const f of mults) {
          const v = Number((f * 10 ** e).toPrecision(12));
          if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) ticks.push(v);
        }
      }
      if (ticks.length >= 2) break;
    }
    return ticks;
  }
  const raw = (max - min) / Math.max(1, target - 1);
  const e = Math.floor(Math.log10(raw));
  const f = raw / 10 ** e;
  const step = (f <= 1.5 ? 1 : f <= 3 ? 2 : f <= 7 ? 5 : 10) * 10 ** e;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}
