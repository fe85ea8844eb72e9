// Simulation worker: grows a tumour (and optionally a metastasis) with the seeded simulator and
// returns each section as the per-cell CSV the simulator writes, so the result opens like any file.

import { cellsCsvChunks } from '../../shared/sim/output-tables.ts';
import { overridesOf, type Overrides } from '../../shared/sim/overrides.ts';
import { presetParams, type MetastasisMode, type PresetName } from '../../shared/sim/params.ts';
import { simulate } from '../../shared/sim/simulate.ts';
import type { AppError } from '../../shared/errors.ts';

export interface SimulateRequest {
  readonly preset: PresetName;
  readonly cells: number;
  readonly seed: number;
  readonly metastasis?: { readonly mode: MetastasisMode; readonly cells: number; readonly seed: number };
  /** Model parameters changed from the preset's. */
  readonly overrides?: Overrides;
}

export type SimulateMessage =
  | { readonly type: 'stage'; readonly stage: string; readonly fraction: number }
  | { readonly type: 'done'; readonly sections: readonly { readonly name: 'primary' | 'metastasis'; readonly csv: Uint8Array[]; readonly cells: number }[] }
  | { readonly type: 'failed'; readonly error: AppError };

interface WorkerScope {
  postMessage(message: SimulateMessage, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<SimulateRequest>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

const STAGES: Record<string, string> = {
  primary: 'Growing the primary tumour',
  metastasis: 'Growing the metastasis',
  clones: 'Building the clone tree',
  markers: 'Assigning marker levels',
};

scope.onmessage = (e) => {
  const req = e.data;
  const order = ['primary', ...(req.metastasis ? ['metastasis'] : []), 'clones', 'markers', 'writing'];
  const post = (stage: string) => scope.postMessage({ type: 'stage', stage: STAGES[stage] ?? 'Writing the cell tables', fraction: order.indexOf(stage) / order.length });
  const result = simulate({
    preset: req.preset,
    params: presetParams(req.preset, { cells: req.cells, seed: req.seed, ...overridesOf(req.overrides) }),
    ...(req.metastasis ? { metastasis: { ...req.metastasis, privateMutations: 5 } } : {}),
    onStage: post,
  });
  if (!result.ok) {
    scope.postMessage({ type: 'failed', error: result.error });
    return;
  }
  post('writing');
  const sim = result.value;
  const encoder = new TextEncoder();
  const sections = [{ name: 'primary' as const, s: sim.primary }, ...(sim.metastasis ? [{ name: 'metastasis' as const, s: sim.metastasis }] : [])].map(({ name, s }) => ({
    name,
    csv: [...cellsCsvChunks(s, sim.clones)].map((chunk) => encoder.encode(chunk)),
    cells: s.section.n,
  }));
  scope.postMessage({ type: 'done', sections }, sections.flatMap((s) => s.csv.map((c) => c.buffer as ArrayBuffer)));
};
