// Runs Monte Carlo designs in one long-lived worker. The first run on a sample sends its section
// (positions, clone and region codes, tree); later runs on the same sample reuse it there.

import type { MonteCarloDesign } from '../../shared/analysis/biopsy/monte-carlo.ts';
import type { SectionInput } from '../../shared/analysis/biopsy/section.ts';
import { cloneColumnOf } from '../../shared/analysis/biopsy/section.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import { columnByName, type CellTable } from '../../shared/dataset/cell-table.ts';
import { fail, type Result } from '../../shared/errors.ts';
import type { SamplingMessage, SamplingRequest, SamplingResult } from '../workers/sampling.worker.ts';

export type { SamplingResult };

export interface SamplingJob {
  readonly result: Promise<Result<{ result: SamplingResult; elapsedMs: number }>>;
  cancel(): void;
}

let worker: Worker | null = null;
let sentKey: string | null = null;
let nextId = 1;
const listeners = new Map<number, (m: SamplingMessage) => void>();

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../workers/sampling.worker.ts', import.meta.url), { type: 'module', name: 'clonoscope-sampling' });
  worker.onmessage = (e: MessageEvent<SamplingMessage>) => listeners.get(e.data.id)?.(e.data);
  worker.onerror = (e) => {
    for (const [id, l] of listeners) l({ type: 'failed', id, error: { code: 'internal', message: `The sampling worker stopped: ${e.message || 'unknown error'}.` } });
    worker = null;
    sentKey = null;
  };
  return worker;
}

const keys = new WeakMap<object, number>();
let keyCount = 0;
/** A number per object (table, tree), for telling whether the worker holds this section already. */
const keyOf = (o: object | undefined) => (o ? (keys.get(o) ?? (keys.set(o, ++keyCount), keyCount)) : 0);

/** What the worker needs of a table to build its section. */
function sectionInput(table: CellTable, tree: CloneTree | undefined, frontWidthUm: number | undefined): SectionInput | null {
  const clone = cloneColumnOf(table);
  if (!clone) return null;
  const region = table.roles.region ? columnByName(table, table.roles.region) : undefined;
  return {
    x: table.x,
    y: table.y,
    cloneCodes: clone.codes,
    cloneLabels: clone.labels,
    ...(region?.kind === 'category' ? { regionCodes: region.codes, regionLabels: region.labels } : {}),
    ...(tree ? { tree } : {}),
    ...(frontWidthUm !== undefined ? { frontWidthUm } : {}),
  };
}

export function runSampling(table: CellTable, tree: CloneTree | undefined, frontWidthUm: number | undefined, design: MonteCarloDesign, onProgress: (done: number, max: number, partial: SamplingResult) => void): SamplingJob {
  const w = ensureWorker();
  const key = `${keyOf(table)}|${keyOf(tree)}|${frontWidthUm ?? ''}`;
  const id = nextId++;
  const result = new Promise<Result<{ result: SamplingResult; elapsedMs: number }>>((resolve) => {
    listeners.set(id, (m) => {
      if (m.type === 'progress') return onProgress(m.done, m.max, m.result);
      listeners.delete(id);
      resolve(m.type === 'done' ? { ok: true, value: { result: m.result, elapsedMs: m.elapsedMs } } : { ok: false, error: m.error });
    });
  });
  let message: SamplingRequest = { type: 'run', id, key, design };
  if (sentKey !== key) {
    const section = sectionInput(table, tree, frontWidthUm);
    if (!section) return { result: Promise.resolve(fail('invalid-argument', 'This sample has no clone column: map one with Columns… to run a Monte Carlo.')), cancel: () => {} };
    message = { ...message, section };
    sentKey = key;
  }
  w.postMessage(message);
  return { result, cancel: () => w.postMessage({ type: 'cancel', id } satisfies SamplingRequest) };
}
