// The window: builds the views, connects them to the store, the host and the keyboard.

import { columnByName } from '../shared/dataset/cell-table.ts';
import type { OpenPurpose } from '../shared/ipc.ts';
import { askMapping } from './app/mapping-flow.ts';
import { openFiles, type OpenContext } from './app/open.ts';
import { openSampleData } from './app/sample-data.ts';
import { installDrop, installShortcuts } from './app/shortcuts.ts';
import { newSimulation } from './app/simulate-flow.ts';
import { activeSample, createStore, DEFAULT_NUMERIC, DEFAULT_OVERLAYS, type AppState, type Sample, type Tool } from './app/store.ts';
import { layersActions, legendActions, selectCells } from './app/view-actions.ts';
import { createHost } from './host/index.ts';
import { effectiveColourColumn } from './scene/colour-column.ts';
import { colouringFor, sharedLimits } from './scene/colouring.ts';
import { ColourBook } from './scene/palette.ts';
import { DEFAULT_REGION_SETTINGS, type RegionSettings } from './scene/sample-regions.ts';
import { h } from './views/dom.ts';
import { renderCompare } from './views/compare-panel.ts';
import { createLayersPanel } from './views/layers-panel.ts';
import { renderLegend } from './views/legend.ts';
import { renderMessage } from './views/message-banner.ts';
import { createProgress } from './views/progress.ts';
import { renderRegions } from './views/regions-panel.ts';
import { renderReport } from './views/report-panel.ts';
import { SectionsView } from './views/sections-view.ts';
import { renderSelection } from './views/selection-panel.ts';
import { askName } from './views/ask-name.ts';
import { createSampleEdits } from './app/sample-edits.ts';
import { renderBiopsies } from './views/biopsy-panel.ts';
import { SamplingPanel } from './views/sampling-panel.ts';
import type { BiopsyEdit } from './views/section-view.ts';
import type { BiopsyTemplate } from '../shared/analysis/biopsy/geometry.ts';
import { renderStatus, type LiveCounts } from './views/status-bar.ts';
import { createToolbar } from './views/toolbar.ts';
import { createExports } from './app/exports.ts';
import { createWorkspaceSession } from './app/workspace/session.ts';
import { isWorkspaceName, refName, type FileRef } from './host/types.ts';
import { buildFigure } from './figure/build.ts';
import { chartUnavailable, type ChartSources } from './figure/chart-panel.ts';
import { figureName } from './figure/name.ts';
import { FigureComposer } from './views/figure-composer.ts';
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
  hidden: {},
  numeric: {},
  pointSize: { mode: 'auto', value: 3 },
  overlays: DEFAULT_OVERLAYS,
  tool: 'pan',
  selection: null,
  colourVersion: 0,
  linkViews: false,
  referenceSampleId: null,
  comparing: false,
  compareBy: null,
  cloneTree: null,
  biopsyTemplate: { kind: 'punch', radius: 500 },
  pickedBiopsy: null,
  sampling: false,
  regionSettings: DEFAULT_REGION_SETTINGS,
  figure: null,
} satisfies AppState);

const fileInput = (purpose: OpenPurpose, testid: string) =>
  h('input', { type: 'file', multiple: true, hidden: true, testid, accept: '.csv,.tsv,.txt,.gz,.json,.tab', attrs: { 'aria-label': purpose === 'cells' ? 'Open cell tables' : 'Open annotation tables' } });
const inputs = { cells: fileInput('cells', 'open-file'), annotation: fileInput('annotation', 'join-file') };
const showError = (text: string) => store.set({ message: { kind: 'error', text } });
const host = createHost(inputs, showError);
const book = new ColourBook();
const exports = createExports(store, host);

