// Monte Carlo sampling worker: builds the section once per sample (kept for the next design) and
// runs designs in batches, posting the tallies after every batch (the curves grow live) so the
// window stays responsive; a 'cancel' message stops the run between batches with what it has.

import { prepareMonteCarlo, runMonteCarlo, type MonteCarloDesign, type MonteCarloResult } from '../../shared/analysis/biopsy/monte-carlo.ts';
import { summarise } from '../../shared/analysis/biopsy/monte-carlo.ts';
import { BiopsySection, type SectionInput } from '../../shared/analysis/biopsy/section.ts';
import type { AppError } from '../../shared/errors.ts';

export type SamplingRequest =
  | { readonly type: 'run'; readonly id: number; readonly key: string; readonly section?: SectionInput; readonly design: MonteCarloDesign }
  | { readonly type: 'cancel'; readonly id: number };

/** A result without its raw counts (what the panel shows). */
export type SamplingResult = Omit<MonteCarloResult, 'partial'>;

export type SamplingMessage =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly max: number; readonly result: SamplingResult }
  | { readonly type: 'done'; readonly id: number; readonly result: SamplingResult; readonly elapsedMs: number }
  | { readonly type: 'failed'; readonly id: number; readonly error: AppError };

interface WorkerScope {
  postMessage(message: SamplingMessage): void;
  onmessage: ((e: MessageEvent<SamplingRequest>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

let cached: { key: string; section: BiopsySection } | null = null;
const cancelled = new Set<number>();
const strip = ({ partial: _, ...rest }: MonteCarloResult): SamplingResult => rest;

scope.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'cancel') return void cancelled.add(m.id);
  const t0 = performance.now();
  if (m.section) cached = { key: m.key, section: new BiopsySection(m.section) };
  if (!cached || cached.key !== m.key) return scope.postMessage({ type: 'failed', id: m.id, error: { code: 'internal', message: 'The sampling worker lost the section: run again.' } });
  const ctx = prepareMonteCarlo(cached.section, m.design);
  if (!ctx.ok) return scope.postMessage({ type: 'failed', id: m.id, error: ctx.error });
  const result = await runMonteCarlo(ctx.value, {
    onProgress: (done, max, partial) => scope.postMessage({ type: 'progress', id: m.id, done, max, result: strip(summarise(ctx.value, partial, 'cancelled')) }),
    isCancelled: () => cancelled.has(m.id),
    pause: () => new Promise((r) => setTimeout(r, 0)),
  });
  cancelled.delete(m.id);
  scope.postMessage({ type: 'done', id: m.id, result: strip(result), elapsedMs: performance.now() - t0 });
};
