// The load report of the active sample: format, rows, skipped rows with line numbers and reasons,
// notes (units, companions, joins), and every column with its role and type.

import { boundsOf } from '../../shared/dataset/cell-table.ts';
import { describeColumns } from '../../shared/dataset/summary.ts';
import { formatCount } from '../../shared/errors.ts';
import type { Sample } from '../app/store.ts';
import { clear, h } from './dom.ts';

const num = (v: number) => (Math.abs(v) >= 100 ? formatCount(v) : v.toPrecision(4));

export function renderReport(el: HTMLElement, sample: Sample | undefined): void {
  clear(el);
  delete el.dataset.bounds;
  delete el.dataset.format;
  delete el.dataset.loadMs;
  if (!sample) return;
  const { report, table } = sample;
  const bounds = boundsOf(table);
  el.dataset.bounds = JSON.stringify(bounds);
  el.dataset.format = report.format;
  el.dataset.loadMs = String(Math.round(sample.loadMs));
  const unit = table.units === 'um' ? 'µm' : 'px';
  const extent = `x ${num(bounds.x[0])} … ${num(bounds.x[1])}, y ${num(bounds.y[0])} … ${num(bounds.y[1])} ${unit}`;
  const delim = report.delimiter === '\t' ? 'tab' : report.delimiter === ' ' ? 'space' : `'${report.delimiter}'`;
  const facts: [string, string][] = [
    ['File', report.file],
    ['Format', report.formatLabel],
    ['Rows', `${formatCount(table.n)}${report.droppedRows ? ` (${formatCount(report.droppedRows)} ${report.droppedWhat ?? 'rows'} dropped)` : ''}`],
    ['Skipped', formatCount(report.skippedRows)],
    ['Units', table.units === 'um' ? `µm${table.pixelSizeUm && table.pixelSizeUm !== 1 && report.mapping.units === 'px' ? ` (${table.pixelSizeUm.toPrecision(4)} µm/px)` : ''}` : 'pixels (pixel size unknown)'],
    ['Extent', extent],
    ['Text', `${report.encoding}, ${delim}${report.decimalComma ? ', decimal commas' : ''}${report.hasHeader ? '' : ', no header'}`],
    ['Loaded in', `${(sample.loadMs / 1000).toFixed(2)} s`],
  ];
  el.append(h('h2', { text: sample.name }), h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])));
  if (report.errors.length) {
    el.append(
      h('h3', { text: `Skipped rows (first ${Math.min(report.errors.length, 20)})` }),
      h('ul', { class: 'row-errors', testid: 'row-errors' }, ...report.errors.slice(0, 20).map((e) => h('li', { text: `Line ${formatCount(e.line)}: ${e.message}` }))),
    );
  }
  if (report.notes.length) el.append(h('h3', { text: 'Notes' }), h('ul', { class: 'notes' }, ...report.notes.map((n) => h('li', { text: n }))));
  const rows = describeColumns(table).map((c) =>
    h('tr', { class: c.role === 'measurement' || c.role === 'other' ? '' : 'mapped' }, h('td', { text: c.name, title: c.name }), h('td', { text: c.role }), h('td', { text: c.type })),
  );
  el.append(
    h('h3', { text: `Columns (${table.columns.length})` }),
    h('table', { class: 'columns', testid: 'columns-table' }, h('thead', {}, h('tr', {}, h('th', { text: 'Column' }), h('th', { text: 'Role' }), h('th', { text: 'Type' }))), h('tbody', {}, ...rows)),
  );
}
