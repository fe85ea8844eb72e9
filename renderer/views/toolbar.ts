// The toolbar: open, join annotations, recent files, column mapping, colour by, tools (pan, select,
// draw regions, place biopsies), linked views, the compare and sampling panels, theme.

import type { CellTable } from '../../shared/dataset/cell-table.ts';
import { columnType } from '../../shared/dataset/summary.ts';
import type { Tool } from '../app/store.ts';
import type { RecentEntry } from '../host/types.ts';
import { clear, h, shortcut } from './dom.ts';

export interface ToolbarActions {
  open(): void;
  sampleData(): void;
  simulate(): void;
  join(): void;
  mapping(): void;
  theme(): void;
  colourBy(column: string): void;
  tool(tool: Tool): void;
  link(on: boolean): void;
  compare(): void;
  sampling(): void;
  /** Opens the figure composer. */
  figure(): void;
  /** Saves the workspace (samples, regions, biopsies, settings, figure). */
  saveWorkspace(): void;
  recent(): Promise<RecentEntry[]>;
  openRecent(entry: RecentEntry): void;
  clearRecent(): void;
}

export interface Toolbar {
  readonly el: HTMLElement;
  render(table: CellTable | undefined, colorBy: string | null, tool: Tool, o: { samples: number; linked: boolean; comparing: boolean; sampling: boolean }): void;
}

const TOOLS: readonly [Tool, string, string][] = [
  ['pan', 'Pan', 'Pan: drag to move, wheel to zoom (P)'],
  ['rect', 'Box', 'Rectangle selection: drag a box (R; Shift-drag with any tool)'],
  ['lasso', 'Lasso', 'Lasso selection: draw around cells (L)'],
  ['poly', 'Polygon', 'Draw a region: click its corners, double-click or Enter to close; drag a corner to move it (G)'],
  ['free', 'Freehand', 'Draw a region freehand: drag around it (F)'],
  ['punch', 'Punch', 'Place a punch biopsy: click, or drag from its centre to size it; drag a biopsy to move it, its handle to resize; Delete removes (B)'],
  ['needle', 'Needle', 'Place a needle core: drag along it, or click for the current size; drag its ends to rotate, its side handle to widen (N)'],
];