const ctx: OpenContext = {
  store,
  host,
  askMapping: (sample, ref, siblings, error) => void askMapping(ctx, sample, ref, siblings, error),
};
/** Files chosen or dropped: a workspace among them is opened (with the others as its data files); else they open as tables. */
async function openChosen(purpose: OpenPurpose, files: readonly FileRef[]): Promise<void> {
  const ws = files.find((f) => isWorkspaceName(refName(f)));
  if (!ws) return openFiles(ctx, purpose, files);
  const text = await host.readWorkspace(ws);
  if (!text.ok) return store.set({ message: { kind: 'error', text: text.error.message } });
  await session.open(text.value, files.filter((f) => f !== ws));
}
host.onFiles((purpose, files) => void openChosen(purpose, files));

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
  tool: (tool) => chooseTool(tool),
  link: (on) => store.set({ linkViews: on }),
  compare: () => store.set({ comparing: !store.get().comparing }),
  sampling: () => store.set({ sampling: !store.get().sampling }),
  figure: () => openFigure(),
  saveWorkspace: () => void session.save(false),
  recent: () => host.recent(),
  openRecent: async (entry) => {
    const ref = await host.openRecent(entry);
    if (ref) void openChosen('cells', [ref]); // a table, or a workspace
    else if (host.kind === 'browser') {
      store.set({ message: { kind: 'info', text: `The browser cannot reopen ${entry.name} by itself: choose it again.` } });
      void host.requestOpen('cells');
    }
  },
  clearRecent: () => void host.clearRecent(),
});
let live: LiveCounts | undefined;
/** Picking the punch or needle tool makes the next biopsy of that kind (a 1 mm core, an 18 G needle). */
function chooseTool(tool: Tool): void {
  const t = store.get().biopsyTemplate;
  if (tool === 'punch' && t.kind !== 'punch') store.set({ tool, biopsyTemplate: { kind: 'punch', radius: 500 } });
  else if (tool === 'needle' && t.kind !== 'needle') store.set({ tool, biopsyTemplate: { kind: 'needle', length: 10_000, width: 800, angleDeg: 0 } });
  else store.set({ tool });
}
const edits = createSampleEdits(store);
const sections = new SectionsView(book, {
  activate: (id) => store.get().activeSampleId !== id && store.set({ activeSampleId: id }),
  close: (id) => {
    const samples = store.get().samples.filter((s) => s.id !== id);
    store.set({ samples, activeSampleId: samples[0]?.id ?? null, ...(store.get().selection?.sampleId === id ? { selection: null } : {}) });
  },
  save: (id) => {
    const sample = store.get().samples.find((s) => s.id === id);
    if (sample?.source.kind === 'blob') void exports.save(sample.source.file.name, sample.source.file);
  },
  select: (sampleId, outline, cells) => selectCells(store, sampleId, outline, cells),
  viewed: (sampleId, view, moving) => {
    if (store.get().linkViews) sections.follow(sampleId, view, moving);
    if (!moving) refreshLive();
  },
  site: (sampleId, site, siteName) => store.set({ samples: store.get().samples.map((s) => (s.id === sampleId ? { ...s, site, ...(siteName ? { siteName } : {}) } : s)) }),
  drawRegion: async (sampleId, ring) => {
    const sample = store.get().samples.find((s) => s.id === sampleId);
    const name = await askName('Name of the new region', `region ${(sample?.shapes?.length ?? 0) + 1}`);
    if (!name) return;
    edits.shapes(sampleId, (shapes) => [...shapes, { name, rings: [ring] }]);
    store.set({ regionSettings: { ...store.get().regionSettings, source: 'shapes' } });
  },
  moveVertex: (sampleId, shape, ring, vertex, x, y) =>
    edits.shapes(sampleId, (shapes) =>
      shapes.map((p, k) => {
        if (k !== shape) return p;
        const rings = p.rings.map((r, j) => {
          if (j !== ring) return r;
          const copy = Float64Array.from(r);
          copy[2 * vertex] = x;
          copy[2 * vertex + 1] = y;
          return copy;
        });
        return { ...p, rings };
      }),
    ),
  biopsy: (sampleId, edit) => edits.biopsy(sampleId, edit),
  cursor: (_sampleId, at) => {
    live = { ...(live ?? { shown: 0, inView: 0 }), cursor: at };
    renderStatus(status, store.get(), live);
  },
});
const onLegend = legendActions(store, book);
const layers = createLayersPanel(layersActions(store));
const selectionPanel = h('section', { class: 'selection', testid: 'selection' });
const comparePanel = h('section', { class: 'compare', testid: 'compare-panel' });
const regionsPanel = h('section', { class: 'regions', testid: 'regions' });
const samplingPanel = new SamplingPanel({ book, saveChart: exports.saveChart, saveTable: exports.saveTable });
const biopsyPanel = h('section', { class: 'biopsies', testid: 'biopsy-panel' });
const biopsyActions = {
  template: (t: BiopsyTemplate) => store.set({ biopsyTemplate: t }),
  edit: (sampleId: string, e: BiopsyEdit) => edits.biopsy(sampleId, e),
  tool: (tool: Tool) => chooseTool(tool),
  centre: (sampleId: string) => sections.view(sampleId)?.centre() ?? null,
  saveTable: exports.saveTable,
};
const regionActions = {
  settings: (patch: Partial<RegionSettings>) => store.set({ regionSettings: { ...store.get().regionSettings, ...patch } }),
  save: (name: string, data: Blob) => void exports.save(name, data),
  rename: (sampleId: string, from: string, to: string) => edits.shapes(sampleId, (shapes) => shapes.map((p) => (p.name === from ? { ...p, name: to } : p))),
  remove: (sampleId: string, name: string) => edits.shapes(sampleId, (shapes) => shapes.filter((p) => p.name !== name)),
};
const compareActions = {
  by: (column: string) => store.set({ compareBy: column }),
  reference: (sampleId: string) => store.set({ referenceSampleId: sampleId }),
  saveChart: exports.saveChart,
  saveTable: exports.saveTable,
};
const chartSources: ChartSources = {
  get state() {
    return store.get();
  },
  book,
  latestRun: () => samplingPanel.latest(),
  runs: () => samplingPanel.strategies(),
  view: (id) => sections.view(id)?.viewNow() ?? null,
};
const composer = new FigureComposer({
  change: (figure) => store.set({ figure }),
  build: (spec) => buildFigure(spec, chartSources),
  export: (spec, svg, format) => exports.exportFigure(spec, svg, format, figureName(spec, store.get().samples)),
  unavailable: (kind) => chartUnavailable(kind, chartSources),
});
const session = createWorkspaceSession({
  ctx,
  book,
  edits,
  view: (id) => sections.view(id)?.savedView() ?? null,
  showView: (id, v) => sections.view(id)?.showView(v),
  sampling: samplingPanel,
  app: `Clonoscope ${__APP_VERSION__}`,
});
const openFigure = () => store.get().samples.length > 0 && composer.show(store.get(), store.get().figure);
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
  h('main', { class: 'workspace' }, h('div', { class: 'stage' }, welcome, sections.el, comparePanel, samplingPanel.el), h('aside', { class: 'sidebar' }, legend, selectionPanel, biopsyPanel, regionsPanel, layers.el, report)),
  status,
  dropHint,
);

