// The scale bar in a corner of the section: a round length (1-2-5 × 10^k) and its label.

import type { Units } from '../../shared/dataset/cell-table.ts';
import { scaleBarForView } from '../scene/scale-bar.ts';
import type { ViewState } from '../scene/view-state.ts';
import { clear, h } from './dom.ts';

export function renderScaleBar(el: HTMLElement, view: ViewState, units: Units, dpr: number): void {
  const bar = scaleBarForView(view, dpr, units);
  clear(el);
  el.hidden = !bar;
  if (!bar) return;
  el.dataset.length = String(bar.length);
  el.append(h('span', { class: 'scale-label', testid: 'scale-bar-label', text: bar.label }), h('span', { class: 'scale-line', attrs: { style: `width:${bar.cssPixels.toFixed(1)}px` } }));
}
