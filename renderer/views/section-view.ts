// One sample's section: the pixi canvas with cells and overlays, the scale bar and the hover
// tooltip. Builds the scene from the app state (memoised: colours are recomputed only when the
// colouring changes) and turns pointer and keyboard input into view changes and selections.

import { SpatialIndex } from '../../shared/analysis/spatial-index.ts';
import { boundsOf, columnByName } from '../../shared/dataset/cell-table.ts';
import { formatCount } from '../../shared/errors.ts';
import { DEFAULT_NUMERIC, SITE_LABELS, type AppState, type Sample, type SampleSite } from '../app/store.ts';
import { colourCells, packRgba, pointSize } from '../render/cell-raster.ts';
import { createSectionRenderer } from '../render/pixi/section-renderer.ts';
import type { BiopsyMark, SectionRenderer, SectionScene } from '../render/types.ts';
import { colouringFor, sharedLimits, type Colouring } from '../scene/colouring.ts';
import { effectiveColourColumn } from '../scene/colour-column.ts';
import type { ColourBook } from '../scene/palette.ts';
import { sampleOverlays, type SampleOverlays } from '../scene/section-overlays.ts';
import { sampleRegions } from '../scene/sample-regions.ts';
import { fitView, panBy, resized, visibleBounds, zoomAbout, type ViewState } from '../scene/view-state.ts';
import { askName } from './ask-name.ts';
import { attachBiopsyPlace, handlesOf } from './biopsy-place.ts';
import { outline, type BiopsyShape, type BiopsyTemplate } from '../../shared/analysis/biopsy/geometry.ts';
import { h } from './dom.ts';
import { attachRegionDraw } from './region-draw.ts';
import { attachSectionInput } from './section-input.ts';
import { renderScaleBar } from './scale-bar-view.ts';
import { describeCell } from './tooltip.ts';

export interface SectionViewActions {
  activate(id: string): void;
  close(id: string): void;
  save(id: string): void;
  /** A rectangle or lasso was drawn (world coordinates); null clears the selection. */
  select(sampleId: string, outline: Float64Array | null, cells: Uint32Array | null): void;
  /** World coordinates under the pointer, or null when it leaves. */
  cursor(sampleId: string, at: [number, number] | null): void;
  /** The user moved this section (pan, zoom, fit): linked sections follow. */
  viewed(sampleId: string, view: ViewState, moving: boolean): void;
  /** The sample's site was changed in its header. */
  site(sampleId: string, site: SampleSite, siteName?: string): void;
  /** A region was drawn on the section (world coordinates). */
  drawRegion(sampleId: string, ring: Float64Array): void;
  /** A corner of a region shape was moved. */
  moveVertex(sampleId: string, shape: number, ring: number, vertex: number, x: number, y: number): void;
  /** Biopsies: placed, changed (moved, resized, rotated), picked, removed. */
  biopsy(sampleId: string, edit: BiopsyEdit): void;
}

export type BiopsyEdit =
  | { readonly kind: 'add'; readonly shape: BiopsyShape }
  | { readonly kind: 'add-many'; readonly shapes: readonly BiopsyShape[] }
  | { readonly kind: 'replace'; readonly index: number; readonly shape: BiopsyShape }
  | { readonly kind: 'pick'; readonly index: number | null }
  | { readonly kind: 'remove'; readonly index: number };

const BACKGROUND = { light: packRgba(255, 255, 255), dark: packRgba(22, 24, 28) };

export class SectionView {
  readonly el: HTMLElement;
  readonly stage: HTMLElement;
  private renderer: SectionRenderer | null = null;
  private view: ViewState | null = null;
  private state: AppState | null = null;
  private settleTimer = 0;
  private index: SpatialIndex | null = null;
  private readonly scaleBar: HTMLElement;
  private readonly tooltip: HTMLElement;
  // memoised scene parts
  private colouring: { key: unknown[]; value: Colouring } | null = null;
  private rgba: { key: unknown[]; value: Uint32Array } | null = null;
  private overlays: { key: unknown[]; value: SampleOverlays } | null = null;
  private lastScene: SectionScene | null = null;
  private drawnSize = 0;
  private destroyed = false;
  /** The view still shows the whole section as fitted (no pan or zoom yet): it refits on resize. */
  private fitted = true;
  private pendingView: { readonly cx: number; readonly cy: number; readonly scale: number } | null = null;

