// A chart in a panel: its SVG (our own markup, every text escaped by scene/charts/svg.ts) with
// Save buttons — SVG as drawn, PNG at 300 DPI made from the same SVG.

import { h } from './dom.ts';

export type SaveChart = (name: string, svg: string, format: 'svg' | 'png') => void;

export function chartFigure(name: string, svg: string, testid: string, save?: SaveChart): HTMLElement {
  const holder = h('figure', { class: 'chart', testid });
  holder.innerHTML = svg;
  if (save)
    holder.append(
      h(
        'span',
        { class: 'save-chart' },
        h('button', { type: 'button', text: 'SVG', testid: 'save-chart-svg', title: 'Save this chart as an SVG file (vectors, editable in Illustrator or Inkscape)', on: { click: () => save(name, svg, 'svg') } }),
        h('button', { type: 'button', text: 'PNG', testid: 'save-chart-png', title: 'Save this chart as a PNG image at 300 DPI', on: { click: () => save(name.replace(/\.svg$/, '.png'), svg, 'png') } }),
      ),
    );
  return holder;
}
