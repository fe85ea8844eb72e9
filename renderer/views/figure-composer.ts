// The figure composer (Export figure…, Ctrl+E): page size, background, font, a grid of panels
// (sections — whole or one region — and charts), letters, titles, legend and scale bars, on the
// left; on the right the figure itself — the SVG that is written, so what is seen is what the file
// holds. Exports PNG at the chosen DPI, SVG, PDF, or copies a PNG to the clipboard.

import type { AppState, Sample } from '../app/store.ts';
import { DEFAULT_FIGURE, figureProblem, MAX_DPI, MIN_DPI, PRESET_SIZES_MM, type FigurePanel, type FigurePreset, type FigureSpec, type PanelKind } from '../scene/figure-layout.ts';
import { sampleRegions } from '../scene/sample-regions.ts';
import { clear, h } from './dom.ts';
import { sampleTitle } from '../figure/name.ts';

import type { FigureFormat } from '../app/exports.ts';

export interface ComposerActions {
  /** The spec changed (kept in the workspace). */
  change(spec: FigureSpec): void;
  /** The figure SVG for the spec (what the preview shows and the files are made from). */
  build(spec: FigureSpec): Promise<string>;
  export(spec: FigureSpec, svg: string, format: FigureFormat): Promise<void>;
  /** What a chart panel can show now (a Monte Carlo run, a clone tree…): null when it can. */
  unavailable(kind: PanelKind): string | null;
}

const KINDS: readonly [PanelKind, string][] = [
  ['section', 'Section'],
  ['composition', 'Composition bars'],
  ['jsd', 'JSD heatmap'],
  ['detection', 'Detection curves'],
  ['strategies', 'Strategies compared'],
  ['mutations', 'Mutation map'],
  ['tree', 'Clone tree'],
];
/** The region select's value for "what the window shows". */
const VIEW = '@view';
const FONTS = ['Helvetica, Arial, sans-serif', 'Times New Roman, Times, serif', 'Courier New, Courier, monospace'];

/** Sections for the first samples; a primary with a core and a front gives core | invasive front | metastasis. */
export function defaultPanels(samples: readonly Sample[], state: Pick<AppState, 'regionSettings'>): FigurePanel[] {
  const primary = samples.find((s) => s.site === 'primary' || s.site === 'primary-core') ?? samples[0];
  const met = samples.find((s) => s.site === 'metastasis' && s !== primary);
  const names = primary ? (sampleRegions(primary.table, primary.shapes, state.regionSettings)?.names ?? []) : [];
  if (primary && met && names.includes('core') && names.includes('invasive front'))
    return [
      { kind: 'section', title: 'Core', sampleId: primary.id, region: 'core' },
      { kind: 'section', title: 'Invasive front', sampleId: primary.id, region: 'invasive front' },
      { kind: 'section', title: 'Metastasis', sampleId: met.id, region: null },
    ];
  return samples.slice(0, 3).map((s) => ({ kind: 'section', title: sampleTitle(s.name), sampleId: s.id, region: null }));
}

export class FigureComposer {
  private readonly dialog = h('dialog', { class: 'composer', testid: 'figure-composer', attrs: { 'aria-label': 'Figure composer' } });
  private readonly controls = h('div', { class: 'composer-controls' });
  private readonly preview = h('div', { class: 'composer-preview', testid: 'figure-preview' });
  private readonly problem = h('p', { class: 'error', testid: 'figure-problem' });
  private readonly busy = h('span', { class: 'muted', testid: 'figure-status' });
  private spec: FigureSpec = DEFAULT_FIGURE;
  private svg = '';
  private samples: readonly Sample[] = [];
  private activeId: string | null = null;
  private regionsOf: (s: Sample) => readonly string[] = () => [];
  private timer = 0;
  private building = 0;

  constructor(private readonly a: ComposerActions) {
    this.dialog.append(
      h('div', { class: 'composer-head' }, h('h2', { text: 'Figure' }), this.busy, h('button', { type: 'button', text: 'Close', testid: 'figure-close', on: { click: () => this.dialog.close() } })),
      h('div', { class: 'composer-body' }, this.controls, this.preview),
    );
    document.body.append(this.dialog);
  }

  get open(): boolean {
    return this.dialog.open;
  }

  show(state: AppState, spec: FigureSpec | null): void {
    this.samples = state.samples;
    this.activeId = state.activeSampleId;
    this.regionsOf = (s) => sampleRegions(s.table, s.shapes, state.regionSettings)?.names ?? [];
    const known = new Set(state.samples.map((s) => s.id));
    const base = spec ?? { ...DEFAULT_FIGURE, panels: defaultPanels(state.samples, state) };
    // panels of samples that are no longer open are dropped
    this.spec = { ...base, panels: base.panels.filter((p) => p.kind !== 'section' || known.has(p.sampleId ?? '')) };
    if (this.spec.panels.length === 0) this.spec = { ...this.spec, panels: defaultPanels(state.samples, state) };
    this.renderControls();
    if (!this.dialog.open) this.dialog.showModal();
    this.rebuild(0);
  }