  constructor(
    public sample: Sample,
    private readonly book: ColourBook,
    private readonly actions: SectionViewActions,
  ) {
    this.scaleBar = h('div', { class: 'scale-bar', testid: 'scale-bar' });
    this.tooltip = h('div', { class: 'tooltip', testid: 'tooltip', attrs: { role: 'tooltip' } });
    this.tooltip.hidden = true;
    this.stage = h('div', { class: 'section-stage', attrs: { tabindex: '0', 'aria-label': `Section of ${sample.name}: drag to pan, wheel to zoom, + − 0 and arrow keys` } }, this.scaleBar, this.tooltip);
    this.el = h(
      'figure',
      { class: 'sample', testid: 'sample-panel', attrs: { 'data-id': sample.id }, on: { pointerdown: () => actions.activate(sample.id) } },
      h(
        'figcaption',
        {},
        h('span', { class: 'sample-name', text: sample.name, title: sample.report.file }),
        h('span', { class: 'muted', text: `${formatCount(sample.table.n)} ${sample.report.format === 'visium' ? 'spots' : 'cells'}` }),
        h('span', { class: 'spacer' }),
        siteSelect(sample, (site, name) => actions.site(sample.id, site, name)),
        h('button', { class: 'icon', text: '⤢', title: 'Fit the section (0)', testid: 'fit-button', on: { click: () => this.fit() } }),
        sample.origin === 'simulated' ? h('button', { class: 'save', text: 'Save CSV…', testid: 'save-sample', title: 'Save this simulated section as a CSV table', on: { click: () => actions.save(sample.id) } }) : null,
        h('button', { class: 'close', text: '×', title: 'Close this sample', attrs: { 'aria-label': `Close ${sample.name}` }, on: { click: () => actions.close(sample.id) } }),
      ),
      this.stage,
    );
    void this.init();
  }

  private async init(): Promise<void> {
    const mode = new URLSearchParams(location.search).get('renderer');
    const renderer = await createSectionRenderer(this.stage, { mode: mode === 'raster' || mode === 'points' ? mode : 'auto' });
    if (this.destroyed) return renderer.destroy();
    this.renderer = renderer;
    const canvas = renderer.canvas;
    canvas.dataset.testid = 'section-canvas';
    canvas.dataset.sample = this.sample.name;
    canvas.dataset.mode = this.renderer.mode;
    this.stage.prepend(canvas);
    attachRegionDraw(this.stage, {
      view: () => this.view,
      tool: () => this.state?.tool ?? 'pan',
      // corners can be dragged only where the shapes are what the section shows
      shapes: () => (this.state?.overlays.regions && sampleRegions(this.sample.table, this.sample.shapes, this.state.regionSettings)?.source === 'shapes' ? this.sample.shapes! : []),
      preview: (ring) => this.renderer?.setOutline(ring),
      finish: (ring) => this.actions.drawRegion(this.sample.id, ring),
      moveVertex: (shape, ring, vertex, x, y) => this.actions.moveVertex(this.sample.id, shape, ring, vertex, x, y),
    });
    attachBiopsyPlace(this.stage, {
      view: () => this.view,
      tool: () => this.state?.tool ?? 'pan',
      biopsies: () => this.sample.biopsies ?? [],
      picked: () => this.pickedIndex(),
      template: () => worldTemplate(this.state?.biopsyTemplate ?? { kind: 'punch', radius: 500 }, this.sample.table),
      preview: (list, picked) => this.renderer?.setBiopsies(biopsyMarks(list, picked)),
      add: (shape) => this.actions.biopsy(this.sample.id, { kind: 'add', shape }),
      replace: (index, shape) => this.actions.biopsy(this.sample.id, { kind: 'replace', index, shape }),
      pick: (index) => this.actions.biopsy(this.sample.id, { kind: 'pick', index }),
      remove: (index) => this.actions.biopsy(this.sample.id, { kind: 'remove', index }),
    });
    attachSectionInput(this.stage, {
      view: () => this.view,
      tool: () => this.state?.tool ?? 'pan',
      setView: (v, moving) => this.setView(v, moving, false, true),
      fit: () => this.fit(),
      hover: (sx, sy) => this.hover(sx, sy),
      outline: (o) => this.renderer?.setOutline(o),
      select: (outline) => this.selectWith(outline),
      clearSelection: () => this.actions.select(this.sample.id, null, null),
      zoomToSelection: () => this.zoomToSelection(),
    });
    new ResizeObserver(() => this.resize()).observe(this.stage);
    this.resize();
    this.marksKey = [this.sample.biopsies, this.pickedIndex(), this.renderer];
    this.renderer.setBiopsies(biopsyMarks(this.sample.biopsies ?? [], this.pickedIndex())); // biopsies the sample came with (a workspace)
  }

