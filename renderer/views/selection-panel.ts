// What the rectangle or lasso selection holds: counts and fractions per label of the colour column
// (or the clone column when cells are coloured by a number).

import { compositionOfMask } from '../../shared/analysis/selection.ts';
import { columnByName } from '../../shared/dataset/cell-table.ts';
import { formatCount } from '../../shared/errors.ts';
import type { Sample, Selection } from '../app/store.ts';
import type { ColourBook } from '../scene/palette.ts';
import { clear, h } from './dom.ts';

export function renderSelection(el: HTMLElement, sample: Sample | undefined, selection: Selection | null, colourColumn: string | null, book: ColourBook, actions: { clear(): void; zoom(): void }): void {
  clear(el);
  el.hidden = !sample || !selection || selection.sampleId !== sample.id;
  if (el.hidden || !sample || !selection) return;
  const byCol = colourColumn ? columnByName(sample.table, colourColumn) : undefined;
  const col = byCol?.kind === 'category' ? byCol : (columnByName(sample.table, sample.table.roles.clone ?? '') as typeof byCol);
  el.append(
    h('h3', { text: `Selection: ${formatCount(selection.count)} cells` }),
    h('div', { class: 'row' }, h('button', { text: 'Zoom to selection', title: 'Z', testid: 'zoom-to-selection', on: { click: actions.zoom } }), h('button', { text: 'Clear', title: 'Esc', testid: 'clear-selection', on: { click: actions.clear } })),
  );
  if (!col || col.kind !== 'category') return;
  const comp = compositionOfMask(col, selection.mask);
  const rows = comp.entries.map((e) =>
    h(
      'tr',
      { attrs: { 'data-label': e.label } },
      h('td', {}, h('span', { class: 'swatch', attrs: { style: `background:${book.colour(col.name, e.label)}` } })),
      h('td', { text: e.label }),
      h('td', { class: 'num', text: formatCount(e.count) }),
      h('td', { class: 'num', text: `${(e.fraction * 100).toFixed(1)} %` }),
      h('td', {}, h('span', { class: 'bar', attrs: { style: `width:${(e.fraction * 60).toFixed(1)}px;background:${book.colour(col.name, e.label)}` } })),
    ),
  );
  if (comp.missing) rows.push(h('tr', {}, h('td'), h('td', { text: 'missing' }), h('td', { class: 'num', text: formatCount(comp.missing) }), h('td', { class: 'num', text: `${((comp.missing / comp.total) * 100).toFixed(1)} %` }), h('td')));
  el.append(h('p', { class: 'muted', text: `Composition by ${col.name}` }), h('table', { class: 'composition', testid: 'selection-composition' }, h('tbody', {}, ...rows)));
}
