// Shared by the simulator tests: small simulations (seconds at most), and subsets of cells.

import { presetParams, type GrowthParams, type MetastasisParams, type PresetName, type TissueParams } from '../../../shared/sim/params.ts';
import { simulate, type Simulation } from '../../../shared/sim/simulate.ts';

export function simulated(preset: PresetName, cells: number, seed: number, o: { metastasis?: MetastasisParams; growth?: Partial<GrowthParams>; tissue?: Partial<TissueParams> } = {}): Simulation {
  const r = simulate({
    preset,
    params: presetParams(preset, { cells, seed, ...(o.growth ? { growth: o.growth } : {}), ...(o.tissue ? { tissue: o.tissue } : {}) }),
    ...(o.metastasis ? { metastasis: o.metastasis } : {}),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Tumour cells of a section within `radius` µm of (cx, cy): a punch biopsy. */
export function punch(x: Float64Array, y: Float64Array, isTumour: (i: number) => boolean, cx: number, cy: number, radius: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (isTumour(i) && (x[i]! - cx) ** 2 + (y[i]! - cy) ** 2 <= radius * radius) out.push(i);
  return out;
}

/** Tumour cells of a section. */
export function tumourCells(clone: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < clone.length; i++) if (clone[i]! >= 0) out.push(i);
  return out;
}
