import { describe, expect, it } from 'vitest';
import { mergePartials, type MonteCarloPartial } from '../../../shared/analysis/biopsy/monte-carlo-result.ts';
import {
  prepareMonteCarlo, runIterations, runMonteCarlo, runMonteCarloSync, shouldStop, summarise, type MonteCarloContext, type MonteCarloDesign,
} from '../../../shared/analysis/biopsy/monte-carlo.ts';
import { allowedArea, randomCentre, strata, stratumCentre, stratumGrid } from '../../../shared/analysis/biopsy/placement.ts';
import type { BiopsySection } from '../../../shared/analysis/biopsy/section.ts';
import { createRng } from '../../../shared/sim/rng.ts';
import { latticeSection, sampleSection } from './helpers.ts';

const sample = sampleSection();

function ctxOf(section: BiopsySection, d: Partial<MonteCarloDesign>): MonteCarloContext {
  const r = prepareMonteCarlo(section, { biopsy: { kind: 'punch', radius: 200 }, count: 4, seed: 7, ...d });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const arrays = (p: MonteCarloPartial) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v instanceof Float64Array ? [...v] : v]));

describe('determinism: same seed, same numbers — also split across workers', () => {
  const designs: [string, Partial<MonteCarloDesign>][] = [
    ['random punches, any cell', {}],
    ['stratified needles, ccf', { biopsy: { kind: 'needle', length: 900, width: 200, angleDeg: 30 }, placement: 'stratified', detect: { kind: 'ccf', min: 0.1 } }],
    ['reads at depth 60, within the tumour', { detect: { kind: 'reads', depth: 60 }, within: 'tumor' }],
  ];
  it.each(designs)('%s', (_, d) => {
    const ctx = ctxOf(sample, d);
    const whole = runIterations(ctx, 0, 600);
    expect(arrays(runIterations(ctx, 0, 600))).toEqual(arrays(whole));
    // two workers, and three uneven ones, merged in any order
    expect(arrays(mergePartials(runIterations(ctx, 0, 300), runIterations(ctx, 300, 600)))).toEqual(arrays(whole));
    const parts = [runIterations(ctx, 410, 600), runIterations(ctx, 0, 17), runIterations(ctx, 17, 410)];
    expect(arrays(parts.reduce(mergePartials))).toEqual(arrays(whole));
    // another seed gives other numbers
    expect(arrays(runIterations(ctxOf(sample, { ...d, seed: 8 }), 0, 600)).detected).not.toEqual(arrays(whole).detected);
  });

  it('refuses to count an iteration twice, or to merge different designs', () => {
    const ctx = ctxOf(sample, {});
    expect(() => mergePartials(runIterations(ctx, 0, 10), runIterations(ctx, 5, 15))).toThrow(/counted twice/);
    expect(() => mergePartials(runIterations(ctx, 0, 10), runIterations(ctxOf(sample, { count: 2 }), 10, 20))).toThrow(/different designs/);
  });

  it('the same biopsies whatever the detection rule (common random numbers)', () => {
    const any = summarise(ctxOf(sample, {}), runIterations(ctxOf(sample, {}), 0, 400));
    const many = summarise(ctxOf(sample, { detect: { kind: 'cells', min: 1 } }), runIterations(ctxOf(sample, { detect: { kind: 'cells', min: 1 } }), 0, 400));
    expect(many.detection).toEqual(any.detection); // ≥ 1 cell is 'any'
  });
});

