// A figure for slides or papers: page size (slide presets 16:9 and 4:3, or custom in mm or
// inches), background, font, and a grid of panels — sections of samples (optionally one region),
// composition bars, detection curves, the JSD heatmap, the mutation map, the clone tree — with panel
// letters, titles and one shared legend. Pure layout: boxes in points (1/72 in); the figure SVG,
// the PNG (px = pt × dpi / 72) and the PDF are all drawn from these boxes.

export type FigurePreset = '16:9' | '4:3' | 'a4-landscape' | 'custom';

export type PanelKind = 'section' | 'composition' | 'detection' | 'strategies' | 'jsd' | 'mutations' | 'tree';

export interface FigurePanel {
  readonly kind: PanelKind;
  readonly title: string;
  /** Sections: which sample, and optionally only the cells of one of its regions (zoomed to it). */
  readonly sampleId?: string;
  readonly region?: string | null;
  /** Sections: what the window shows now (its pan and zoom) instead of the whole section or a region. */
  readonly view?: boolean;
}

export interface FigureSpec {
  readonly preset: FigurePreset;
  readonly widthMm: number;
  readonly heightMm: number;
  /** How sizes are shown and typed in the composer. */
  readonly unit: 'mm' | 'in';
  readonly background: 'white' | 'dark' | 'transparent';
  readonly fontFamily: string;
  /** Body text, points; titles 1.15 ×, letters 1.5 ×. */
  readonly fontSizePt: number;
  readonly columns: number;
  readonly letters: boolean;
  readonly titles: boolean;
  readonly scaleBars: boolean;
  readonly legend: 'right' | 'bottom' | 'none';
  readonly panels: readonly FigurePanel[];
  /** PNG resolution, 72–600. */
  readonly dpi: number;
}

export const PRESET_SIZES_MM: Readonly<Record<Exclude<FigurePreset, 'custom'>, readonly [number, number]>> = {
  '16:9': [(40 / 3) * 25.4, 190.5], // 13.333 × 7.5 in (960 × 540 pt), the PowerPoint / Keynote widescreen slide
  '4:3': [254, 190.5], // 10 × 7.5 in
  'a4-landscape': [297, 210],
};

export const PT_PER_MM = 72 / 25.4;
export const MIN_DPI = 72;
export const MAX_DPI = 600;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PanelBox {
  readonly panel: FigurePanel;
  /** The panel's whole cell: letter and title above `content`. */
  readonly cell: Box;
  readonly content: Box;
  readonly letter: string;
}

export interface FigureLayout {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly panels: readonly PanelBox[];
  readonly legend: Box | null;
  readonly fontPt: number;
}

export const DEFAULT_FIGURE: FigureSpec = {
  preset: '16:9',
  widthMm: PRESET_SIZES_MM['16:9'][0],
  heightMm: PRESET_SIZES_MM['16:9'][1],
  unit: 'mm',
  background: 'white',
  fontFamily: 'Helvetica, Arial, sans-serif',
  fontSizePt: 11,
  columns: 3,
  letters: true,
  titles: true,
  scaleBars: true,
  legend: 'right',
  panels: [],
  dpi: 300,
};

/** A problem with the spec, as a sentence, or null. */
export function figureProblem(s: FigureSpec): string | null {
  if (!(s.widthMm >= 20 && s.widthMm <= 2000 && s.heightMm >= 20 && s.heightMm <= 2000)) return 'The figure must be 20 to 2,000 mm wide and high.';
  if (!(Number.isInteger(s.dpi) && s.dpi >= MIN_DPI && s.dpi <= MAX_DPI)) return `The resolution must be a whole number from ${MIN_DPI} to ${MAX_DPI} DPI.`;
  if (!(s.fontSizePt >= 4 && s.fontSizePt <= 48)) return 'The font size must be 4 to 48 pt.';
  if (!(Number.isInteger(s.columns) && s.columns >= 1 && s.columns <= 6)) return 'Columns must be a whole number from 1 to 6.';
  if (s.panels.length === 0) return 'Add at least one panel.';
  if (s.panels.length > 12) return 'A figure holds at most 12 panels.';
  return null;
}

/** Pixel size of the PNG at the spec's DPI. */
export function pngSize(s: Pick<FigureSpec, 'widthMm' | 'heightMm' | 'dpi'>): { width: number; height: number } {
  return { width: Math.round((s.widthMm / 25.4) * s.dpi), height: Math.round((s.heightMm / 25.4) * s.dpi) };
}

/**
 * Panels fill a grid of `columns` × ⌈n / columns⌉ cells inside a margin (4 % of the shorter side,
 * at least 4 mm); the legend, when there is one, takes a strip on the right (22 % of the width,
 * at most 60 mm) or at the bottom (3 lines of text). Each cell keeps a band for its letter and title.
 */
export function layoutFigure(s: FigureSpec): FigureLayout {
  const W = s.widthMm * PT_PER_MM, H = s.heightMm * PT_PER_MM;
  const margin = Math.max(4 * PT_PER_MM, 0.04 * Math.min(W, H));
  const gap = margin * 0.6;
  let inner: Box = { x: margin, y: margin, w: W - 2 * margin, h: H - 2 * margin };
  let legend: Box | null = null;
  if (s.legend === 'right') {
    const lw = Math.min(60 * PT_PER_MM, 0.22 * inner.w);
    legend = { x: inner.x + inner.w - lw, y: inner.y, w: lw, h: inner.h };
    inner = { ...inner, w: inner.w - lw - gap };
  } else if (s.legend === 'bottom') {
    const lh = s.fontSizePt * 4.2;
    legend = { x: inner.x, y: inner.y + inner.h - lh, w: inner.w, h: lh };
    inner = { ...inner, h: inner.h - lh - gap };
  }
  const n = s.panels.length;
  const cols = Math.max(1, Math.min(s.columns, n || 1));
  const rows = Math.max(1, Math.ceil(n / cols));
  const cw = (inner.w - gap * (cols - 1)) / cols, ch = (inner.h - gap * (rows - 1)) / rows;
  const band = s.letters || s.titles ? s.fontSizePt * 1.9 : 0;
  const panels = s.panels.map((panel, k): PanelBox => {
    const r = Math.floor(k / cols), c = k % cols;
    const cell = { x: inner.x + c * (cw + gap), y: inner.y + r * (ch + gap), w: cw, h: ch };
    return { panel, cell, content: { x: cell.x, y: cell.y + band, w: cell.w, h: Math.max(1, cell.h - band) }, letter: letterOf(k) };
  });
  return { widthPt: W, heightPt: H, panels, legend, fontPt: s.fontSizePt };
}

/** A, B, …, Z, AA, AB, … */
export function letterOf(k: number): string {
  let s = '';
  for (let i = k + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