/** Shown / in-view counts of the active sample, recounted when the view settles. */
let liveTimer = 0;
function refreshLive(): void {
  window.clearTimeout(liveTimer);
  liveTimer = window.setTimeout(() => {
    const state = store.get();
    const view = sections.view(activeSample(state)?.id ?? null);
    if (!view) return;
    live = { ...view.visibleCount(), cursor: live?.cursor ?? null };
    renderStatus(status, state, live);
  }, 200);
}

let previousState: AppState | null = null;
let previousBiopsyKey: unknown[] | null = null;
let previousRegions: { sample: Sample | undefined; settings: RegionSettings; colourVersion: number } | null = null;
function render(state: AppState): void {
  document.documentElement.dataset.theme = state.theme;
  const sample = activeSample(state);
  if (previousState && previousState.activeSampleId !== state.activeSampleId) live = undefined; // counts were another sample's
  const colourColumn = sample ? effectiveColourColumn(sample.table, state.colorBy) : null;
  welcome.hidden = state.samples.length > 0;
  sections.el.hidden = state.samples.length === 0;
  for (const panel of [legend, layers.el]) panel.hidden = !sample;
  toolbar.render(sample?.table, colourColumn, state.tool, { samples: state.samples.length, linked: state.linkViews, comparing: state.comparing, sampling: state.sampling });
  sections.update(state);
  if (sample) {
    const numeric = (colourColumn && state.numeric[colourColumn]) || DEFAULT_NUMERIC;
    const hidden = (colourColumn && state.hidden[colourColumn]) || [];
    const shared = colourColumn ? sharedLimits(state.samples.map((s) => s.table), colourColumn, numeric.log) : null;
    renderLegend(legend, colouringFor(colourColumn ? columnByName(sample.table, colourColumn) : undefined, book, { hidden, ...numeric, shared }).legend, onLegend);
    layers.render(state.overlays, state.pointSize, sample.table.units, sections.view(sample.id)?.overlayNote ?? '');
  }
  renderSelection(selectionPanel, sample, state.selection, colourColumn, book, { clear: () => store.set({ selection: null }), zoom: () => sections.view(sample?.id ?? null)?.zoomToSelection() });
  comparePanel.hidden = !state.comparing || state.samples.length === 0;
  if (!comparePanel.hidden && (!previousState || previousState.samples !== state.samples || previousState.compareBy !== state.compareBy || previousState.referenceSampleId !== state.referenceSampleId || previousState.cloneTree !== state.cloneTree || previousState.theme !== state.theme || previousState.colourVersion !== state.colourVersion || previousState.regionSettings !== state.regionSettings || !previousState.comparing))
    renderCompare(comparePanel, { samples: state.samples, by: state.compareBy, referenceId: state.referenceSampleId, tree: state.cloneTree, dark: state.theme === 'dark', regions: state.regionSettings }, book, compareActions);
  samplingPanel.el.hidden = !state.sampling || state.samples.length === 0;
  if (!samplingPanel.el.hidden) samplingPanel.update(state);
  previousState = state;
  if (!previousRegions || previousRegions.sample !== sample || previousRegions.settings !== state.regionSettings || previousRegions.colourVersion !== state.colourVersion)
    renderRegions(regionsPanel, sample, state.regionSettings, book, regionActions);
  previousRegions = { sample, settings: state.regionSettings, colourVersion: state.colourVersion };
  const biopsyKey = [sample, state.samples, state.biopsyTemplate, state.pickedBiopsy, state.cloneTree, state.regionSettings, state.tool, state.colourVersion];
  if (!previousBiopsyKey || biopsyKey.some((v, k) => v !== previousBiopsyKey![k]))
    renderBiopsies(biopsyPanel, { sample, samples: state.samples, template: state.biopsyTemplate, picked: sample && state.pickedBiopsy?.sampleId === sample.id ? state.pickedBiopsy.index : null, tree: state.cloneTree?.tree, regions: state.regionSettings, tool: state.tool }, book, biopsyActions);
  previousBiopsyKey = biopsyKey;
  renderReport(report, sample);
  renderStatus(status, state, live);
  refreshLive();
  progress.render(state.loading);
  renderMessage(message, state.message, () => store.set({ message: null }));
}
store.subscribe(render);
render(store.get());

