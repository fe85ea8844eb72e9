// What a new user sees before anything is open: how to open a file, and what can be opened.

import { h, shortcut } from './dom.ts';

const FORMATS = [
  ['10x Visium', 'tissue_positions(_list).csv, with scalefactors_json.json for µm'],
  ['10x Xenium', 'cells.csv(.gz)'],
  ['Vizgen MERSCOPE', 'cell_metadata.csv, detected_transcripts.csv'],
  ['NanoString CosMx', '*_metadata_file.csv, *_tx_file.csv'],
  ['MCMICRO', 'quantification CSV'],
  ['QuPath', 'measurement exports (TSV)'],
  ['HALO', 'object data CSV'],
  ['Akoya inForm', '*_cell_seg_data.txt'],
  ['steinbock (IMC)', 'regionprops + intensities'],
  ['CellProfiler', 'per-object CSV'],
  ['CODEX / PhenoCycler', 'cell tables'],
  ['Any table', 'with x/y columns; comma, tab or semicolon; gzip'],
];

export function createWelcome(actions: { open(): void; sampleData(): void; simulate(): void }): HTMLElement {
  return h(
    'section',
    { class: 'welcome', testid: 'welcome' },
    h('h1', { text: 'Clonoscope' }),
    h('p', { class: 'lede', text: 'See intratumoral heterogeneity, and show what a biopsy would miss.' }),
    h(
      'p',
      { class: 'actions' },
      h('button', { class: 'primary', text: `Open a cell table… (${shortcut('Ctrl+O')})`, on: { click: actions.open } }),
      h('button', { text: 'Open the sample data', testid: 'welcome-sample-data', on: { click: actions.sampleData } }),
      h('button', { text: 'New simulated tumour…', on: { click: actions.simulate } }),
    ),
    h('p', { class: 'muted', text: 'or drop files or a whole export folder on this window. Several files open side by side; annotation tables (clusters, clone calls) chosen with them are joined by id.' }),
    h('table', { class: 'formats' }, h('tbody', {}, ...FORMATS.map(([a, b]) => h('tr', {}, h('td', { text: a }), h('td', { text: b }))))),
  );
}
