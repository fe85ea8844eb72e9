// "New simulated tumour…": preset, number of cells, seed, and an optional metastasis.

import { PRESET_NAMES, PRESETS, type PresetName } from '../../shared/sim/params.ts';
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
  const syncAbout = () => (about.textContent = PRESETS[preset.value as PresetName].description);
  preset.addEventListener('change', syncAbout);
  syncAbout();
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
      if (problem) {
        e.preventDefault();
        error.textContent = problem;
        return;
      }
      resolve({
        preset: preset.value as PresetName,
        cells: n,
        seed: s,
        ...(metMode.value ? { metastasis: { mode: metMode.value as 'late' | 'early', cells: mn, seed: ms } } : {}),
      });
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(null);
    });
  });
}
