// The window: builds the views, connects them to the store, the host and the keyboard.

import { columnByName } from '../shared/dataset/cell-table.ts';
import type { OpenPurpose } from '../shared/ipc.ts';
import { askMapping } from './app/mapping-flow.ts';
import { openFiles, type OpenContext } from './app/open.ts';
import { openSampleData } from './app/sample-data.ts';
import { newSimulation } from './app/simulate-flow.ts';
import { activeSample, createStore, type AppState } from './app/store.ts';
import { createHost } from './host/index.ts';
import { coloursFor, effectiveColourColumn } from './scene/cell-colours.ts';
import { ColourBook } from './scene/palette.ts';
import { h } from './views/dom.ts';
import { renderLegend } from './views/legend.ts';
import { renderMessage } from './views/message-banner.ts';
import { createProgress } from './views/progress.ts';
import { renderReport } from './views/report-panel.ts';
import { createSamplesView } from './views/samples-view.ts';
import { renderStatus } from './views/status-bar.ts';
import { createToolbar } from './views/toolbar.ts';
import { createWelcome } from './views/welcome.ts';

const THEME_KEY = 'clonoscope.theme';
const savedTheme = localStorage.getItem(THEME_KEY);
const store = createStore({
  samples: [],
  activeSampleId: null,
  colorBy: null,
  loading: null,
  message: null,
  theme: savedTheme === 'dark' || savedTheme === 'light' ? savedTheme : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
} satisfies AppState);

const fileInput = (purpose: OpenPurpose, testid: string) =>
  h('input', { type: 'file', multiple: true, hidden: true, testid, accept: '.csv,.tsv,.txt,.gz,.json,.tab', attrs: { 'aria-label': purpose === 'cells' ? 'Open cell tables' : 'Open annotation tables' } });
const inputs = { cells: fileInput('cells', 'open-file'), annotation: fileInput('annotation', 'join-file') };
const showError = (text: string) => store.set({ message: { kind: 'error', text } });
const host = createHost(inputs, showError);
const book = new ColourBook();

const ctx: OpenContext = {
  store,
  host,
  askMapping: (sample, ref, siblings, error) => void askMapping(ctx, sample, ref, siblings, error),
};
host.onFiles((purpose, files) => void openFiles(ctx, purpose, files));

const requestMapping = () => {
  const s = activeSample(store.get());
  if (s) ctx.askMapping(s, s.source, s.siblings);
};
const toggleTheme = () => {
  const theme = store.get().theme === 'dark' ? 'light' : 'dark';
  localStorage.setItem(THEME_KEY, theme);
  store.set({ theme });
};

const sampleData = () => void openSampleData(ctx);
const simulate = () => void newSimulation(ctx);
const toolbar = createToolbar(Object.values(inputs), {
  open: () => void host.requestOpen('cells'),
  sampleData,
  simulate,
  join: () => void host.requestOpen('annotation'),
  mapping: requestMapping,
  theme: toggleTheme,
  colourBy: (column) => store.set({ colorBy: column }), // '' = no colouring
  recent: () => host.recent(),
  openRecent: async (entry) => {
    const ref = await host.openRecent(entry);
    if (ref) void openFiles(ctx, 'cells', [ref]);
    else if (host.kind === 'browser') {
      store.set({ message: { kind: 'info', text: `The browser cannot reopen ${entry.name} by itself: choose it again.` } });
      void host.requestOpen('cells');
    }
  },
  clearRecent: () => void host.clearRecent(),
});
const samplesView = createSamplesView(book, {
  activate: (id) => store.set({ activeSampleId: id }),
  close: (id) => {
    const samples = store.get().samples.filter((s) => s.id !== id);
    store.set({ samples, activeSampleId: samples[0]?.id ?? null });
  },
  save: async (id) => {
    const sample = store.get().samples.find((s) => s.id === id);
    if (!sample || sample.source.kind !== 'blob') return;
    const r = await host.saveFile(sample.source.file.name, sample.source.file);
    if (!r.ok) store.set({ message: { kind: 'error', text: r.error.message } });
    else if (r.value) store.set({ message: { kind: 'info', text: host.kind === 'browser' ? `${r.value} was downloaded.` : `Saved ${r.value}.` } });
  },
});
const welcome = createWelcome({ open: () => void host.requestOpen('cells'), sampleData, simulate });
const legend = h('section', { class: 'legend', testid: 'legend' });
const report = h('section', { class: 'report', testid: 'load-report' });
const message = h('div', { class: 'message', testid: 'message' });
const status = h('footer', { class: 'status', testid: 'status', attrs: { 'aria-live': 'polite' } });
const progress = createProgress();
const dropHint = h('div', { class: 'drop-hint', text: 'Drop cell tables, annotation tables or an export folder' });
dropHint.hidden = true;

