import { describe, expect, it } from 'vitest';
import { createRng, hashUnit, streamFor, streamSeed } from '../../../shared/sim/rng.ts';

describe('seeded random numbers', () => {
  it('repeats the same stream for the same seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(xa);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(xa);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and exponentials with mean 1/λ', () => {
    const rng = createRng(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    let e = 0;
    for (let i = 0; i < n; i++) e += rng.exponential(4);
    expect(Math.abs(e / n - 0.25)).toBeLessThan(4 * (0.25 / Math.sqrt(n)));
  });

  it('draws Poisson(μ) by inversion with mean and variance μ and the exact P(0)', () => {
    for (const mu of [0.5, 1, 3]) {
      const rng = createRng(Math.round(mu * 10));
      const n = 100_000;
      let s = 0;
      let s2 = 0;
      let zeros = 0;
      for (let i = 0; i < n; i++) {
        const k = rng.poisson(mu);
        s += k;
        s2 += k * k;
        if (k === 0) zeros++;
      }
      const mean = s / n;
      expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt(mu / n));
      expect(Math.abs(s2 / n - mean * mean - mu) / mu).toBeLessThan(0.05);
      const p0 = Math.exp(-mu);
      expect(Math.abs(zeros / n - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / n));
    }
    expect(createRng(1).poisson(0)).toBe(0);
  });

  it('gives independent, reproducible streams per (seed, j)', () => {
    expect(streamSeed(1, 2)).toBe(streamSeed(1, 2));
    const seeds = new Set<number>();
    for (let s = 0; s < 50; s++) for (let j = 0; j < 50; j++) seeds.add(streamSeed(s, j));
    expect(seeds.size).toBe(2500);
    const a = streamFor(5, 0);
    const b = streamFor(5, 1);
    // correlation of two streams over 10,000 draws is ~0
    let sab = 0;
    const n = 10_000;
    for (let i = 0; i < n; i++) sab += (a.uniform() - 0.5) * (b.uniform() - 0.5);
    expect(Math.abs(sab / n) / (1 / 12)).toBeLessThan(0.05);
  });

  it('hashes integers to [0, 1) without state', () => {
    expect(hashUnit(3, 10, 20)).toBe(hashUnit(3, 10, 20));
    expect(hashUnit(3, 10, 20)).not.toBe(hashUnit(3, 20, 10));
    let s = 0;
    for (let i = 0; i < 10_000; i++) {
      const h = hashUnit(9, i, i * 7);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(1);
      s += h;
    }
    expect(Math.abs(s / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});