installShortcuts(store, host, {
  open: (purpose) => void host.requestOpen(purpose),
  mapping: requestMapping,
  simulate,
  tool: (tool) => chooseTool(tool),
  compare: () => store.set({ comparing: !store.get().comparing }),
  sampling: () => store.set({ sampling: !store.get().sampling }),
  undo: edits.undo,
  redo: edits.redo,
  figure: openFigure,
  save: (as) => void session.save(as),
});
host.onMenu((command) => {
  if (command === 'open') void host.requestOpen('cells');
  else if (command === 'open-annotation') void host.requestOpen('annotation');
  else if (command === 'open-sample-data') sampleData();
  else if (command === 'new-simulation') simulate();
  else if (command === 'column-mapping') requestMapping();
  else if (command === 'toggle-theme') toggleTheme();
  else if (command === 'export-figure') openFigure();
  else if (command === 'undo' || command === 'redo') {
    // a text field keeps its own undo; elsewhere the region and biopsy edits are undone
    const el = document.activeElement;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) document.execCommand(command);
    else if (command === 'undo') edits.undo();
    else edits.redo();
  }
  else if (command === 'open-workspace') void host.requestWorkspace();
  else if (command === 'save-workspace') void session.save(false);
  else if (command === 'save-workspace-as') void session.save(true);
  else if (command === 'save-and-close') void session.save(false).then((saved) => host.closeAfterSave(saved));
  else if (command === 'close-all') store.set({ samples: [], activeSampleId: null, colorBy: null, selection: null });
});
installDrop(host, dropHint, (files) => void openChosen('cells', files));
host.onWorkspace((ws) => void session.open(ws));

// follow the OS between light and dark until the user picks a theme
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
  if (!localStorage.getItem(THEME_KEY)) store.set({ theme: e.matches ? 'dark' : 'light' });
});
void host.renderingNote().then((note) => note && !store.get().message && store.set({ message: { kind: 'info', text: note } }));

// unsaved work of a session that ended without saving is offered back first; then `npm start`
// (and the desktop app started without files) opens the sample data
void session.offerRecovery().then((recovered) => {
  if (!recovered && new URLSearchParams(location.search).get('open') === 'sample-data' && store.get().samples.length === 0) sampleData();
});
