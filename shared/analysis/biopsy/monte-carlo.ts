// Monte Carlo sampling designs, SCIENCE.md §4: repeat a biopsy design many times and tally, per
// clone, how often k = 1…K biopsies detect it.
//
// Iteration j draws everything from its own streams (seed, j) — placements from streamFor(seed, j),
// read counts from a second stream — so any split of the iterations over workers gives the same
// numbers after merging (monte-carlo-result.ts), and two designs that differ only in the detection
// rule see the same biopsies (common random numbers).
//   random      K biopsies drawn one after another; the design with k biopsies is the first k
//   stratified  the design with k biopsies is its own a × b grid of k strata (placement.ts)
// Early stop: after each batch (500 iterations), once every Wilson half-width ≤ the target (0.01).

import { fail, ok, type Result } from '../../errors.ts';
import { streamFor, streamSeed } from '../../sim/rng.ts';
import { countingGridOf, type CountingGrid } from './counting.ts';
import { ANY_CELL, type DetectionRule } from './detection.ts';
import { placeBiopsy, prepareShape, templateProblem, type BiopsyTemplate } from './geometry.ts';
import { emptyPartial, maxHalfWidth, mergePartials, tallies, type MonteCarloPartial, type Tallies } from './monte-carlo-result.ts';
import { TAU, subtreeCountsInPlace, mutationsPerNode } from './mutations.ts';
import { allowedArea, randomCentre, strata, stratumCentre, type AllowedArea, type Placement, type Strata, type Within } from './placement.ts';
import type { BiopsySection } from './section.ts';
import { Tally } from './tally.ts';

export interface MonteCarloDesign {
  readonly biopsy: BiopsyTemplate;
  /** K: the most biopsies per design (1…100). */
  readonly count: number;
  readonly placement?: Placement;
  readonly within?: Within;
  readonly detect?: DetectionRule;
  /** 0…2³²−1. */
  readonly seed: number;
  /** Most iterations [10,000]. */
  readonly iterations?: number;
  /** Iterations between early-stop checks and progress reports [500]. */
  readonly batch?: number;
  /** Stop once every Wilson 95 % half-width is at most this [0.01]; 0 = never stop early. */
  readonly targetHalfWidth?: number;
  /** Clonal call τ [0.9]. */
  readonly tau?: number;
  /** Purity ρ for VAF and reads instead of each biopsy's own (tables without normal cells). */
  readonly purity?: number;
}

export type NormalisedDesign = Required<Omit<MonteCarloDesign, 'purity'>> & { readonly purity?: number };

export interface MonteCarloContext {
  readonly design: NormalisedDesign;
  readonly section: BiopsySection;
  readonly grid: CountingGrid;
  readonly area: AllowedArea;
  /** Stratified: strata of the design with k biopsies at [k−1]. */
  readonly strata: readonly Strata[];
  /** Tree truth: CCF of every tree clone over the section, its mutation weight, subclonal flag. */
  readonly tree?: { readonly ccf: Float64Array; readonly weight: Float64Array; readonly subclonal: Uint8Array };
}

