// Monte Carlo against the closed forms of SCIENCE.md §4.3, within the §4.4 tolerance
// |p̂ − p| ≤ 4·√(p(1−p)/n) + δ_lattice (δ_lattice ≈ 2·(spacing/(R+r))·p for discrete cells).
import { describe, expect, it } from 'vitest';
import type { BiopsyTemplate } from '../../../shared/analysis/biopsy/geometry.ts';
import { prepareMonteCarlo, runIterations, summarise, type MonteCarloDesign, type MonteCarloResult } from '../../../shared/analysis/biopsy/monte-carlo.ts';
import type { BiopsySection } from '../../../shared/analysis/biopsy/section.ts';
import { atLeastOnce } from '../../../shared/analysis/biopsy/stats.ts';
import { latticeSection, treeOf } from './helpers.ts';

const N = 20_000;
const SIZE = 1000;
const SPACING = 5;

function run(section: BiopsySection, biopsy: BiopsyTemplate, more: Partial<MonteCarloDesign> = {}): MonteCarloResult {
  const ctx = prepareMonteCarlo(section, { biopsy, count: 1, seed: 42, iterations: N, ...more });
  if (!ctx.ok) throw new Error(ctx.error.message);
  return summarise(ctx.value, runIterations(ctx.value, 0, N));
}

const pOf = (r: MonteCarloResult, clone: string, k = 1) => r.detection.find((d) => d.clone === clone)!.detection[k - 1]!.p;
const tolerance = (p: number, lattice: number) => 4 * Math.sqrt((p * (1 - p)) / N) + lattice;

describe('a disc-shaped clone and a punch', () => {
  // clone D: cells within R = 100 µm of (500, 500); the rest is clone E
  const R = 100;
  const section = latticeSection(SIZE, SPACING, (x, y) => (Math.hypot(x - 500, y - 500) <= R ? 'D' : 'E'));

  it.each([25, 50, 150])('one punch of radius %i µm: p = area(disc of radius R + r)/area(Ω)', (r) => {
    const omega = (SIZE - 2 * r) ** 2; // centres where the punch fits on the section
    const p = (Math.PI * (R + r) ** 2) / omega;
    const got = pOf(run(section, { kind: 'punch', radius: r }), 'D');
    expect(Math.abs(got - p)).toBeLessThanOrEqual(tolerance(p, 2 * (SPACING / (R + r)) * p));
  });

  it('k independent punches: P_k = 1 − (1 − p)^k', () => {
    const r = 50;
    const p = (Math.PI * (R + r) ** 2) / (SIZE - 2 * r) ** 2;
    const res = run(section, { kind: 'punch', radius: r }, { count: 5 });
    for (let k = 1; k <= 5; k++) {
      const pk = atLeastOnce(p, k);
      expect(Math.abs(pOf(res, 'D', k) - pk), `k = ${k}`).toBeLessThanOrEqual(tolerance(pk, 2 * (SPACING / (R + r)) * pk));
    }
    // and the biopsies needed for 95 %: ⌈ln 0.05 / ln(1 − p)⌉ = 33, extrapolated beyond K = 5
    const d = res.detection.find((c) => c.clone === 'D')!;
    expect(d.kNeeded95Extrapolated).toBe(true);
    expect(Math.abs(d.kNeeded95! - Math.ceil(Math.log(0.05) / Math.log(1 - p)))).toBeLessThanOrEqual(2);
  });

  it('detection at CCF ≥ 1 (only D in the punch) needs the whole punch inside the disc: R − r', () => {
    const r = 50;
    const res = run(section, { kind: 'punch', radius: r }, { detect: { kind: 'ccf', min: 1 } });
    const q = (Math.PI * (R - r) ** 2) / (SIZE - 2 * r) ** 2; // punch entirely inside D
    expect(Math.abs(pOf(res, 'D') - q)).toBeLessThanOrEqual(tolerance(q, 2 * (SPACING / (R - r)) * q));
  });
});

