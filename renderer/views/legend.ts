// The legend of the colouring. Categories: colour, label and count; click hides or shows a label,
// Alt-click shows only that label (again: all), the swatch opens a colour picker. Numbers: the
// colour bar with its limits, colormap and log scale, all editable.

import { formatCount } from '../../shared/errors.ts';
import type { NumericColouring } from '../app/store.ts';
import { COLORMAPS, type ColormapName, type Legend } from '../scene/colouring.ts';
import { clear, h } from './dom.ts';

export interface LegendActions {
  toggle(column: string, label: string): void;
  isolate(column: string, label: string): void;
  recolour(column: string, label: string, colour: string): void;
  numeric(column: string, patch: Partial<NumericColouring>): void;
}

const fmt = (v: number) => (Math.abs(v) >= 1000 || Number.isInteger(v) ? formatCount(v) : v.toPrecision(3));

export function renderLegend(el: HTMLElement, legend: Legend, a: LegendActions): void {
  clear(el);
  if (legend.kind === 'none') {
    el.append(h('p', { class: 'muted', text: 'Choose a column to colour the cells by.' }));
    return;
  }
  el.append(h('h3', { text: legend.column }));
  if (legend.kind === 'number') {
    const column = legend.column;
    const limit = (which: 'min' | 'max', value: number) =>
      h('input', {
        type: 'number',
        step: 'any',
        value: String(+value.toPrecision(6)),
        testid: `legend-${which}`,
        title: `${which === 'min' ? 'Lower' : 'Upper'} colour limit; values beyond it get the end colour`,
        on: { change: (e) => a.numeric(column, { [which]: Number((e.target as HTMLInputElement).value) }) },
      });
    const cmap = h('select', { testid: 'legend-colormap', title: 'Colormap (all perceptually uniform; cividis suits colour-vision deficiency)', on: { change: (e) => a.numeric(column, { colormap: (e.target as HTMLSelectElement).value as ColormapName }) } }, ...COLORMAPS.map((c) => h('option', { value: c, text: c })));
    cmap.value = legend.colormap;
    const log = h('input', { type: 'checkbox', testid: 'legend-log', checked: legend.log, on: { change: (e) => a.numeric(column, { log: (e.target as HTMLInputElement).checked }) } });
    el.append(
      h('div', { class: 'colour-bar', testid: 'colour-bar', attrs: { style: `background: linear-gradient(to right, ${legend.stops.join(', ')})` } }),
      h('div', { class: 'colour-bar-labels' }, h('span', { text: fmt(legend.min) }), h('span', { text: fmt(legend.max) })),
      h('div', { class: 'limits' }, limit('min', legend.min), limit('max', legend.max), h('button', { text: 'Reset', title: `Back to the 2nd–98th percentile (${fmt(legend.defaults[0])} – ${fmt(legend.defaults[1])})`, on: { click: () => a.numeric(column, { min: null, max: null }) } })),
      h('div', { class: 'limits' }, cmap, h('label', { class: 'check' }, log, h('span', { text: 'log scale' }))),
    );
    return;
  }
  const list = h('ul', { class: 'legend-entries' });
  for (const e of legend.entries) {
    const picker = h('input', { type: 'color', value: e.colour.length === 7 ? e.colour : '#888888', class: 'swatch-picker', title: `Colour of ${e.label}`, on: { change: (ev) => a.recolour(legend.column, e.label, (ev.target as HTMLInputElement).value) } });
    list.append(
      h(
        'li',
        {
          class: e.hidden ? 'hidden-label' : '',
          title: 'Click: hide or show · Alt-click: show only this',
          attrs: { 'data-label': e.label, 'data-colour': e.colour, 'data-hidden': String(e.hidden), role: 'button', tabindex: '0' },
          on: {
            click: (ev) => {
              if ((ev.target as HTMLElement).closest('label.swatch')) return;
              if (ev.altKey) a.isolate(legend.column, e.label);
              else a.toggle(legend.column, e.label);
            },
            keydown: (ev) => {
              if (ev.key === 'Enter' || ev.key === ' ') {
                ev.preventDefault();
                if (ev.altKey) a.isolate(legend.column, e.label);
                else a.toggle(legend.column, e.label);
              }
            },
          },
        },
        h('label', { class: 'swatch', attrs: { style: `background:${e.colour}` }, title: 'Change colour' }, picker),
        h('span', { class: 'label', text: e.label || '(empty)' }),
        h('span', { class: 'count', text: formatCount(e.count) }),
      ),
    );
  }
  if (legend.missing) list.append(h('li', { class: 'missing' }, h('span', { class: 'swatch missing' }), h('span', { class: 'label', text: 'missing' }), h('span', { class: 'count', text: formatCount(legend.missing) })));
  el.append(list, h('p', { class: 'muted hint', text: 'Click to hide or show · Alt-click to show only one · click a swatch to recolour' }));
}
