// Overlays and point size: region polygons (fill opacity, outline, labels), clone territories
// (level, opacity), and the size of the cells' marks (automatic, µm, or screen pixels).

import type { OverlaySettings, PointSizeSetting } from '../app/store.ts';
import { h } from './dom.ts';

export interface LayersActions {
  overlays(patch: Partial<OverlaySettings>): void;
  pointSize(setting: PointSizeSetting): void;
}

export function createLayersPanel(a: LayersActions): { el: HTMLElement; render(o: OverlaySettings, p: PointSizeSetting, units: 'um' | 'px', note: string): void } {
  const check = (testid: string, text: string, title: string, on: (v: boolean) => void) => {
    const input = h('input', { type: 'checkbox', testid, on: { change: () => on(input.checked) } });
    return { input, el: h('label', { class: 'check', title }, input, h('span', { text })) };
  };
  const slider = (testid: string, title: string, on: (v: number) => void) => {
    const input = h('input', { type: 'range', min: '0', max: '1', step: '0.05', testid, title, on: { input: () => on(Number(input.value)) } });
    return input;
  };
  const regions = check('layer-regions', 'Regions', 'Region outlines: from shapes opened with the sample, else from the cells of the region column', (v) => a.overlays({ regions: v }));
  const outline = check('layer-region-outline', 'outline', 'Draw region outlines', (v) => a.overlays({ regionOutline: v }));
  const labels = check('layer-region-labels', 'labels', 'Region names on the map', (v) => a.overlays({ regionLabels: v }));
  const fill = slider('layer-region-fill', 'Region fill opacity', (v) => a.overlays({ regionFill: v }));
  const territories = check('layer-territories', 'Clone territories', 'Dashed outlines where each clone holds at least the chosen share of the tumour cells', (v) => a.overlays({ territories: v }));
  const level = slider('layer-territory-level', 'Share of tumour cells a clone must hold inside its outline', (v) => a.overlays({ territoryLevel: Math.max(0.05, Math.min(0.95, v)) }));
  const opacity = slider('layer-territory-opacity', 'Territory outline opacity', (v) => a.overlays({ territoryOpacity: v }));
  const levelText = h('span', { class: 'muted' });
  const sizeMode = h('select', { testid: 'point-size-mode', title: 'Size of each cell: automatic (from cell spacing), a diameter in µm, or fixed screen pixels' }, h('option', { value: 'auto', text: 'auto' }), h('option', { value: 'um', text: 'µm' }), h('option', { value: 'px', text: 'screen px' }));
  const sizeValue = h('input', { type: 'number', min: '0.1', step: 'any', testid: 'point-size-value', title: 'Cell mark diameter' });
  const sizeChanged = () => a.pointSize({ mode: sizeMode.value as PointSizeSetting['mode'], value: Math.max(0.1, Number(sizeValue.value) || 1) });
  sizeMode.addEventListener('change', () => {
    sizeValue.value = sizeMode.value === 'um' ? '10' : '3';
    sizeChanged();
  });
  sizeValue.addEventListener('change', sizeChanged);
  const noteEl = h('p', { class: 'muted note', testid: 'layers-note' });
  const el = h(
    'section',
    { class: 'layers', testid: 'layers' },
    h('h3', { text: 'Layers' }),
    h('div', { class: 'row' }, regions.el, outline.el, labels.el),
    h('label', { class: 'slider' }, h('span', { text: 'fill' }), fill),
    h('div', { class: 'row' }, territories.el, levelText),
    h('label', { class: 'slider' }, h('span', { text: 'level' }), level),
    h('label', { class: 'slider' }, h('span', { text: 'opacity' }), opacity),
    h('div', { class: 'row' }, h('span', { text: 'Cell size' }), sizeMode, sizeValue),
    noteEl,
  );
  return {
    el,
    render(o, p, units, note) {
      noteEl.textContent = note;
      noteEl.hidden = !note;
      regions.input.checked = o.regions;
      outline.input.checked = o.regionOutline;
      labels.input.checked = o.regionLabels;
      fill.value = String(o.regionFill);
      territories.input.checked = o.territories;
      level.value = String(o.territoryLevel);
      opacity.value = String(o.territoryOpacity);
      levelText.textContent = `≥ ${Math.round(o.territoryLevel * 100)} % of tumour cells`;
      for (const input of [outline.input, labels.input, fill]) input.disabled = !o.regions;
      for (const input of [level, opacity]) input.disabled = !o.territories;
      sizeMode.value = p.mode;
      sizeValue.value = String(p.value);
      sizeValue.disabled = p.mode === 'auto';
      (sizeMode.options[1] as HTMLOptionElement).textContent = units === 'um' ? 'µm' : 'px (section)';
    },
  };
}