export function prepareMonteCarlo(section: BiopsySection, d: MonteCarloDesign): Result<MonteCarloContext> {
  const bad = (m: string) => fail<MonteCarloContext>('invalid-argument', `Cannot run the Monte Carlo: ${m}`);
  const problem = templateProblem(d.biopsy);
  if (problem) return bad(problem);
  if (!Number.isInteger(d.count) || d.count < 1 || d.count > 100) return bad(`the number of biopsies must be a whole number from 1 to 100, not ${d.count}.`);
  if (!Number.isInteger(d.seed) || d.seed < 0 || d.seed > 0xffffffff) return bad(`the seed must be a whole number from 0 to 4294967295, not ${d.seed}.`);
  const design: NormalisedDesign = {
    biopsy: d.biopsy, count: d.count, placement: d.placement ?? 'random', within: d.within ?? 'section', detect: d.detect ?? ANY_CELL, seed: d.seed,
    iterations: d.iterations ?? 10_000, batch: d.batch ?? 500, targetHalfWidth: d.targetHalfWidth ?? 0.01, tau: d.tau ?? TAU,
    ...(d.purity !== undefined ? { purity: d.purity } : {}),
  };
  if (!Number.isInteger(design.iterations) || design.iterations < 1 || design.iterations > 10_000_000) return bad(`the iterations must be a whole number from 1 to 10,000,000, not ${design.iterations}.`);
  if (!Number.isInteger(design.batch) || design.batch < 1) return bad(`the batch must be a whole number ≥ 1, not ${design.batch}.`);
  if (!(design.targetHalfWidth >= 0)) return bad(`the target half-width must be ≥ 0, not ${design.targetHalfWidth}.`);
  if (!(design.tau > 0 && design.tau <= 1)) return bad(`τ must be above 0 and at most 1, not ${design.tau}.`);
  if (design.purity !== undefined && !(design.purity > 0 && design.purity <= 1)) return bad(`the purity must be above 0 and at most 1, not ${design.purity}.`);
  if (section.tumourCells === 0) return bad('the section has no tumour cells.');
  const area = allowedArea(section, design.biopsy, design.within);
  if (!area.ok) return area;
  const st = design.placement === 'stratified' ? Array.from({ length: design.count }, (_, i) => strata(area.value, i + 1)) : [];
  const ctx: MonteCarloContext = { design, section, grid: countingGridOf(section), area: area.value, strata: st };
  const { tree, treeIndex } = section;
  if (!tree || !treeIndex) return ok(ctx);
  const ccf = new Float64Array(tree.clones.length);
  treeIndex.forEach((t, c) => t >= 0 && (ccf[t]! += section.cloneCells[c]!));
  subtreeCountsInPlace(tree, ccf);
  for (let t = 0; t < ccf.length; t++) ccf[t]! /= section.tumourCells;
  const perNode = mutationsPerNode(tree);
  const listed = perNode.some((m) => m > 0);
  // a tree without mutation names: each clone stands for one genotype marker
  const weight = listed ? perNode : perNode.map(() => 1);
  const subclonal = Uint8Array.from(ccf, (v, t) => (v < design.tau && weight[t]! > 0 ? 1 : 0));
  return ok({ ...ctx, tree: { ccf, weight, subclonal } });
}

/** Most iterations counted together: their biopsies are placed first, then counted in space order. */
const CHUNK = 1024;

/** Biopsies per iteration: K (random, nested designs) or 1 + 2 + … + K (stratified, one grid per k). */
export function biopsiesPerIteration(d: NormalisedDesign): number {
  return d.placement === 'random' ? d.count : (d.count * (d.count + 1)) / 2;
}

/** Iterations [from, to) of the design: the counts a worker sends back. */
export function runIterations(ctx: MonteCarloContext, from: number, to: number): MonteCarloPartial {
  const { section, design, grid } = ctx;
  const K = design.count, C = section.clones.length, KC = grid.K;
  const part = emptyPartial(K, C, ctx.tree ? section.tree!.clones.length : 0);
  const tally = new Tally(ctx, part);
  const readSeed = streamSeed(design.seed, 0xfffffffe);
  const per = biopsiesPerIteration(design);
  const chunk = Math.max(1, Math.min(CHUNK, Math.floor(4_000_000 / (per * KC)))); // counts ≤ 16 MB
  const centres = new Float64Array(2 * per * chunk);
  const counts = new Int32Array(per * chunk * KC);
  const template = prepareShape(placeBiopsy(design.biopsy, 0, 0));
  const centre = new Float64Array(2);
  for (let j0 = from; j0 < to; j0 += chunk) {
    const j1 = Math.min(to, j0 + chunk);
    // 1. every centre of the chunk, each iteration from its own stream
    let m = 0;
    for (let j = j0; j < j1; j++) {
      const rng = streamFor(design.seed, j);
      for (let k = 1; k <= (design.placement === 'random' ? 1 : K); k++) {
        for (let s = 0; s < (design.placement === 'random' ? K : k); s++) {
          if (design.placement === 'random') randomCentre(ctx.area, rng, centre);
          else stratumCentre(ctx.area, ctx.strata[k - 1]!, s, rng, centre);
          centres[2 * m] = centre[0]!;
          centres[2 * m + 1] = centre[1]!;
          m++;
        }
      }
    }
    // 2. the counts, in space order
    grid.countMany(template, centres, m, counts);
    // 3. detection and tallies, iteration by iteration
    m = 0;
    for (let j = j0; j < j1; j++) {
      const reads = design.detect.kind === 'reads' ? streamFor(readSeed, j) : null;
      if (design.placement === 'random') {
        tally.startDesign();
        tally.first.fill(0);
        for (let k = 1; k <= K; k++) {
          tally.biopsy(counts, m++ * KC, reads);
          for (let c = 0; c < C; c++) if (tally.seen[c] && tally.first[c] === 0) tally.first[c] = k;
          tally.endDesign(k);
        }
        for (let c = 0; c < C; c++) for (let k = tally.first[c]!; k > 0 && k <= K; k++) part.detected[c * K + k - 1]!++;
      } else {
        for (let k = 1; k <= K; k++) {
          tally.startDesign();
          for (let s = 0; s < k; s++) tally.biopsy(counts, m++ * KC, reads);
          for (let c = 0; c < C; c++) if (tally.seen[c]) part.detected[c * K + k - 1]!++;
          tally.endDesign(k);
        }
      }
    }
  }
  return { ...part, iterations: Math.max(0, to - from), ranges: to > from ? [[from, to]] : [] };
}