describe('results', () => {
  it('curves rise with k, intervals hold p, fractions are the truth, errors shrink with more biopsies', () => {
    const ctx = ctxOf(sample, { count: 6 });
    const res = summarise(ctx, runIterations(ctx, 0, 2000));
    expect(res.iterations).toBe(2000);
    expect(res.detection.reduce((s, c) => s + c.trueFraction, 0)).toBeCloseTo(1, 12);
    for (const c of res.detection) {
      c.detection.forEach((d, i) => {
        expect(d.lo).toBeLessThanOrEqual(d.p);
        expect(d.hi).toBeGreaterThanOrEqual(d.p);
        if (i > 0) expect(d.p).toBeGreaterThanOrEqual(c.detection[i - 1]!.p); // nested designs: the first k of K
      });
      if (c.kNeeded95 !== null && !c.kNeeded95Extrapolated) expect(c.detection[c.kNeeded95 - 1]!.p).toBeGreaterThanOrEqual(0.95);
    }
    const mean = res.detection.reduce((s, c) => s + c.detection[2]!.p, 0) / res.detection.length;
    expect(res.expectedFractionDetected[2]).toBeCloseTo(mean, 12);
    expect(res.compositionError[5]!.tvd).toBeLessThan(res.compositionError[0]!.tvd);
    expect(res.compositionError[5]!.mae).toBeLessThan(res.compositionError[0]!.mae);
    // with the tree: P(an illusion of clonality) falls as biopsies are added
    expect(res.illusion![0]!.p).toBeGreaterThan(res.illusion![5]!.p);
  });

  it('stops early once every Wilson half-width is within the target', () => {
    // a punch larger than the tumour sees every clone every time: p = 1, half-width 0.0038 at n = 500
    const section = latticeSection(100, 5, (x, y) => (x < 50 ? 'A' : y < 50 ? 'B' : 'C'));
    const ctx = ctxOf(section, { biopsy: { kind: 'punch', radius: 45 }, count: 2, iterations: 10_000, targetHalfWidth: 0.01 });
    const res = runMonteCarloSync(ctx);
    expect(res.stopped).toBe('converged');
    expect(res.iterations).toBe(500);
    expect(runMonteCarloSync(ctxOf(section, { biopsy: { kind: 'punch', radius: 45 }, count: 2, iterations: 1200, targetHalfWidth: 0 })).iterations).toBe(1200);
  });

  it('reports progress after each batch and stops on cancel with what it has', async () => {
    const ctx = ctxOf(sample, { iterations: 3000, batch: 500, targetHalfWidth: 0 });
    const seen: number[] = [];
    const res = runMonteCarloSync(ctx, { onProgress: (done, max) => seen.push(done, max), isCancelled: () => seen.length >= 4 });
    expect(seen).toEqual([500, 3000, 1000, 3000, 1000, 3000]);
    expect(res.stopped).toBe('cancelled');
    expect(res.iterations).toBe(1000);
    // the async driver pauses between batches and gives the same numbers as the synchronous one
    let pauses = 0;
    const done = await runMonteCarlo(ctx, { pause: async () => void pauses++ });
    expect(done.stopped).toBe('completed');
    expect(pauses).toBe(5);
    expect(done.detection).toEqual(runMonteCarloSync(ctx).detection);
    expect(shouldStop(ctx, done.partial)).toBe('completed');
  });

  it('says why a design cannot run', () => {
    const bad = (d: Partial<MonteCarloDesign>) => {
      const r = prepareMonteCarlo(sample, { biopsy: { kind: 'punch', radius: 200 }, count: 4, seed: 7, ...d });
      return r.ok ? '' : r.error.message;
    };
    expect(bad({ biopsy: { kind: 'punch', radius: 5000 } })).toMatch(/does not fit on the section/);
    expect(bad({ count: 0 })).toMatch(/number of biopsies/);
    expect(bad({ seed: -1 })).toMatch(/seed/);
    expect(bad({ tau: 0 })).toMatch(/τ/);
    expect(bad({ biopsy: { kind: 'needle', length: 100, width: -2, angleDeg: 0 } })).toMatch(/width/);
  });
});