export function createToolbar(inputs: HTMLInputElement[], a: ToolbarActions): Toolbar {
  const colourBy = h('select', { testid: 'color-by', title: 'Colour the cells by a column', on: { change: () => a.colourBy(colourBy.value) } });
  const recentList = h('ul', { class: 'popover', testid: 'recent-list' });
  recentList.hidden = true;
  const recentButton = h('button', {
    text: 'Recent ▾',
    testid: 'recent-button',
    title: 'Reopen a recent file',
    on: {
      click: async () => {
        if (!recentList.hidden) return void (recentList.hidden = true);
        const entries = await a.recent();
        clear(recentList);
        if (entries.length === 0) recentList.append(h('li', { class: 'muted', text: 'No recent files' }));
        for (const e of entries)
          recentList.append(h('li', {}, h('button', { text: e.name, title: e.path, testid: 'recent-item', on: { click: () => ((recentList.hidden = true), a.openRecent(e)) } })));
        if (entries.length) recentList.append(h('li', {}, h('button', { class: 'muted', text: 'Clear recent files', on: { click: () => ((recentList.hidden = true), a.clearRecent()) } })));
        recentList.hidden = false;
      },
    },
  });
  document.addEventListener('click', (e) => {
    if (!recentList.hidden && !recentList.contains(e.target as Node) && e.target !== recentButton) recentList.hidden = true;
  });
  const mappingButton = h('button', { text: 'Columns…', testid: 'mapping-button', title: `Choose which columns are x, y, id, clone, region… (${shortcut('Ctrl+M')})`, on: { click: a.mapping } });
  const joinButton = h('button', { text: 'Join annotations…', testid: 'join-button', title: `Add columns (clusters, clone calls, cell types) from another table, matched by cell id (${shortcut('Ctrl+Shift+O')})`, on: { click: a.join } });
  const toolButtons = TOOLS.map(([tool, icon, title]) => h('button', { text: icon, title, class: 'tool', testid: `tool-${tool}`, attrs: { 'aria-label': title, 'aria-pressed': 'false' }, on: { click: () => a.tool(tool) } }));
  const toolGroup = h('span', { class: 'tools', attrs: { role: 'group', 'aria-label': 'Tools' } }, ...toolButtons);
  const linkButton = h('button', { text: 'Link', class: 'tool', testid: 'link-views', title: 'Link views: pan and zoom all sections together (same µm per pixel)', attrs: { 'aria-pressed': 'false' } });
  linkButton.addEventListener('click', () => a.link(linkButton.getAttribute('aria-pressed') !== 'true'));
  const samplingButton = h('button', { text: 'Sampling', class: 'tool', testid: 'sampling-button', title: 'Monte Carlo sampling: how often k biopsies detect each clone, by design (S)', attrs: { 'aria-pressed': 'false' }, on: { click: () => a.sampling() } });
  const compareButton = h('button', { text: 'Compare', class: 'tool', testid: 'compare-button', title: 'Compare the samples: composition, diversity, divergence, mutations (C)', attrs: { 'aria-pressed': 'false' }, on: { click: () => a.compare() } });
  const figureButton = h('button', { text: 'Figure…', testid: 'export-figure', title: `Compose and export a figure: PNG at a chosen DPI, SVG, PDF (${shortcut('Ctrl+E')})`, on: { click: () => a.figure() } });
  const saveButton = h('button', { text: 'Save', testid: 'save-workspace', title: `Save the workspace: samples, regions, biopsies, settings and figure, as a .clonoscope.json file (${shortcut('Ctrl+S')})`, on: { click: () => a.saveWorkspace() } });
  const el = h(
    'header',
    { class: 'toolbar', attrs: { role: 'toolbar' } },
    h('strong', { class: 'brand', text: 'Clonoscope' }),
    h('button', { text: 'Open…', class: 'primary', testid: 'open-button', title: `Open cell or spot tables (${shortcut('Ctrl+O')})`, on: { click: a.open } }),
    ...inputs,
    joinButton,
    h('span', { class: 'recent' }, recentButton, recentList),
    h('button', { text: 'Sample data', testid: 'sample-data-button', title: 'Open the bundled sample data: a simulated primary tumour and its metastasis', on: { click: a.sampleData } }),
    h('button', { text: 'Simulate…', testid: 'simulate-button', title: `New simulated tumour: a tumour whose truth is known (${shortcut('Ctrl+Shift+N')})`, on: { click: a.simulate } }),
    mappingButton,
    h('label', { class: 'colour-by' }, h('span', { text: 'Colour by' }), colourBy),
    toolGroup,
    linkButton,
    compareButton,
    samplingButton,
    figureButton,
    h('span', { class: 'spacer' }),
    saveButton,
    h('button', { text: '◐', testid: 'theme-toggle', title: 'Light / dark theme', attrs: { 'aria-label': 'Toggle theme' }, on: { click: a.theme } }),
  );
  return {
    el,
    render(table, colorBy, tool, o) {
      toolButtons.forEach((b, k) => b.setAttribute('aria-pressed', String(TOOLS[k]![0] === tool)));
      linkButton.setAttribute('aria-pressed', String(o.linked));
      linkButton.disabled = o.samples < 2;
      compareButton.setAttribute('aria-pressed', String(o.comparing));
      compareButton.disabled = o.samples < 1;
      samplingButton.setAttribute('aria-pressed', String(o.sampling));
      samplingButton.disabled = o.samples < 1;
      figureButton.disabled = o.samples < 1;
      saveButton.disabled = o.samples < 1;
      mappingButton.disabled = !table;
      joinButton.disabled = !table;
      colourBy.disabled = !table;
      clear(colourBy);
      if (!table) return;
      const cats = table.columns.filter((c) => c.kind === 'category' && columnType(c) === 'category');
      const nums = table.columns.filter((c) => c.kind === 'number' && columnType(c) === 'number');
      colourBy.append(h('option', { value: '', text: '(none)' }));
      if (cats.length) colourBy.append(h('optgroup', { label: 'Categories' }, ...cats.map((c) => h('option', { value: c.name, text: c.name }))));
      if (nums.length) colourBy.append(h('optgroup', { label: 'Numbers' }, ...nums.map((c) => h('option', { value: c.name, text: c.name }))));
      colourBy.value = colorBy ?? '';
    },
  };
}
