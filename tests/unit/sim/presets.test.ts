import { describe, expect, it } from 'vitest';
import { indicator, moransI } from '../../../shared/analysis/morans-i.ts';
import { knnGraph } from '../../../shared/analysis/neighbour-graph.ts';
import { subtreeCounts } from '../../../shared/sim/ccf.ts';
import { PRESET_NAMES, PRESETS, presetParams, paramProblems } from '../../../shared/sim/params.ts';
import type { Simulation } from '../../../shared/sim/simulate.ts';
import { simulated, tumourCells } from './helpers.ts';

/** Moran's I (k = 6 nearest neighbours) of the largest subclone (not the root clone) among tumour cells. */
function mainSubcloneMoran(sim: Simulation): number {
  const { section, clone } = sim.primary;
  const cells = tumourCells(clone);
  const counts = new Map<number, number>();
  for (const i of cells) counts.set(clone[i]!, (counts.get(clone[i]!) ?? 0) + 1);
  const main = [...counts.entries()].filter(([c]) => c !== 0).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  const graph = knnGraph(cells.map((i) => section.x[i]!), cells.map((i) => section.y[i]!), 6);
  return moransI(indicator(cells.map((i) => clone[i]!), main[0]), graph);
}

/** Largest fraction of tumour cells descending from one driver event (root excluded). */
function largestLineage(sim: Simulation): number {
  const { tree, primary } = sim;
  const counts = subtreeCounts(tree.parent, tree.count, primary.section.node);
  let best = 0;
  for (let v = 1; v < tree.count; v++) if (tree.isDriver[v]) best = Math.max(best, counts[v]! / counts[0]!);
  return best;
}

const seeds = [1, 2, 3];
const N = 8000;

describe('presets', () => {
  it('are valid parameter sets with a label and a description', () => {
    for (const name of PRESET_NAMES) {
      expect(paramProblems(presetParams(name))).toEqual([]);
      expect(PRESETS[name].label.length).toBeGreaterThan(3);
      expect(PRESETS[name].description.length).toBeGreaterThan(20);
    }
    expect(paramProblems(presetParams('big-bang', { cells: 0, growth: { death: 2 } }))).toHaveLength(2);
  });

  it("sectoral surface growth keeps the main subclone in one patch; Big Bang interleaves it (Moran's I)", () => {
    const sectoral = seeds.map((s) => mainSubcloneMoran(simulated('sectoral', N, s)));
    const bigBang = seeds.map((s) => mainSubcloneMoran(simulated('big-bang', N, s)));
    for (const I of sectoral) expect(I).toBeGreaterThan(0.85);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(sectoral) - mean(bigBang)).toBeGreaterThan(0.3);
    expect(Math.max(...bigBang)).toBeLessThan(Math.min(...sectoral));
  });

  it('a selective sweep takes over most of the tumour; neutral lineages do not', () => {
    for (const s of seeds) {
      expect(largestLineage(simulated('selective-sweep', N, s))).toBeGreaterThan(0.5);
      expect(largestLineage(simulated('big-bang', N, s))).toBeLessThan(0.5);
    }
  });

  it('high turnover needs several divisions per cell (b/(b−d) ≈ 3.3); pushing without death exactly one', () => {
    const high = simulated('high-turnover', N, 1).primary.growth;
    expect(high.divisions / N).toBeGreaterThan(2);
    expect(high.divisions / N).toBeLessThan(5);
    expect(simulated('big-bang', N, 1).primary.growth.divisions).toBe(N - 1);
  });
});