describe('placement (SCIENCE.md §4.2)', () => {
  it('random centres keep the whole biopsy on the section box', () => {
    const a = allowedArea(sample, { kind: 'needle', length: 1000, width: 200, angleDeg: 60 });
    if (!a.ok) throw new Error(a.error.message);
    const b = sample.bounds;
    const rng = createRng(1);
    const c = new Float64Array(2);
    const hx = 500 * 0.5 + 100 * Math.sin(Math.PI / 3), hy = 500 * Math.sin(Math.PI / 3) + 100 * 0.5;
    for (let i = 0; i < 500; i++) {
      randomCentre(a.value, rng, c);
      expect(c[0]! - hx).toBeGreaterThanOrEqual(b.x0 - 1e-9);
      expect(c[0]! + hx).toBeLessThanOrEqual(b.x1 + 1e-9);
      expect(c[1]! - hy).toBeGreaterThanOrEqual(b.y0 - 1e-9);
      expect(c[1]! + hy).toBeLessThanOrEqual(b.y1 + 1e-9);
    }
  });

  it('strata: a × b as square as possible, equal areas, one centre in each', () => {
    expect([1, 2, 4, 6, 7, 9, 10, 12].map((k) => stratumGrid(k))).toEqual([
      { a: 1, b: 1 }, { a: 1, b: 2 }, { a: 2, b: 2 }, { a: 2, b: 3 }, { a: 1, b: 7 }, { a: 3, b: 3 }, { a: 2, b: 5 }, { a: 3, b: 4 },
    ]);
    const a = allowedArea(sample, { kind: 'punch', radius: 100 });
    if (!a.ok) throw new Error(a.error.message);
    const st = strata(a.value, 6);
    const areas = Array.from({ length: 6 }, (_, s) => (st.rects![4 * s + 2]! - st.rects![4 * s]!) * (st.rects![4 * s + 3]! - st.rects![4 * s + 1]!));
    for (const x of areas) expect(x).toBeCloseTo(a.value.area / 6, 6);
    const rng = createRng(3);
    const c = new Float64Array(2);
    for (let s = 0; s < 6; s++) {
      stratumCentre(a.value, st, s, rng, c);
      expect(c[0]).toBeGreaterThanOrEqual(st.rects![4 * s]!);
      expect(c[1]).toBeLessThanOrEqual(st.rects![4 * s + 3]!);
    }
  });

  it.each(['core', 'invasive front'] as const)('within the %s: centres fall where the nearest cell is of that region', (name) => {
    const within = name === 'core' ? 'core' : 'front';
    const a = allowedArea(sample, { kind: 'punch', radius: 100 }, within);
    if (!a.ok) throw new Error(a.error.message);
    const reg = sample.regions();
    expect(reg.source).toBe('column');
    const rng = createRng(4);
    const c = new Float64Array(2);
    let agree = 0;
    for (let i = 0; i < 300; i++) {
      randomCentre(a.value, rng, c);
      const nearest = sample.index.nearest(c[0]!, c[1]!);
      if (reg.names[reg.of[nearest]!] === name) agree++;
    }
    expect(agree / 300).toBeGreaterThan(0.95); // pixels are 10 µm: a centre near a region's edge may sit by a neighbour
    // stratified over a restricted area: equal pixel counts per stratum
    const st = strata(a.value, 4);
    const sizes = Array.from({ length: 4 }, (_, s) => st.offsets![s + 1]! - st.offsets![s]!);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('within the tumour: centres fall in the §3.5 tumour mask', () => {
    const a = allowedArea(sample, { kind: 'punch', radius: 100 }, 'tumor');
    if (!a.ok) throw new Error(a.error.message);
    const { tumour } = sample.regions();
    const rng = createRng(5);
    const c = new Float64Array(2);
    for (let i = 0; i < 300; i++) {
      randomCentre(a.value, rng, c);
      const r = tumour.raster;
      const q = Math.floor((c[1]! - r.y0) / r.pixelUm) * r.width + Math.floor((c[0]! - r.x0) / r.pixelUm);
      expect(tumour.mask[q]).toBe(1);
    }
  });
});
