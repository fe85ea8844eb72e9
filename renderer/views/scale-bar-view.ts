// The scale bar in a corner of the section: a round length (1-2-5 × 10^k) and its label. Updated
// on every view change, so it only touches the DOM when the bar changes.

import type { Units } from '../../shared/dataset/cell-table.ts';
import { scaleBarForView } from '../scene/scale-bar.ts';
import type { ViewState } from '../scene/view-state.ts';
import { h } from './dom.ts';

export function renderScaleBar(el: HTMLElement, view: ViewState, units: Units, dpr: number): void {
  const bar = scaleBarForView(view, dpr, units);
  el.hidden = !bar;
  if (!bar) return;
  let label = el.querySelector<HTMLElement>('.scale-label'), line = el.querySelector<HTMLElement>('.scale-line');
  if (!label || !line) {
    label = h('span', { class: 'scale-label', testid: 'scale-bar-label' });
    line = h('span', { class: 'scale-line' });
    el.append(label, line);
  }
  if (label.textContent !== bar.label) label.textContent = bar.label;
  const width = `${bar.cssPixels.toFixed(1)}px`;
  if (line.style.width !== width) line.style.width = width;
  el.dataset.length = String(bar.length);
}
