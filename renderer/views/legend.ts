// Legend of the colouring: each category with its colour and count, or the colour bar of a number.

import { formatCount } from '../../shared/errors.ts';
import type { Legend } from '../scene/cell-colours.ts';
import { clear, h } from './dom.ts';

const fmt = (v: number) => (Math.abs(v) >= 1000 || Number.isInteger(v) ? formatCount(v) : v.toPrecision(3));

export function renderLegend(el: HTMLElement, legend: Legend): void {
  clear(el);
  if (legend.kind === 'none') {
    el.append(h('p', { class: 'muted', text: 'Choose a column to colour the cells by.' }));
    return;
  }
  el.append(h('h3', { text: legend.column }));
  if (legend.kind === 'number') {
    el.append(
      h('div', { class: 'colour-bar', attrs: { style: `background: linear-gradient(to right, ${legend.stops.join(', ')})` } }),
      h('div', { class: 'colour-bar-labels' }, h('span', { text: fmt(legend.min) }), h('span', { text: fmt(legend.max) })),
      h('p', { class: 'muted', text: '2nd–98th percentile; values beyond are clipped.' }),
    );
    return;
  }
  const list = h('ul', { class: 'legend-entries' });
  for (const e of legend.entries) {
    list.append(
      h('li', { attrs: { 'data-label': e.label, 'data-colour': e.colour } }, h('span', { class: 'swatch', attrs: { style: `background:${e.colour}` } }), h('span', { class: 'label', text: e.label || '(empty)' }), h('span', { class: 'count', text: formatCount(e.count) })),
    );
  }
  if (legend.missing) list.append(h('li', { class: 'missing' }, h('span', { class: 'swatch missing' }), h('span', { class: 'label', text: 'missing' }), h('span', { class: 'count', text: formatCount(legend.missing) })));
  el.append(list);
}
