// A figure's SVG document and the unit arithmetic around it. A figure is laid out in pt (1/72 in)
// or mm; its panels (section-svg.ts), legends and scale bars are placed in those units.

import { esc } from '../scene/charts/svg.ts';
import { num } from './cell-marks.ts';

export type FigureUnits = 'pt' | 'mm';

export const UNITS_PER_INCH: Readonly<Record<FigureUnits, number>> = { pt: 72, mm: 25.4 };

/** Figure units per CSS px (1/96 in): 0.75 pt, 0.2646 mm. The `unitsPerPx` of the builders. */
export function unitsPerCssPx(units: FigureUnits): number {
  return UNITS_PER_INCH[units] / 96;
}

/** Output pixels per figure unit at `dpi`: 300 dpi is 4.1667 px/pt, 11.811 px/mm. The `rasterPxPerUnit` of sectionSvg. */
export function pxPerUnit(units: FigureUnits, dpi: number): number {
  return dpi / UNITS_PER_INCH[units];
}

/** Pixel size of a figure at `dpi` (rounded): 960 × 540 pt at 300 dpi is 4000 × 2250 px. */
export function figurePixels(width: number, height: number, units: FigureUnits, dpi: number): { widthPx: number; heightPx: number } {
  const k = pxPerUnit(units, dpi);
  return { widthPx: Math.round(width * k), heightPx: Math.round(height * k) };
}

/** Millimetres of a figure dimension (the page size svgToPdf takes). */
export function toMm(v: number, units: FigureUnits): number {
  return units === 'mm' ? v : (v * 25.4) / 72;
}

export interface FigureSvgInput {
  /** Figure size in `units`. */
  readonly width: number;
  readonly height: number;
  readonly units: FigureUnits;
  /** CSS colour of the page, or null for transparent. */
  readonly background: string | null;
  /** SVG elements in figure units (panels, legends, scale bars, text). */
  readonly body: string;
  readonly title?: string;
}

/**
 * A standalone SVG document: width/height carry the physical size ("960pt", "338.67mm"), the
 * viewBox the figure units, so one user unit is one pt or one mm.
 */
export function figureSvg(f: FigureSvgInput): string {
  const w = num(f.width, 3), h = num(f.height, 3);
  const t = f.title ? esc(xmlSafe(f.title)) : '';
  const bg = f.background ? `<rect width="${w}" height="${h}" fill="${esc(f.background)}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${w}${f.units}" height="${h}${f.units}" viewBox="0 0 ${w} ${h}"${t ? ` role="img" aria-label="${t}"` : ''}>${t ? `<title>${t}</title>` : ''}${bg}${xmlSafe(f.body)}</svg>`;
}

// Characters XML 1.0 does not allow anywhere, even escaped: C0 controls other than tab, LF and CR,
// lone surrogates, U+FFFE and U+FFFF. Names from user tables can hold them (a stray \v from a
// spreadsheet); one would make the whole SVG unreadable (no PNG, no PDF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` without the characters XML cannot hold (see NOT_XML). */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '');
}