  /** One panel: the active section as the window shows it. */
  private currentView(): void {
    const sample = this.samples.find((x) => x.id === this.activeId) ?? this.samples[0];
    if (sample) this.set({ columns: 1, panels: [{ kind: 'section', title: sampleTitle(sample.name), sampleId: sample.id, region: null, view: true }] });
  }

  private set(patch: Partial<FigureSpec>): void {
    this.spec = { ...this.spec, ...patch };
    this.a.change(this.spec);
    this.renderControls();
    this.rebuild();
  }

  private setPanel(k: number, patch: Partial<FigurePanel>): void {
    this.set({ panels: this.spec.panels.map((p, j) => (j === k ? { ...p, ...patch } : p)) });
  }

  private rebuild(delay = 200): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(async () => {
      const problem = figureProblem(this.spec);
      this.problem.textContent = problem ?? '';
      if (problem) return;
      const ticket = ++this.building;
      this.busy.textContent = 'Drawing…';
      const svg = await this.a.build(this.spec);
      if (ticket !== this.building) return; // a newer spec is being drawn
      this.svg = svg;
      this.preview.innerHTML = svg; // built by scene/figure-svg.ts from our own markup, every text escaped
      this.preview.dataset.ready = '1';
      this.busy.textContent = '';
    }, delay);
  }

  private async export(format: FigureFormat): Promise<void> {
    if (!this.svg || figureProblem(this.spec)) return;
    this.busy.textContent = format === 'clipboard' ? 'Copying…' : `Exporting ${format.toUpperCase()}…`;
    try {
      await this.a.export(this.spec, this.svg, format);
    } finally {
      this.busy.textContent = '';
    }
  }

  private renderControls(): void {
    const s = this.spec;
    clear(this.controls);
    const k = s.unit === 'in' ? 1 / 25.4 : 1;
    const num = (value: number, testid: string, title: string, change: (v: number) => void, o: { min?: number; max?: number; step?: string } = {}) => {
      const input = h('input', { type: 'number', value: String(+value.toFixed(2)), testid, title, step: o.step ?? 'any', attrs: { 'aria-label': title, ...(o.min !== undefined ? { min: String(o.min) } : {}), ...(o.max !== undefined ? { max: String(o.max) } : {}) } });
      input.addEventListener('change', () => Number.isFinite(Number(input.value)) && change(Number(input.value)));
      return input;
    };
    const select = <T extends string>(value: T, options: readonly (readonly [T, string])[], testid: string, title: string, change: (v: T) => void) => {
      const el = h('select', { testid, title, attrs: { 'aria-label': title } }, ...options.map(([v, t]) => h('option', { value: v, text: t })));
      el.value = value;
      el.addEventListener('change', () => change(el.value as T));
      return el;
    };
    const check = (on: boolean, text: string, testid: string, change: (v: boolean) => void) => h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: on, testid, on: { change: (e) => change((e.target as HTMLInputElement).checked) } }), h('span', { text }));
    const row = (label: string, ...els: HTMLElement[]) => h('div', { class: 'row' }, h('span', { class: 'label', text: label }), ...els);

    this.controls.append(
      h('h3', { text: 'Page' }),
      row(
        'Size',
        select<FigurePreset>(s.preset, [['16:9', 'Slide 16:9'], ['4:3', 'Slide 4:3'], ['a4-landscape', 'A4 landscape'], ['custom', 'Custom']], 'figure-preset', 'Page size', (preset) => {
          const size = preset === 'custom' ? [s.widthMm, s.heightMm] : PRESET_SIZES_MM[preset];
          this.set({ preset, widthMm: size[0]!, heightMm: size[1]! });
        }),
      ),
      row(
        '',
        num(s.widthMm * k, 'figure-width', `Width, ${s.unit}`, (v) => this.set({ preset: 'custom', widthMm: v / k }), { min: 20 * k }),
        h('span', { text: '×' }),
        num(s.heightMm * k, 'figure-height', `Height, ${s.unit}`, (v) => this.set({ preset: 'custom', heightMm: v / k }), { min: 20 * k }),
        select<'mm' | 'in'>(s.unit, [['mm', 'mm'], ['in', 'in']], 'figure-unit', 'Units for the size', (unit) => this.set({ unit })),
      ),
      row('Background', select(s.background, [['white', 'white'], ['dark', 'dark'], ['transparent', 'transparent']], 'figure-background', 'Background', (background) => this.set({ background }))),
      row('Font', select(s.fontFamily, FONTS.map((f) => [f, f.split(',')[0]!] as const), 'figure-font', 'Font family', (fontFamily) => this.set({ fontFamily })), num(s.fontSizePt, 'figure-font-size', 'Font size, pt', (v) => this.set({ fontSizePt: v }), { min: 4, max: 48, step: '0.5' }), h('span', { text: 'pt' })),
      row('Panels', num(s.columns, 'figure-columns', 'Columns', (v) => this.set({ columns: Math.round(v) }), { min: 1, max: 6, step: '1' }), h('span', { text: 'per row' })),
      h('div', { class: 'row' }, check(s.letters, 'letters', 'figure-letters', (letters) => this.set({ letters })), check(s.titles, 'titles', 'figure-titles', (titles) => this.set({ titles })), check(s.scaleBars, 'scale bars', 'figure-scale-bars', (scaleBars) => this.set({ scaleBars }))),
      row('Legend', select(s.legend, [['right', 'right'], ['bottom', 'bottom'], ['none', 'none']], 'figure-legend', 'Legend', (legend) => this.set({ legend }))),
      h('h3', { text: 'Panels' }),
      h('ol', { class: 'figure-panels', testid: 'figure-panels' }, ...s.panels.map((p, i) => this.panelRow(p, i, select))),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', text: 'Add panel', testid: 'figure-add-panel', on: { click: () => this.set({ panels: [...s.panels, { kind: 'section', title: this.samples[0]?.name ?? 'Section', sampleId: this.samples[0]?.id ?? '', region: null }] }) } }),
        h('button', { type: 'button', text: 'Just the current view', testid: 'figure-current-view', title: 'One panel: the active section as the window shows it now (pan and zoom)', on: { click: () => this.currentView() } }),
      ),
      h('h3', { text: 'Export' }),
      row('Resolution', num(s.dpi, 'figure-dpi', `PNG resolution, ${MIN_DPI}–${MAX_DPI} DPI`, (dpi) => this.set({ dpi: Math.round(dpi) }), { min: MIN_DPI, max: MAX_DPI, step: '1' }), h('span', { text: `DPI → ${Math.round((s.widthMm / 25.4) * s.dpi)} × ${Math.round((s.heightMm / 25.4) * s.dpi)} px` })),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'primary', text: 'PNG', testid: 'figure-export-png', title: 'Save as PNG at the chosen DPI', on: { click: () => void this.export('png') } }),
        h('button', { type: 'button', text: 'SVG', testid: 'figure-export-svg', title: 'Save as SVG: text, overlays, legend and scale bars as vectors', on: { click: () => void this.export('svg') } }),
        h('button', { type: 'button', text: 'PDF', testid: 'figure-export-pdf', title: 'Save as PDF (vectors; many cells as an embedded image)', on: { click: () => void this.export('pdf') } }),
        h('button', { type: 'button', text: 'Copy', testid: 'figure-copy', title: 'Copy the figure to the clipboard as a PNG', on: { click: () => void this.export('clipboard') } }),
      ),
      this.problem,
    );
  }

  private panelRow(p: FigurePanel, i: number, select: <T extends string>(value: T, options: readonly (readonly [T, string])[], testid: string, title: string, change: (v: T) => void) => HTMLSelectElement): HTMLElement {
    const s = this.spec;
    const kind = select<PanelKind>(p.kind, KINDS, 'figure-panel-kind', 'What the panel shows', (kind) => this.setPanel(i, { kind, title: kind === 'section' ? p.title : KINDS.find(([k]) => k === kind)![1] }));
    const title = h('input', { type: 'text', value: p.title, testid: 'figure-panel-title', title: 'Panel title', attrs: { 'aria-label': 'Panel title' } });
    title.addEventListener('change', () => this.setPanel(i, { title: title.value }));
    const move = (d: number) => {
      const panels = [...s.panels];
      const [x] = panels.splice(i, 1);
      panels.splice(Math.max(0, Math.min(panels.length, i + d)), 0, x!);
      this.set({ panels });
    };
    const parts: HTMLElement[] = [kind];
    if (p.kind === 'section') {
      const sample = this.samples.find((x) => x.id === p.sampleId) ?? this.samples[0];
      parts.push(select(sample?.id ?? '', this.samples.map((x) => [x.id, x.name] as const), 'figure-panel-sample', 'Sample', (sampleId) => this.setPanel(i, { sampleId, region: null })));
      const regions = sample ? this.regionsOf(sample) : [];
      parts.push(
        select(p.view ? VIEW : (p.region ?? ''), [['', 'whole section'], [VIEW, 'as in the window'], ...regions.map((r) => [r, r] as const)], 'figure-panel-region', 'The whole section, what the window shows now (pan and zoom), or only the cells of one region, zoomed to it', (r) =>
          this.setPanel(i, r === VIEW ? { view: true, region: null } : { view: false, region: r || null }),
        ),
      );
    } else {
      const why = this.a.unavailable(p.kind);
      if (why) parts.push(h('span', { class: 'muted', text: why }));
    }
    return h(
      'li',
      {},
      h('div', { class: 'row' }, ...parts),
      h(
        'div',
        { class: 'row' },
        title,
        h('button', { type: 'button', class: 'icon', text: '↑', title: 'Move up', disabled: i === 0, on: { click: () => move(-1) } }),
        h('button', { type: 'button', class: 'icon', text: '↓', title: 'Move down', disabled: i === s.panels.length - 1, on: { click: () => move(1) } }),
        h('button', { type: 'button', class: 'icon', text: '×', title: 'Remove this panel', testid: 'figure-panel-remove', on: { click: () => this.set({ panels: s.panels.filter((_, j) => j !== i) }) } }),
      ),
    );
  }
}
