// "New simulated tumour…": preset, number of cells, seed, and an optional metastasis.

import { addOverride, type Overrides } from '../../shared/sim/overrides.ts';
import { PRESET_NAMES, PRESETS, presetParams, type PresetName } from '../../shared/sim/params.ts';
import type { SimulateRequest } from '../workers/simulate.worker.ts';
import { h } from './dom.ts';

const MAX_CELLS = 2_000_000;

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000;
}

export function showSimulateDialog(): Promise<SimulateRequest | null> {
  const preset = h('select', { name: 'preset', testid: 'sim-preset' }, ...PRESET_NAMES.map((p) => h('option', { value: p, text: PRESETS[p].label })));
  preset.value = 'selective-sweep';
  const about = h('p', { class: 'muted', testid: 'sim-preset-about' });
  const model = modelFields();
  const syncPreset = () => {
    about.textContent = PRESETS[preset.value as PresetName].description;
    model.reset(preset.value as PresetName);
  };
  preset.addEventListener('change', syncPreset);
  syncPreset();
  const cells = h('input', { type: 'number', name: 'cells', min: '100', max: String(MAX_CELLS), step: '1', value: '20000', required: true, testid: 'sim-cells' });
  const seed = h('input', { type: 'number', name: 'seed', min: '0', max: '4294967295', step: '1', value: '1', required: true, testid: 'sim-seed' });
  const reseed = h('button', { type: 'button', text: 'New seed', title: 'Pick a random seed (it is shown, so the tumour can be made again)', on: { click: () => (seed.value = String(randomSeed())) } });
  const metMode = h('select', { name: 'metastasis', testid: 'sim-metastasis' }, h('option', { value: '', text: 'none' }), h('option', { value: 'late', text: 'late divergence (from a subclone)' }), h('option', { value: 'early', text: 'early divergence (before the last sweep)' }));
  const metCells = h('input', { type: 'number', name: 'metCells', min: '100', max: String(MAX_CELLS), step: '1', value: '5000', testid: 'sim-met-cells' });
  const metSeed = h('input', { type: 'number', name: 'metSeed', min: '0', max: '4294967295', step: '1', value: '2', testid: 'sim-met-seed' });
  const syncMet = () => (metCells.disabled = metSeed.disabled = metMode.value === '');
  metMode.addEventListener('change', syncMet);
  syncMet();
  const error = h('p', { class: 'error', testid: 'sim-error' });
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { text: 'New simulated tumour' }),
    h('p', { class: 'muted', text: 'A 2D lattice model with known truth (clones, regions, markers), for showing sampling effects. Same preset, size and seed give the same tumour.' }),
    h(
      'div',
      { class: 'grid' },
      h('label', {}, h('span', { text: 'Growth pattern' }), preset),
      h('label', {}, h('span', { text: 'Tumour cells' }), cells),
      h('label', {}, h('span', { text: 'Seed' }), h('span', { class: 'row' }, seed, reseed)),
      h('label', {}, h('span', { text: 'Metastasis' }), metMode),
      h('label', {}, h('span', { text: 'Metastasis cells' }), metCells),
      h('label', {}, h('span', { text: 'Metastasis seed' }), metSeed),
    ),
    about,
    model.el,
    error,
    h('menu', {}, h('button', { value: 'cancel', text: 'Cancel', formNoValidate: true, testid: 'sim-cancel' }), h('button', { value: 'run', class: 'primary', text: 'Simulate', testid: 'sim-run' })),
  );
  const dialog = h('dialog', { class: 'mapping simulate', testid: 'simulate-dialog' }, form);
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    form.addEventListener('submit', (e) => {
      if ((e as SubmitEvent).submitter?.getAttribute('value') !== 'run') return;
      const n = Number(cells.value), s = Number(seed.value), mn = Number(metCells.value), ms = Number(metSeed.value);
      const whole = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
      const problem = !whole(n, 100, MAX_CELLS)
        ? `Tumour cells must be a whole number from 100 to ${MAX_CELLS.toLocaleString('en')}.`
        : !whole(s, 0, 4294967295)
          ? 'The seed must be a whole number from 0 to 4294967295.'
          : metMode.value && !whole(mn, 100, MAX_CELLS)
            ? `Metastasis cells must be a whole number from 100 to ${MAX_CELLS.toLocaleString('en')}.`
            : metMode.value && !whole(ms, 0, 4294967295)
              ? 'The metastasis seed must be a whole number from 0 to 4294967295.'
              : null;
      const overrides = model.read();
      const bad = problem ?? (typeof overrides === 'string' ? overrides : null);
      if (bad) {
        e.preventDefault();
        error.textContent = bad;
        return;
      }
      resolve({
        preset: preset.value as PresetName,
        cells: n,
        seed: s,
        ...(metMode.value ? { metastasis: { mode: metMode.value as 'late' | 'early', cells: mn, seed: ms } } : {}),
        overrides: overrides as Overrides,
      });
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(null);
    });
  });
}

/** The model's parameters, prefilled from the preset (SCIENCE.md §2.6); collapsed by default. */
function modelFields(): { el: HTMLElement; reset(p: PresetName): void; read(): Overrides | string } {
  const fields: [key: string, label: string, input: HTMLInputElement | HTMLSelectElement][] = [
    ['mode', 'Growth mode', h('select', {}, ...['push', 'eden', 'random-neighbour'].map((v) => h('option', { value: v, text: v })))],
    ['lattice', 'Lattice', h('select', {}, ...['hex', 'moore', 'neumann'].map((v) => h('option', { value: v, text: v })))],
    ['death', 'Death rate d (birth b = 1)', h('input', { type: 'number', step: 'any', min: '0' })],
    ['pDriver', 'Driver probability per division', h('input', { type: 'number', step: 'any', min: '0', max: '1' })],
    ['sDriver', 'Driver effect s (birth × 1+s)', h('input', { type: 'number', step: 'any' })],
    ['mu', 'Neutral mutations per division', h('input', { type: 'number', step: 'any', min: '0' })],
    ['nTruncal', 'Truncal mutations', h('input', { type: 'number', step: '1', min: '0' })],
    ['frontWidthUm', 'Invasive front width (µm)', h('input', { type: 'number', step: 'any', min: '0' })],
  ];
  for (const [key, , input] of fields) input.dataset.testid = `sim-${key}`;
  const el = h('details', { class: 'model' }, h('summary', { text: 'Model parameters' }), h('div', { class: 'grid' }, ...fields.map(([, label, input]) => h('label', {}, h('span', { text: label }), input))));
  return {
    el,
    reset(p) {
      const params = presetParams(p);
      const values: Record<string, unknown> = { ...params.growth, ...params.tissue };
      for (const [key, , input] of fields) input.value = String(values[key]);
    },
    read() {
      const o: Overrides = { growth: {}, tissue: {} };
      for (const [key, label, input] of fields) {
        const problem = addOverride(o, `${key}=${input.value}`);
        if (problem) return `${label}: ${problem}`;
      }
      return o;
    },
  };
}
