// The loaded samples side by side, each drawn as a section coloured by the chosen column.
// (A quick CPU raster; the interactive section view replaces it.)

import { columnByName } from '../../shared/dataset/cell-table.ts';
import { formatCount } from '../../shared/errors.ts';
import type { Sample } from '../app/store.ts';
import { fitViewport, packRgba, rasterCells } from '../render/cell-raster.ts';
import { coloursFor, effectiveColourColumn } from '../scene/cell-colours.ts';
import type { ColourBook } from '../scene/palette.ts';
import { clear, h } from './dom.ts';

export interface SamplesView {
  readonly el: HTMLElement;
  render(samples: readonly Sample[], activeId: string | null, colorBy: string | null, dark: boolean): void;
}

export function createSamplesView(book: ColourBook, actions: { activate(id: string): void; close(id: string): void; save(id: string): void }): SamplesView {
  const el = h('div', { class: 'samples', testid: 'samples' });
  let last: { samples: readonly Sample[]; activeId: string | null; colorBy: string | null; dark: boolean } | null = null;

  const draw = (canvas: HTMLCanvasElement, sample: Sample, colorBy: string | null, dark: boolean) => {
    const dpr = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    const w = Math.max(1, Math.round(rect.width * dpr)), hgt = Math.max(1, Math.round(rect.height * dpr));
    if (canvas.width !== w || canvas.height !== hgt) {
      canvas.width = w;
      canvas.height = hgt;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const name = effectiveColourColumn(sample.table, colorBy);
    const col = name ? columnByName(sample.table, name) : undefined;
    const { colours } = coloursFor(col, book);
    const image = ctx.createImageData(w, hgt);
    const bg = dark ? packRgba(22, 24, 28) : packRgba(255, 255, 255);
    rasterCells(image, sample.table, colours, fitViewport(sample.table, w, hgt, !!sample.table.yUp), bg);
    ctx.putImageData(image, 0, 0);
  };

  /** Panels of the samples shown, reused while the samples stay the same. */
  let shown: readonly Sample[] = [];
  const panel = (sample: Sample) =>
    h(
      'figure',
      { class: 'sample', testid: 'sample-panel', attrs: { 'data-id': sample.id }, on: { click: () => actions.activate(sample.id) } },
      h(
        'figcaption',
        {},
        h('span', { class: 'sample-name', text: sample.name, title: sample.report.file }),
        h('span', { class: 'muted', text: `${formatCount(sample.table.n)} ${sample.report.format === 'visium' ? 'spots' : 'cells'}` }),
        sample.origin === 'simulated'
          ? h('button', { class: 'save', text: 'Save CSV…', testid: 'save-sample', title: 'Save this simulated section as a CSV table', on: { click: (e) => (e.stopPropagation(), actions.save(sample.id)) } })
          : null,
        h('button', { class: 'close', text: '×', title: 'Close this sample', attrs: { 'aria-label': `Close ${sample.name}` }, on: { click: (e) => (e.stopPropagation(), actions.close(sample.id)) } }),
      ),
      h('canvas', { testid: 'section-canvas', attrs: { 'data-sample': sample.name } }),
    );

  const redraw = () => {
    if (!last) return;
    const { samples, colorBy, dark } = last;
    // draw after layout so the canvases have their size
    requestAnimationFrame(() => {
      el.querySelectorAll('canvas').forEach((c, k) => draw(c, samples[k]!, colorBy, dark));
      el.dataset.drawn = String(samples.length);
    });
  };

  const rerender = (repaint: boolean) => {
    if (!last) return;
    const { samples, activeId } = last;
    if (samples !== shown) {
      clear(el);
      el.append(...samples.map(panel));
      el.dataset.count = String(samples.length);
      shown = samples;
      repaint = true;
    }
    el.querySelectorAll<HTMLElement>('[data-testid=sample-panel]').forEach((p) => p.classList.toggle('active', p.dataset.id === (activeId ?? samples[0]?.id)));
    if (repaint) redraw();
  };

  new ResizeObserver(() => rerender(true)).observe(el);
  return {
    el,
    render(samples, activeId, colorBy, dark) {
      const restyle = !last || last.colorBy !== colorBy || last.dark !== dark;
      last = { samples, activeId, colorBy, dark };
      rerender(restyle);
    },
  };
}
