// The scale bar of a figure panel: a round 1-2-5 length (scene/scale-bar.ts) drawn as a bar with
// its label ("500 µm") above, in the figure's units (see section-svg.ts for "box units").

import type { Units } from '../../shared/dataset/cell-table.ts';
import { esc, LIGHT, text, textWidth, type ChartStyle } from '../scene/charts/svg.ts';
import { scaleBar } from '../scene/scale-bar.ts';
import { num } from './cell-marks.ts';

export interface ScaleBarSvgInput {
  /** World units per box unit of the panel the bar belongs to (SectionWindow.worldPerUnit). */
  readonly worldPerUnit: number;
  /** The table's units: 'um' gives nm / µm / mm / m labels, 'px' gives px. */
  readonly units: Units;
  /** Where the bar goes, parent user units: the bottom edge of the bar at y; x per `anchor`. */
  readonly x: number;
  readonly y: number;
  /** x is the bar's left end ('start'), centre ('middle') or right end ('end', default). */
  readonly anchor?: 'start' | 'middle' | 'end';
  /** Box units per CSS px: sizes below default to the screen's scale bar (60–150 px, 4 px bar, 12 px text) × this. */
  readonly unitsPerPx: number;
  /** Allowed bar lengths, box units (default 60 and 150 px × unitsPerPx). */
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly thickness?: number;
  /** Box units. */
  readonly fontSize?: number;
  readonly colour?: string;
  /** A halo behind bar and label (readable over cells), or null for none (default white). */
  readonly halo?: string | null;
  readonly style?: ChartStyle;
}

export interface ScaleBarSvg {
  /** A <g> element. */
  readonly svg: string;
  /** World length of the bar (table units) and its label. */
  readonly length: number;
  readonly label: string;
  /** Box units: the bar's length (= length / worldPerUnit), and the size of bar + label (centred on the bar). */
  readonly barLength: number;
  readonly width: number;
  readonly height: number;
}

/** The scale bar, or null when worldPerUnit is not a positive number. */
export function scaleBarSvg(input: ScaleBarSvgInput): ScaleBarSvg | null {
  const u = input.unitsPerPx;
  const bar = scaleBar(input.worldPerUnit, input.units, { minCss: input.minLength ?? 60 * u, maxCss: input.maxLength ?? 150 * u });
  if (!bar) return null;
  const st = input.style ?? LIGHT;
  const L = bar.cssPixels; // box units: scaleBar works in whatever unit worldPerUnit is "per"
  const thick = input.thickness ?? 4 * u;
  const size = input.fontSize ?? 12 * u;
  const gap = 0.3 * size;
  const colour = input.colour ?? st.text;
  const anchor = input.anchor ?? 'end';
  const x0 = anchor === 'start' ? input.x : anchor === 'middle' ? input.x - L / 2 : input.x - L;
  const yBar = input.y - thick;
  const yText = yBar - gap - size * 0.55;
  const halo = input.halo === undefined ? '#ffffff' : input.halo;
  const parts = [`<g data-scale-bar="${esc(bar.label)}">`];
  if (halo) {
    const pad = 2 * u;
    parts.push(`<rect x="${num(x0 - pad, 3)}" y="${num(yBar - pad, 3)}" width="${num(L + 2 * pad, 3)}" height="${num(thick + 2 * pad, 3)}" fill="${esc(halo)}" fill-opacity="0.8"/>`);
    parts.push(`<g stroke="${esc(halo)}" stroke-width="${num(3 * u, 3)}" stroke-linejoin="round">${text(x0 + L / 2, yText, bar.label, st, { anchor: 'middle', size, colour: halo, weight: 600 })}</g>`);
  }
  parts.push(`<rect x="${num(x0, 3)}" y="${num(yBar, 3)}" width="${num(L, 3)}" height="${num(thick, 3)}" fill="${esc(colour)}"/>`);
  parts.push(text(x0 + L / 2, yText, bar.label, st, { anchor: 'middle', size, colour, weight: 600 }));
  parts.push('</g>');
  // the label is centred over the bar and may be wider than it (estimated width)
  return { svg: parts.join(''), length: bar.length, label: bar.label, barLength: L, width: Math.max(L, textWidth(bar.label, size)), height: thick + gap + 1.1 * size };
}
