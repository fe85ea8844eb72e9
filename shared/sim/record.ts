// simulation.json: everything needed to reproduce a simulation and read its files — the exact
// parameters, the seeds requested and used, per-section counts, and where the metastasis branched.
// Deterministic: no dates, no paths, keys in a fixed order, two-space indentation, final newline.

import { REGION_NAMES } from '../analysis/regions.ts';
import { cloneMutationNames, isCloneAncestor } from './clones.ts';
import { MARKERS } from './markers.ts';
import type { SimulatedSection, Simulation } from './simulate.ts';
import { CELL_TYPES } from './tissue.ts';

function sectionRecord(s: SimulatedSection) {
  const { section } = s;
  const regions = REGION_NAMES.map((name, code) => {
    let cells = 0;
    let tumour = 0;
    for (let i = 0; i < section.n; i++) {
      if (section.region[i] !== code) continue;
      cells++;
      if (s.clone[i]! >= 0) tumour++;
    }
    return [name, { cells, tumourCells: tumour, purity: cells ? Number((tumour / cells).toFixed(4)) : null }] as const;
  });
  const types = CELL_TYPES.map((name, code) => [name, section.cellType.reduce((k, t) => k + (t === code ? 1 : 0), 0)] as const);
  return {
    cells: section.n,
    tumourCells: s.clone.reduce((k, c) => k + (c >= 0 ? 1 : 0), 0),
    widthUm: section.widthUm,
    heightUm: section.heightUm,
    growth: { ...s.growth, time: Number(s.growth.time.toFixed(6)) },
    cellTypes: Object.fromEntries(types),
    regions: Object.fromEntries(regions),
  };
}

export function simulationRecord(sim: Simulation, extra: { command?: string; files?: readonly string[] } = {}): string {
  const { clones } = sim;
  const info = sim.metastasisInfo;
  let metastasis = null;
  if (info) {
    const founder = info.founderClone;
    const ancestorsOfFounder = clones.names.filter((_, c) => isCloneAncestor(clones, c, founder) && c !== founder);
    const primaryOnlyAncestors = clones.names.filter((_, c) => !isCloneAncestor(clones, c, founder) && isCloneAncestor(clones, c, clones.cloneOfNode[info.branch.referenceNode]!));
    metastasis = {
      mode: info.mode,
      seed: info.seed,
      cellsToGrow: info.cells,
      privateMutations: info.privateMutations,
      founderClone: clones.names[founder],
      founderMutations: cloneMutationNames(clones, founder),
      branchesFrom: ancestorsOfFounder[ancestorsOfFounder.length - 1] ?? null,
      ...(info.mode === 'late'
        ? { seedingCellId: info.branch.seedingCell + 1, seedingClone: clones.names[clones.cloneOfNode[info.branch.referenceNode]!] }
        : { lastClonalSweep: clones.names[clones.cloneOfNode[info.branch.referenceNode]!], missingCloneMutations: primaryOnlyAncestors.flatMap((n) => cloneMutationNames(clones, clones.names.indexOf(n))) }),
      rootSplit: info.branch.rootSplit,
    };
  }
  const record = {
    generator: 'Clonoscope simulator (shared/sim)',
    ...(extra.command ? { command: extra.command } : {}),
    preset: sim.preset ?? null,
    params: sim.params,
    metastasis,
    seeds: {
      primary: { requested: sim.params.growth.seed, used: sim.primary.growth.seedUsed, restarts: sim.primary.growth.restarts },
      ...(sim.metastasis && info ? { metastasis: { requested: info.seed, used: sim.metastasis.growth.seedUsed, restarts: sim.metastasis.growth.restarts } } : {}),
    },
    sections: { primary: sectionRecord(sim.primary), ...(sim.metastasis ? { metastasis: sectionRecord(sim.metastasis) } : {}) },
    clones: clones.names.length,
    mutationsSimulated: sim.tree.nextMut,
    markers: [...MARKERS],
    ...(extra.files ? { files: [...extra.files] } : {}),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}