describe('illusion of clonality: P_IOC(k) = q^k, q = area(disc of radius R − r)/area(Ω) (τ → 1)', () => {
  // root A everywhere, subclone S a disc of R = 250 µm: S's mutation looks clonal only when the punch lies inside S
  const R = 250, r = 50;
  const tree = treeOf('clone,parent,mutations\nA,,a1;a2\nS,A,s1\n');
  const section = latticeSection(SIZE, SPACING, (x, y) => (Math.hypot(x - 500, y - 500) <= R ? 'S' : 'A'), tree);

  it('with 1, 2 and 3 punches', () => {
    const res = run(section, { kind: 'punch', radius: r }, { count: 3, tau: 1 });
    const q = (Math.PI * (R - r) ** 2) / (SIZE - 2 * r) ** 2;
    for (let k = 1; k <= 3; k++) {
      const pk = q ** k;
      expect(Math.abs(res.illusion![k - 1]!.p - pk), `k = ${k}`).toBeLessThanOrEqual(tolerance(pk, 2 * (SPACING / (R - r)) * pk));
    }
    // only S's branch can be an illusion: A is truly clonal (CCF 1)
    expect(res.illusionByClone!.map((c) => c.clone)).toEqual(['S']);
    expect(res.illusion![0]!.illusionFraction).toBeGreaterThan(0);
  });
});

describe('a striped clone and a needle at different angles', () => {
  // clone V: the vertical stripe |x − 500| ≤ w/2; a needle hits it iff its x-extent reaches the stripe
  const w = 40;
  const section = latticeSection(SIZE, SPACING, (x) => (Math.abs(x - 500) <= w / 2 ? 'V' : 'O'));

  it.each([0, 30, 45, 90, 135])('needle 300 × 20 µm at %i°: p = (w + 2h_x)/(L_x − 2h_x)', (angleDeg) => {
    const L = 300, W = 20;
    const t = (angleDeg * Math.PI) / 180;
    const hx = (L / 2) * Math.abs(Math.cos(t)) + (W / 2) * Math.abs(Math.sin(t));
    const p = (w + 2 * hx) / (SIZE - 2 * hx);
    const got = pOf(run(section, { kind: 'needle', length: L, width: W, angleDeg }), 'V');
    expect(Math.abs(got - p)).toBeLessThanOrEqual(tolerance(p, 2 * (SPACING / (w / 2 + hx)) * p));
  });
});

describe('stratified placement', () => {
  // an off-centre disc clone: stratification concentrates no effort on it, and still does at least as
  // well as random placement for every k (AM–GM: 1 − Π(1 − p_i) ≥ 1 − (1 − p̄)^k)
  const section = latticeSection(SIZE, SPACING, (x, y) => (Math.hypot(x - 300, y - 300) <= 100 ? 'D' : 'E'));

  it('P_strat(k) ≥ P_random(k) for a position-only event, with the exact values for 1 and 4 strata', () => {
    const biopsy: BiopsyTemplate = { kind: 'punch', radius: 50 };
    const random = run(section, biopsy, { count: 4 });
    const strat = run(section, biopsy, { count: 4, placement: 'stratified' });
    for (let k = 1; k <= 4; k++) {
      const a = pOf(strat, 'D', k), b = pOf(random, 'D', k);
      expect(a, `k = ${k}`).toBeGreaterThanOrEqual(b - 4 * Math.sqrt((2 * b * (1 - b)) / N));
    }
    // Ω = [50, 950]²; the dilated disc (radius 150 about (300, 300)) lies in one quadrant of the 2 × 2 grid
    const pbar = (Math.PI * 150 ** 2) / 900 ** 2;
    const p4 = (Math.PI * 150 ** 2) / 450 ** 2;
    expect(Math.abs(pOf(strat, 'D', 4) - p4)).toBeLessThanOrEqual(tolerance(p4, 2 * (SPACING / 150) * p4));
    expect(pOf(strat, 'D', 4) - pOf(random, 'D', 4)).toBeGreaterThan(0.02); // 0.349 vs 1 − (1 − 0.087)^4 = 0.306
    expect(Math.abs(pOf(random, 'D', 4) - atLeastOnce(pbar, 4))).toBeLessThanOrEqual(tolerance(0.3, 0.01));
  });
});
