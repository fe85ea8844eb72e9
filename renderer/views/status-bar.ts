// Status bar: what is loaded (cells, skipped and dropped rows), in the active sample.

import { formatCount } from '../../shared/errors.ts';
import { activeSample, type AppState } from '../app/store.ts';

export function renderStatus(el: HTMLElement, state: AppState): void {
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
  if (state.samples.length > 1) parts.push(`${state.samples.length} samples, ${formatCount(total)} cells in all`);
  parts.push(`${s.report.formatLabel}`, `units ${s.table.units === 'um' ? 'µm' : 'px'}`);
  el.textContent = parts.join(' · ');
}
