// One simulated case: a primary tumour grown on a lattice, its tissue section (stroma, immune
// cells, regions, markers), optionally a metastasis branching off its genealogy, and the clone
// tree shared by both (one node table, one mutation numbering). Same request ⇒ same result.

import { fail, ok, type Result } from '../errors.ts';
import { buildCloneTree, clonesOfCells, type CloneTree } from './clones.ts';
import { NodeTable } from './genealogy.ts';
import { growTumour, type Growth } from './growth.ts';
import { markerLevels } from './markers.ts';
import { branchPoint, type BranchPoint } from './metastasis.ts';
import { paramProblems, type MetastasisParams, type PresetName, type SimParams } from './params.ts';
import { buildSection, type Section } from './tissue.ts';

export interface SimulationRequest {
  /** Recorded with the result; the parameters below are what counts. */
  readonly preset?: PresetName;
  readonly params: SimParams;
  readonly metastasis?: MetastasisParams;
  /** Called between stages ('primary', 'metastasis', 'clones', 'markers'). */
  readonly onStage?: (stage: string) => void;
}

export interface GrowthSummary {
  readonly seedUsed: number;
  readonly restarts: number;
  readonly cellsGrown: number;
  /** Growth time, units of 1/b₀. */
  readonly time: number;
  readonly divisions: number;
}

export interface SimulatedSection {
  readonly section: Section;
  /** Clone index of each cell, −1 = normal (non-tumour). */
  readonly clone: Int32Array;
  /** One array per marker of MARKERS. */
  readonly markers: readonly Float32Array[];
  readonly growth: GrowthSummary;
}

export interface MetastasisSummary extends MetastasisParams {
  /** Clone founded by the metastasis' first cell (its private mutations). */
  readonly founderClone: number;
  readonly branch: BranchPoint;
}

export interface Simulation {
  readonly preset?: PresetName;
  readonly params: SimParams;
  readonly tree: NodeTable;
  readonly clones: CloneTree;
  readonly primary: SimulatedSection;
  readonly metastasis?: SimulatedSection;
  readonly metastasisInfo?: MetastasisSummary;
}

const summary = (g: Growth): GrowthSummary => ({ seedUsed: g.seedUsed, restarts: g.restarts, cellsGrown: g.n, time: g.time, divisions: g.divisions });

export function simulate(req: SimulationRequest): Result<Simulation> {
  const { params } = req;
  const problems = paramProblems(params);
  const met = req.metastasis;
  if (met) {
    if (!Number.isInteger(met.cells) || met.cells < 1 || met.cells > 20_000_000) problems.push(`the metastasis size must be a whole number from 1 to 20,000,000, not ${met.cells}.`);
    if (!Number.isInteger(met.seed) || met.seed < 0 || met.seed > 0xffffffff) problems.push(`the metastasis seed must be a whole number from 0 to 4294967295, not ${met.seed}.`);
    if (met.mode !== 'late' && met.mode !== 'early') problems.push(`the metastasis must be 'late' or 'early', not '${met.mode}'.`);
    if (met.mode === 'early' && params.growth.nTruncal < 2) problems.push('an early metastasis needs at least 2 truncal mutations to lack some of them.');
    if (!Number.isInteger(met.privateMutations) || met.privateMutations < 0) problems.push('the metastasis private mutations must be a whole number ≥ 0.');
  }
  if (problems.length) return fail('invalid-argument', `Cannot simulate: ${problems.join(' ')}`);

  const g = params.growth;
  const tree = new NodeTable(Math.max(1024, Math.ceil(g.cells * 1.4)));
  req.onStage?.('primary');
  const grown = growTumour(g, tree);
  if (!grown.ok) return grown;
  const primarySection = buildSection('primary', grown.value, g.lattice, g.spacingUm, params.tissue, g.seed);

  let metGrowth: Growth | undefined;
  let metSection: Section | undefined;
  let founder = -1;
  let branch: BranchPoint | undefined;
  if (met) {
    req.onStage?.('metastasis');
    branch = branchPoint(met.mode, tree, primarySection, g.nTruncal, params.minCloneFraction, met.seed);
    founder = tree.add(branch.parentNode, met.privateMutations, true, grown.value.time, branch.birthRate);
    const metGrown = growTumour({ ...g, seed: met.seed, cells: met.cells }, tree, { node: founder, birthRate: branch.birthRate });
    if (!metGrown.ok) return metGrown;
    metGrowth = metGrown.value;
    metSection = buildSection('metastasis', metGrowth, g.lattice, g.spacingUm, { ...params.tissue, marginUm: params.tissue.metastasisMarginUm }, met.seed);
  }

  req.onStage?.('clones');
  const clones = buildCloneTree(tree, metSection ? [primarySection.node, metSection.node] : [primarySection.node], params.minCloneFraction, founder >= 0 ? [founder] : []);
  req.onStage?.('markers');
  const finish = (section: Section, growth: Growth, seed: number): SimulatedSection => {
    const clone = clonesOfCells(clones, section.node);
    const markers = markerLevels(section, clone, clones, tree.birthRate, g.birth, params.tissue.frontWidthUm, seed);
    return { section, clone, markers, growth: summary(growth) };
  };
  return ok({
    ...(req.preset ? { preset: req.preset } : {}),
    params,
    tree,
    clones,
    primary: finish(primarySection, grown.value, g.seed),
    ...(met && metSection && metGrowth && branch
      ? { metastasis: finish(metSection, metGrowth, met.seed), metastasisInfo: { ...met, founderClone: clones.cloneOfNode[founder]!, branch } }
      : {}),
  });
}
