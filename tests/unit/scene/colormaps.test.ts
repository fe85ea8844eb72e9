import { describe, expect, it } from 'vitest';
import { colormapColour, colormapCss, colormapLut, colormapTable, COLORMAPS, numericScale, robustLimits, scaleTicks, type ColormapName } from '../../../renderer/scene/colormaps.ts';

// matplotlib's published data (lib/matplotlib/_cm_listed.py) × 255 at entries 0, 64, 128, 192, 255
const MATPLOTLIB: Record<ColormapName, Record<number, [number, number, number]>> = {
  viridis: { 0: [68.1, 1.2, 84.0], 64: [58.6, 82.2, 139.2], 128: [32.5, 144.6, 140.4], 192: [94.1, 201.2, 97.6], 255: [253.3, 231.1, 36.7] },
  magma: { 0: [0.4, 0.1, 3.5], 64: [80.7, 18.3, 123.8], 128: [182.7, 54.8, 121.2], 192: [251.6, 136.6, 97.5], 255: [251.7, 252.8, 191.1] },
  inferno: { 0: [0.4, 0.1, 3.5], 64: [87.1, 15.9, 109.5], 128: [187.6, 55.1, 84.2], 192: [249.5, 142.3, 8.9], 255: [252.0, 254.6, 164.5] },
  plasma: { 0: [12.8, 7.6, 134.6], 64: [126.2, 3.1, 167.8], 128: [203.5, 71.5, 119.7], 192: [248.2, 149.4, 64.1], 255: [239.7, 248.7, 33.5] },
  cividis: { 0: [0.0, 34.5, 77.7], 64: [67.3, 78.5, 107.8], 128: [124.6, 123.8, 120.1], 192: [187.8, 173.6, 108.1], 255: [253.9, 231.9, 55.5] },
};

describe('colormaps', () => {
  it('match matplotlib within 2.5 / 255 at known entries', () => {
    for (const name of COLORMAPS) {
      const table = colormapTable(name);
      expect(table).toHaveLength(768);
      for (const [j, rgb] of Object.entries(MATPLOTLIB[name])) {
        for (let ch = 0; ch < 3; ch++) expect(Math.abs(table[3 * Number(j) + ch]! - rgb[ch]!)).toBeLessThanOrEqual(2.5);
      }
    }
  });

  it('are perceptually ordered: lightness rises monotonically (roughly) from 0 to 1', () => {
    const lum = (rgb: [number, number, number]) => 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    for (const name of COLORMAPS) {
      let previous = -Infinity;
      for (let t = 0; t <= 1; t += 0.1) {
        const l = lum(colormapColour(name, t));
        expect(l).toBeGreaterThan(previous - 1);
        previous = l;
      }
    }
  });

  it('clamps t, gives CSS strings and packed RGBA (little-endian, alpha 255)', () => {
    expect(colormapColour('viridis', -1)).toEqual(colormapColour('viridis', 0));
    expect(colormapColour('viridis', 2)).toEqual(colormapColour('viridis', 1));
    expect(colormapColour('viridis', NaN)).toEqual(colormapColour('viridis', 0));
    expect(colormapCss('viridis', 0)).toBe('rgb(68,1,84)');
    const lut = colormapLut('cividis');
    expect(lut).toHaveLength(256);
    const [r, g, b] = colormapColour('cividis', 1);
    expect(lut[255]).toBe(((255 << 24) | (b << 16) | (g << 8) | r) >>> 0);
  });
});

