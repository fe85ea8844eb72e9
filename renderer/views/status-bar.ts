// Status bar: what is loaded (cells, skipped and dropped rows), in the active sample.

import { formatCount } from '../../shared/errors.ts';
import { activeSample, type AppState } from '../app/store.ts';

export interface LiveCounts {
  readonly shown: number;
  readonly inView: number;
  /** World coordinates under the pointer in the active sample. */
  readonly cursor: [number, number] | null;
}

export function renderStatus(el: HTMLElement, state: AppState, live?: LiveCounts): void {
  const total = state.samples.reduce((s, x) => s + x.table.n, 0);
  el.dataset.cells = String(total);
  if (state.samples.length === 0) {
    el.textContent = state.loading ? 'Loading…' : 'No data loaded — open a cell table (Ctrl+O) or drop one on the window.';
    return;
  }
  const s = activeSample(state)!;
  const what = s.report.format === 'visium' ? (s.table.n === 1 ? 'spot' : 'spots') : s.table.n === 1 ? 'cell' : 'cells';
  const parts = [`${formatCount(s.table.n)} ${what} loaded`];
  if (s.report.droppedRows) parts.push(`${formatCount(s.report.droppedRows)} ${s.report.droppedWhat ?? 'rows'} dropped`);
  if (s.report.skippedRows) parts.push(`${formatCount(s.report.skippedRows)} bad rows skipped`);
  if (live) parts.push(`${formatCount(live.shown)} shown, ${formatCount(live.inView)} in view`);
  const selected = state.selection?.sampleId === s.id ? state.selection.count : 0;
  parts.push(`${formatCount(selected)} selected`);
  el.dataset.selected = String(selected);
  if (live) el.dataset.shown = String(live.shown);
  if (state.samples.length > 1) parts.push(`${state.samples.length} samples, ${formatCount(total)} cells in all`);
  parts.push(`${s.report.formatLabel}`, `units ${s.table.units === 'um' ? 'µm' : 'px'}`);
  const unit = s.table.units === 'um' ? 'µm' : 'px';
  if (live?.cursor) parts.push(`x ${live.cursor[0].toFixed(1)} ${unit}, y ${live.cursor[1].toFixed(1)} ${unit}`);
  el.textContent = parts.join(' · ');
}