  private resize(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(this.stage.clientWidth * dpr)), hgt = Math.max(1, Math.round(this.stage.clientHeight * dpr));
    if (!this.view || (this.fitted && (this.view.width !== w || this.view.height !== hgt))) this.view = fitView(boundsOf(this.sample.table), w, hgt, !!this.sample.table.yUp, 16 * dpr);
    else if (this.view.width !== w || this.view.height !== hgt) this.view = resized(this.view, w, hgt);
    if (this.pendingView) {
      const v = this.pendingView;
      this.pendingView = null;
      return this.setView({ ...this.view, cx: v.cx, cy: v.cy, scale: v.scale * dpr }, false, false);
    }
    this.setView(this.view, false, this.fitted);
  }

  /** A saved view (centre in table units, CSS px per table unit), shown as soon as the section has a size. */
  showView(v: { readonly cx: number; readonly cy: number; readonly scale: number }): void {
    if (!this.view) {
      this.pendingView = v;
      return;
    }
    this.setView({ ...this.view, cx: v.cx, cy: v.cy, scale: v.scale * (window.devicePixelRatio || 1) }, false, false);
  }

  /** What the window shows: centre (table units), CSS px per table unit, size in CSS px. */
  viewNow(): { cx: number; cy: number; scale: number; width: number; height: number } | null {
    const dpr = window.devicePixelRatio || 1;
    return this.view ? { cx: this.view.cx, cy: this.view.cy, scale: this.view.scale / dpr, width: this.view.width / dpr, height: this.view.height / dpr } : null;
  }

  /** The view to save: centre (table units) and CSS px per table unit. */
  savedView(): { cx: number; cy: number; scale: number } | null {
    return this.view ? { cx: this.view.cx, cy: this.view.cy, scale: this.view.scale / (window.devicePixelRatio || 1) } : null;
  }

  fit(): void {
    if (!this.view) return;
    this.setView(fitView(boundsOf(this.sample.table), this.view.width, this.view.height, !!this.sample.table.yUp, 16 * (window.devicePixelRatio || 1)), false, true, true);
  }

  zoomBy(factor: number): void {
    if (this.view) this.setView(zoomAbout(this.view, factor, this.view.width / 2, this.view.height / 2), false, false, true);
  }

  panBy(dx: number, dy: number): void {
    if (this.view) this.setView(panBy(this.view, dx, dy), false, false, true);
  }

  /**
   * Follows another section (linked views): the same scale, and the centre at the same place
   * relative to each section's extent — sections of different samples have their own coordinates.
   */
  follow(other: SectionView, view: ViewState, moving: boolean): void {
    if (!this.view || other === this) return;
    const a = boundsOf(other.sample.table), b = boundsOf(this.sample.table);
    const rel = (v: number, lo: number, hi: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
    const cx = b.x[0] + rel(view.cx, a.x[0], a.x[1]) * (b.x[1] - b.x[0]);
    const cy = b.y[0] + rel(view.cy, a.y[0], a.y[1]) * (b.y[1] - b.y[0]);
    const unit = (t: typeof this.sample.table) => (t.units === 'um' ? 1 : (t.pixelSizeUm ?? 1));
    const scale = (view.scale * unit(this.sample.table)) / unit(other.sample.table); // the same µm per screen pixel
    this.setView({ ...this.view, cx, cy, scale }, moving, false, false);
  }

  zoomToSelection(): void {
    const sel = this.state?.selection;
    if (!sel || sel.sampleId !== this.sample.id || !this.view) return;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    const { x, y } = this.sample.table;
    for (let i = 0; i < sel.mask.length; i++) {
      if (!sel.mask[i]) continue;
      x0 = Math.min(x0, x[i]!);
      x1 = Math.max(x1, x[i]!);
      y0 = Math.min(y0, y[i]!);
      y1 = Math.max(y1, y[i]!);
    }
    if (x0 <= x1) this.setView(fitView({ x: [x0, x1], y: [y0, y1] }, this.view.width, this.view.height, this.view.yUp, 48), false);
  }

  /** Why overlays are partly left out, if they are. */
  get overlayNote(): string {
    return this.overlays?.value.note ?? '';
  }

  get currentView(): ViewState | null {
    return this.view;
  }

  private setView(v: ViewState, moving: boolean, fitted = false, byUser = false): void {
    this.view = v;
    this.fitted = fitted;
    if (byUser) this.actions.viewed(this.sample.id, v, moving);
    renderScaleBar(this.scaleBar, v, this.sample.table.units, window.devicePixelRatio || 1);
    this.tooltip.hidden = true;
    if (!this.renderer) return;
    window.clearTimeout(this.settleTimer);
    if (moving) {
      this.renderer.setView(v, true);
      this.settleTimer = window.setTimeout(() => this.setView(v, false, false, byUser), 160);
      return;
    }
    this.rebuild(true);
    this.renderer.setView(v, false);
    this.el.dataset.drawn = '1';
  }

  /** Applies app state to this view. */
  update(state: AppState): void {
    if (this.destroyed) return;
    this.state = state;
    this.el.classList.toggle('active', state.activeSampleId === this.sample.id);
    if (this.renderer && this.view) this.rebuild(false);
    const marksKey = [this.sample.biopsies, this.pickedIndex(), this.renderer];
    if (this.renderer && !same(marksKey, this.marksKey)) {
      this.marksKey = marksKey;
      this.renderer.setBiopsies(biopsyMarks(this.sample.biopsies ?? [], this.pickedIndex()));
    }
  }

  private marksKey: unknown[] = [];

  /** The centre of the view, table units. */
  centre(): [number, number] | null {
    return this.view ? [this.view.cx, this.view.cy] : null;
  }

  private pickedIndex(): number | null {
    const p = this.state?.pickedBiopsy;
    return p && p.sampleId === this.sample.id ? p.index : null;
  }

  /** Rebuilds the scene if anything it depends on changed (`settled`: the view just settled). */
  private rebuild(settled: boolean): void {
    const state = this.state, view = this.view, renderer = this.renderer;
    if (!state || !view || !renderer) return;
    const table = this.sample.table;
    const column = effectiveColourColumn(table, state.colorBy);
    const numeric = (column && state.numeric[column]) || DEFAULT_NUMERIC;
    const hidden = (column && state.hidden[column]) || [];
    const shared = column ? sharedLimits(state.samples.map((s) => s.table), column, numeric.log) : null;
    const cKey = [table, column, hidden, numeric, state.colourVersion, shared?.[0], shared?.[1]];
    if (!this.colouring || !same(this.colouring.key, cKey))
      this.colouring = { key: cKey, value: colouringFor(column ? columnByName(table, column) : undefined, this.book, { hidden, ...numeric, shared }) };
    const background = state.theme === 'dark' ? BACKGROUND.dark : BACKGROUND.light;
    const selection = state.selection?.sampleId === this.sample.id ? state.selection : null;
    const rKey = [this.colouring.value, selection, background];
    if (!this.rgba || !same(this.rgba.key, rKey)) this.rgba = { key: rKey, value: colourCells(this.colouring.value.colours, table.n, background, selection?.mask) };
    const oKey = [table, this.sample.shapes, state.overlays, state.colourVersion, state.regionSettings];
    if (!this.overlays || !same(this.overlays.key, oKey)) {
      // outlines can take a moment on a million cells: the cells are drawn first
      const first = !this.overlays;
      const compute = (): boolean => {
        if (this.destroyed || !this.state) return false;
        const now = [this.sample.table, this.sample.shapes, this.state.overlays, this.state.colourVersion, this.state.regionSettings];
        if (this.overlays && same(this.overlays.key, now)) return false;
        const regions = this.state.overlays.regions ? sampleRegions(this.sample.table, this.sample.shapes, this.state.regionSettings) : null;
        this.overlays = { key: now, value: sampleOverlays(this.sample.table, regions, this.state.overlays, this.book) };
        this.el.dataset.overlayNote = this.overlays.value.note ?? '';
        return true;
      };
      if (first && table.n > 200_000) {
        this.overlays = { key: [], value: { polygons: [], labels: [] } };
        window.setTimeout(() => compute() && this.rebuild(true), 50);
      } else compute();
    }
    const overlays = this.overlays!;
    const ps = state.pointSize;
    const size = ps.mode === 'px' ? ps.value * (window.devicePixelRatio || 1) : ps.mode === 'um' ? ps.value * view.scale * (table.units === 'um' ? 1 : 1 / (table.pixelSizeUm ?? 1)) : pointSize(table, view.scale);
    const prev = this.lastScene;
    const unchanged = prev && prev.cells.rgba === this.rgba.value && prev.overlays === overlays.value.polygons && Math.abs(size - this.drawnSize) < 1e-6 && prev.selectionOutline === selection?.outline;
    if (unchanged && !settled) return;
    this.drawnSize = size;
    const scene: SectionScene = {
      table,
      cells: { rgba: this.rgba.value, pointSize: size, background, ...(selection ? { selection: selection.mask } : {}) },
      overlays: overlays.value.polygons,
      labels: overlays.value.labels,
      ...(selection ? { selectionOutline: selection.outline } : {}),
    };
    this.lastScene = scene;
    renderer.setScene(scene);
  }

  /** Cells of the table the pointer may pick: shown (not hidden in the legend). */
  private shown(i: number): boolean {
    const rgba = this.rgba?.value;
    return !rgba || rgba[i]! >>> 24 !== 0;
  }

  private spatialIndex(): SpatialIndex {
    this.index ??= new SpatialIndex(this.sample.table.x, this.sample.table.y);
    return this.index;
  }

  private hover(sx: number | null, sy: number | null): void {
    if (sx === null || sy === null || !this.view) {
      this.tooltip.hidden = true;
      this.actions.cursor(this.sample.id, null);
      return;
    }
    const v = this.view;
    const wx = (sx - v.width / 2) / v.scale + v.cx;
    const wy = ((sy - v.height / 2) / v.scale) * (v.yUp ? -1 : 1) + v.cy;
    this.actions.cursor(this.sample.id, [wx, wy]);
    const tool = this.state?.tool;
    if (tool === 'poly' || tool === 'free' || tool === 'punch' || tool === 'needle') {
      this.tooltip.hidden = true; // it would cover the corners or biopsy being placed
      return;
    }
    const reach = (Math.max(this.drawnSize, 2) / 2 + 4 * (window.devicePixelRatio || 1)) / v.scale;
    const i = this.spatialIndex().nearest(wx, wy, reach, (k) => this.shown(k));
    if (i < 0) {
      this.tooltip.hidden = true;
      return;
    }
    const colourColumn = this.state ? effectiveColourColumn(this.sample.table, this.state.colorBy) : null;
    describeCell(this.tooltip, this.sample.table, i, colourColumn);
    const dpr = window.devicePixelRatio || 1;
    this.tooltip.style.left = `${sx / dpr + 14}px`;
    this.tooltip.style.top = `${sy / dpr + 14}px`;
    this.tooltip.hidden = false;
  }

  private selectWith(outline: Float64Array): void {
    const index = this.spatialIndex();
    let cells: Uint32Array;
    if (outline.length === 4) {
      const [x0, y0, x1, y1] = outline as unknown as [number, number, number, number];
      cells = index.inRect(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    } else cells = index.inPolygon(outline);
    const shown = cells.filter((i) => this.shown(i));
    const ring = outline.length === 4 ? Float64Array.of(outline[0]!, outline[1]!, outline[2]!, outline[1]!, outline[2]!, outline[3]!, outline[0]!, outline[3]!) : outline;
    this.renderer?.setOutline(null); // the drawing is over: the selection's outline comes with the scene
    this.actions.select(this.sample.id, ring, shown);
  }

  /** Cells shown and inside the view (for the status bar). */
  visibleCount(): { shown: number; inView: number } {
    const rgba = this.rgba?.value, v = this.view;
    if (!rgba || !v) return { shown: this.sample.table.n, inView: this.sample.table.n };
    const b = visibleBounds(v);
    const { x, y } = this.sample.table;
    let shown = 0, inView = 0;
    for (let i = 0; i < rgba.length; i++) {
      if (rgba[i]! >>> 24 === 0) continue;
      shown++;
      const xi = x[i]!, yi = y[i]!;
      if (xi >= b.x[0] && xi <= b.x[1] && yi >= b.y[0] && yi <= b.y[1]) inView++;
    }
    return { shown, inView };
  }

  /** The same table with new attachments (region shapes): keeps the view and the renderer. */
  setSample(sample: Sample): void {
    this.sample = sample;
    if (this.state) this.update(this.state);
  }

  destroy(): void {
    this.destroyed = true;
    window.clearTimeout(this.settleTimer);
    this.renderer?.destroy();
    this.el.remove();
  }
}

/** The site picker; "other…" asks for the site in the user's words. */
function siteSelect(sample: Sample, change: (site: SampleSite, name?: string) => void): HTMLSelectElement {
  const onChange = (e: Event) => {
    const el = e.target as HTMLSelectElement, site = el.value as SampleSite;
    if (site !== 'other') return change(site);
    void askName('Where was this sample taken?', sample.siteName ?? '').then((name) => {
      if (!name) return void (el.value = sample.site);
      el.selectedOptions[0]!.textContent = name;
      change('other', name);
    });
  };
  const select = h(
    'select',
    { class: 'site', testid: 'sample-site', title: 'Where this sample was taken', on: { change: onChange, pointerdown: (e) => e.stopPropagation() } },
    ...Object.entries(SITE_LABELS).map(([value, text]) => h('option', { value, text: value === 'other' ? (sample.site === 'other' && sample.siteName ? sample.siteName : 'other…') : text })),
  );
  select.value = sample.site;
  return select;
}

/** A biopsy size in µm as world units of this table (px tables: ÷ the pixel size). */
function worldTemplate(t: BiopsyTemplate, table: Sample['table']): BiopsyTemplate {
  const k = table.units === 'um' ? 1 : 1 / (table.pixelSizeUm ?? 1);
  return t.kind === 'punch' ? { kind: 'punch', radius: t.radius * k } : { ...t, length: t.length * k, width: t.width * k };
}

function biopsyMarks(list: readonly BiopsyShape[], picked: number | null): BiopsyMark[] {
  return list.map((s, k) => ({ outline: outline(s, 96), label: String(k + 1), picked: k === picked, ...(k === picked ? { handles: handlesOf(s) } : {}) }));
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, k) => v === b[k]);
}