describe('numericScale', () => {
  it('maps linearly between the limits and clamps outside; NaN and ±Infinity are missing', () => {
    const s = numericScale({ min: 10, max: 20 });
    expect([s(10), s(15), s(20), s(0), s(99)]).toEqual([0, 0.5, 1, 0, 1]);
    expect([s(NaN), s(Infinity), s(-Infinity)].every(Number.isNaN)).toBe(true);
    expect([s.min, s.max, s.log]).toEqual([10, 20, false]);
  });

  it('maps log10 on a log scale; values ≤ 0 are missing; a min ≤ 0 becomes max / 1000', () => {
    const s = numericScale({ min: 1, max: 1000, log: true });
    expect(s(1)).toBe(0);
    expect(s(10)).toBeCloseTo(1 / 3, 12);
    expect(s(1000)).toBe(1);
    expect(s(0.001)).toBe(0);
    expect(Number.isNaN(s(0))).toBe(true);
    expect(Number.isNaN(s(-5))).toBe(true);
    const z = numericScale({ min: 0, max: 50, log: true });
    expect(z.min).toBe(0.05);
    expect(z(0.05)).toBe(0);
  });

  it('copes with reversed and equal limits', () => {
    const r = numericScale({ min: 20, max: 10 });
    expect([r.min, r.max, r(12.5)]).toEqual([10, 20, 0.25]);
    const e = numericScale({ min: 3, max: 3 });
    expect([e(2), e(3), e(4)]).toEqual([0, 0.5, 1]);
  });

  it('maps 1,000,000 values fast', () => {
    const values = Float32Array.from({ length: 1_000_000 }, (_, i) => (i % 1000) + 0.5);
    const s = numericScale({ min: 1, max: 1000, log: true });
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += s(values[i]!);
    const ms = performance.now() - t0;
    console.log(`numericScale (log), 1M values: ${ms.toFixed(1)} ms`);
    expect(sum).toBeGreaterThan(0);
    expect(ms).toBeLessThan(500);
  });
});

describe('robustLimits', () => {
  it('gives the 2nd and 98th percentiles of the finite values', () => {
    const v = Float32Array.from({ length: 1001 }, (_, i) => i); // 0 … 1000
    v[5] = NaN;
    v[6] = Infinity;
    const [lo, hi] = robustLimits(v);
    expect(lo).toBeGreaterThanOrEqual(19);
    expect(lo).toBeLessThanOrEqual(22);
    expect(hi).toBeGreaterThanOrEqual(978);
    expect(hi).toBeLessThanOrEqual(981);
  });

  it('ignores values ≤ 0 for a log scale, falls back to the range, and to a default without values', () => {
    const v = Float32Array.from([0, -1, -2, 1, 10, 100, 1000]);
    expect(robustLimits(v, true)).toEqual([1, 100]); // 4 positive values: the 98th percentile is the 3rd
    expect(robustLimits(Float32Array.from([5, 5, 5, 5]))).toEqual([5, 5]);
    expect(robustLimits(Float32Array.from([0, 0, 0, 7]), false, [0.02, 0.5])).toEqual([0, 7]);
    expect(robustLimits(Float32Array.of(NaN))).toEqual([0, 1]);
    expect(robustLimits(Float32Array.of(0, -3), true)).toEqual([1, 10]);
  });

  it('takes a sample at 1,000,000 values', () => {
    const v = Float32Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_000);
    const t0 = performance.now();
    const [lo, hi] = robustLimits(v);
    const ms = performance.now() - t0;
    console.log(`robustLimits, 1M values: ${ms.toFixed(1)} ms`);
    expect(lo / 1e6).toBeCloseTo(0.02, 2);
    expect(hi / 1e6).toBeCloseTo(0.98, 2);
  });
});

describe('scaleTicks', () => {
  it('gives round linear ticks within the limits', () => {
    expect(scaleTicks(numericScale({ min: 0, max: 1 }))).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(scaleTicks(numericScale({ min: 3.2, max: 97 }))).toEqual([20, 40, 60, 80]);
    expect(scaleTicks(numericScale({ min: -0.013, max: 0.021 }))).toEqual([-0.01, 0, 0.01, 0.02]);
  });
  it('gives powers of ten on a log scale, more when the range is short', () => {
    expect(scaleTicks(numericScale({ min: 1, max: 1e4, log: true }))).toEqual([1, 10, 100, 1000, 10000]);
    expect(scaleTicks(numericScale({ min: 3, max: 40, log: true }))).toEqual([5, 10, 20]);
  });
});