export interface MonteCarloResult extends Tallies {
  readonly design: NormalisedDesign;
  readonly seed: number;
  /** Iterations actually run (fewer than asked after an early stop or a cancel). */
  readonly iterations: number;
  readonly stopped: 'completed' | 'converged' | 'cancelled';
  /** Area of the allowed centres Ω, µm². */
  readonly allowedAreaUm2: number;
  readonly partial: MonteCarloPartial;
}

/** Probabilities and intervals of a (merged) partial result. */
export function summarise(ctx: MonteCarloContext, partial: MonteCarloPartial, stopped: MonteCarloResult['stopped'] = 'completed'): MonteCarloResult {
  const { section, design } = ctx;
  const t = tallies(partial, {
    clones: section.clones, cloneCells: section.cloneCells, tumourCells: section.tumourCells,
    ...(ctx.tree ? { nodes: section.tree!.clones, nodeMutations: ctx.tree.weight, nodeCcf: ctx.tree.ccf } : {}),
  });
  return { ...t, design, seed: design.seed, iterations: partial.iterations, stopped, allowedAreaUm2: ctx.area.area, partial };
}

/** Whether a run that has tallied `partial` (whole batches from 0) should stop. */
export function shouldStop(ctx: MonteCarloContext, partial: MonteCarloPartial): 'completed' | 'converged' | null {
  if (partial.iterations >= ctx.design.iterations) return 'completed';
  const target = ctx.design.targetHalfWidth;
  return target > 0 && maxHalfWidth(partial) <= target ? 'converged' : null;
}

export interface RunOptions {
  /** After each batch: iterations done, the most that will run, the tallies so far. */
  readonly onProgress?: (done: number, max: number, partial: MonteCarloPartial) => void;
  /** Checked between batches; true ends the run with what is tallied ('cancelled'). */
  readonly isCancelled?: () => boolean;
  /** Awaited between batches (e.g. a 0 ms timeout in a worker, so that a cancel message gets in). */
  readonly pause?: () => Promise<void>;
}

function* batches(ctx: MonteCarloContext): Generator<MonteCarloPartial, MonteCarloResult, boolean> {
  let partial = emptyPartial(ctx.design.count, ctx.section.clones.length, ctx.tree ? ctx.section.tree!.clones.length : 0);
  for (;;) {
    const from = partial.iterations;
    const to = Math.min(ctx.design.iterations, from + ctx.design.batch);
    partial = mergePartials(partial, runIterations(ctx, from, to));
    const stop = shouldStop(ctx, partial);
    if (stop) return summarise(ctx, partial, stop);
    const cancelled = yield partial;
    if (cancelled) return summarise(ctx, partial, 'cancelled');
  }
}

/** Runs the design in batches on this thread, with progress and cancel between batches. */
export function runMonteCarloSync(ctx: MonteCarloContext, opts: Omit<RunOptions, 'pause'> = {}): MonteCarloResult {
  const gen = batches(ctx);
  let step = gen.next(false);
  while (!step.done) {
    opts.onProgress?.(step.value.iterations, ctx.design.iterations, step.value);
    step = gen.next(opts.isCancelled?.() ?? false);
  }
  opts.onProgress?.(step.value.iterations, ctx.design.iterations, step.value.partial);
  return step.value;
}

/** As runMonteCarloSync, awaiting `pause` between batches so a worker stays responsive. */
export async function runMonteCarlo(ctx: MonteCarloContext, opts: RunOptions = {}): Promise<MonteCarloResult> {
  const gen = batches(ctx);
  let step = gen.next(false);
  while (!step.done) {
    opts.onProgress?.(step.value.iterations, ctx.design.iterations, step.value);
    if (opts.pause) await opts.pause();
    step = gen.next(opts.isCancelled?.() ?? false);
  }
  opts.onProgress?.(step.value.iterations, ctx.design.iterations, step.value.partial);
  return step.value;
}