document.getElementById('app')!.append(
  toolbar.el,
  message,
  progress.el,
  h('main', { class: 'workspace' }, h('div', { class: 'stage' }, welcome, samplesView.el), h('aside', { class: 'sidebar' }, legend, report)),
  status,
  dropHint,
);

function render(state: AppState, previous: AppState | null): void {
  document.documentElement.dataset.theme = state.theme;
  const sample = activeSample(state);
  const colourColumn = sample ? effectiveColourColumn(sample.table, state.colorBy) : null;
  welcome.hidden = state.samples.length > 0;
  samplesView.el.hidden = state.samples.length === 0;
  toolbar.render(sample?.table, colourColumn);
  if (!previous || previous.samples !== state.samples || previous.colorBy !== state.colorBy || previous.theme !== state.theme || previous.activeSampleId !== state.activeSampleId)
    samplesView.render(state.samples, state.activeSampleId, state.colorBy, state.theme === 'dark');
  if (sample) renderLegend(legend, coloursFor(colourColumn ? columnByName(sample.table, colourColumn) : undefined, book).legend);
  else legend.replaceChildren();
  renderReport(report, sample);
  renderStatus(status, state);
  progress.render(state.loading);
  renderMessage(message, state.message, () => store.set({ message: null }));
}
store.subscribe(render);
render(store.get(), null);

// keyboard: in Electron the menu's accelerators send the same commands
window.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Escape' && store.get().loading) return store.get().loading!.cancel();
  if (host.kind === 'electron' || !mod) return;
  const key = e.key.toLowerCase();
  if (key === 'o') {
    e.preventDefault();
    void host.requestOpen(e.shiftKey ? 'annotation' : 'cells');
  } else if (key === 'm') {
    e.preventDefault();
    requestMapping();
  } else if (key === 'n' && e.shiftKey) {
    e.preventDefault();
    simulate();
  }
});
host.onMenu((command) => {
  if (command === 'open') void host.requestOpen('cells');
  else if (command === 'open-annotation') void host.requestOpen('annotation');
  else if (command === 'open-sample-data') sampleData();
  else if (command === 'new-simulation') simulate();
  else if (command === 'column-mapping') requestMapping();
  else if (command === 'toggle-theme') toggleTheme();
  else if (command === 'close-all') store.set({ samples: [], activeSampleId: null, colorBy: null });
});

// drag-and-drop anywhere on the window
let dragDepth = 0;
window.addEventListener('dragenter', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  dropHint.hidden = false;
});
window.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) dropHint.hidden = true;
});
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', async (e) => {
  e.preventDefault();
  dragDepth = 0;
  dropHint.hidden = true;
  if (!e.dataTransfer) return;
  const files = await host.filesFromDrop(e.dataTransfer);
  if (files.length) void openFiles(ctx, 'cells', files);
});

// `npm start` (and the desktop app started without files) opens the sample data
if (new URLSearchParams(location.search).get('open') === 'sample-data' && store.get().samples.length === 0) sampleData();
