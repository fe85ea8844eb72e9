// New simulated tumour: the dialog, the simulation in a worker (progress, Cancel), then the cell
// tables open like any file (and can be saved as CSV).

import { formatCount } from '../../shared/errors.ts';
import { PRESETS } from '../../shared/sim/params.ts';
import type { FileRef } from '../host/types.ts';
import { showSimulateDialog } from '../views/simulate-dialog.ts';
import type { SimulateMessage, SimulateRequest } from '../workers/simulate.worker.ts';
import { openFiles, type OpenContext, type SampleLabel } from './open.ts';

export async function newSimulation(ctx: OpenContext): Promise<void> {
  if (ctx.store.get().loading) return;
  const req = await showSimulateDialog();
  if (!req) return;
  const made = await simulate(ctx, req);
  if (made) await openFiles(ctx, 'cells', made.refs, made.labels);
}

/**
 * Runs a simulation in a worker (progress, Cancel) and returns its sections as CSV files with
 * their labels (each remembers the request, so a workspace can rebuild it); null when cancelled or
 * failed (the message says which).
 */
export async function simulate(ctx: OpenContext, req: SimulateRequest): Promise<{ refs: FileRef[]; labels: Map<FileRef, SampleLabel> } | null> {
  const { store } = ctx;
  const worker = new Worker(new URL('../workers/simulate.worker.ts', import.meta.url), { type: 'module', name: 'clonoscope-simulate' });
  const label = `Simulating ${PRESETS[req.preset].label.toLowerCase()} (${formatCount(req.cells)} cells, seed ${req.seed})`;
  const outcome = await new Promise<SimulateMessage | null>((resolve) => {
    const cancel = () => {
      worker.terminate();
      resolve(null);
    };
    store.set({ loading: { label, fraction: 0, rows: 0, cancel } });
    worker.onmessage = (e: MessageEvent<SimulateMessage>) => {
      const m = e.data;
      if (m.type === 'stage') store.set({ loading: { label: `${label}: ${m.stage.toLowerCase()}`, fraction: m.fraction, rows: 0, cancel } });
      else resolve(m);
    };
    worker.onerror = (e) => resolve({ type: 'failed', error: { code: 'internal', message: `The simulation stopped unexpectedly (${e.message || 'worker error'}).` } });
    worker.postMessage(req satisfies SimulateRequest);
  });
  worker.terminate();
  store.set({ loading: null });
  if (!outcome) return (store.set({ message: { kind: 'info', text: 'The simulation was cancelled.' } }), null);
  if (outcome.type === 'failed') return (store.set({ message: { kind: 'error', text: outcome.error.message } }), null);
  if (outcome.type !== 'done') return null;
  const stem = `simulated_${req.preset}_seed${req.seed}`;
  const refs: FileRef[] = [];
  const labels = new Map<FileRef, SampleLabel>();
  for (const section of outcome.sections) {
    const name = `${stem}_${section.name}_cells.csv`;
    const ref: FileRef = { kind: 'blob', file: new File(section.csv as BlobPart[], name, { type: 'text/csv' }), path: name };
    refs.push(ref);
    const seed = section.name === 'primary' ? req.seed : req.metastasis!.seed;
    labels.set(ref, { name: `Simulated ${section.name} (${req.preset}, seed ${seed})`, site: section.name, origin: 'simulated', simulation: { ...req, section: section.name } });
  }
  return { refs, labels };
}
