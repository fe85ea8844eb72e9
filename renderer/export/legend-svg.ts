// Figure legends as SVG: categories (swatch + label, in as many columns as fit the width, filled
// down then across) or a numeric colour bar with round ticks (scene/colormaps.ts). Sizes in the
// figure's units ("box units", see section-svg.ts); text widths are estimated (charts/svg.ts
// textWidth), so layouts do not depend on the fonts installed.

import { colormapCss, numericScale, scaleTicks, type ColormapName } from '../scene/colormaps.ts';
import { esc, LIGHT, text, textWidth, type ChartStyle } from '../scene/charts/svg.ts';
import { num } from './cell-marks.ts';

export interface LegendCategory {
  readonly label: string;
  /** CSS colour. */
  readonly colour: string;
  /** Hidden categories are left out (as scene/colouring.ts LegendEntry). */
  readonly hidden?: boolean;
}

export type LegendSpec =
  | { readonly kind: 'category'; readonly title?: string; readonly entries: readonly LegendCategory[] }
  | { readonly kind: 'number'; readonly title?: string; readonly min: number; readonly max: number; readonly log?: boolean; readonly colormap: ColormapName };

export interface LegendOptions {
  /** Top-left corner, parent user units (default 0, 0). */
  readonly x?: number;
  readonly y?: number;
  /** Width available, box units: categories wrap into columns within it; the colour bar spans it. */
  readonly width: number;
  /** Box units per CSS px; the text size defaults to 12 px × this. */
  readonly unitsPerPx: number;
  /** Box units. */
  readonly fontSize?: number;
  readonly style?: ChartStyle;
}

export interface LegendSvg {
  /** A <g> element. */
  readonly svg: string;
  /** Box units actually used. */
  readonly width: number;
  readonly height: number;
  /** Category legends: the number of columns. */
  readonly columns: number;
}

const ELLIPSIS = '…';

/** `s` shortened with an ellipsis to at most `width` (estimated). */
export function fitText(s: string, size: number, width: number): string {
  if (textWidth(s, size) <= width) return s;
  const chars = Math.max(1, Math.floor(width / (size * 0.58)) - 1);
  return [...s].slice(0, chars).join('') + ELLIPSIS; // by code point: never half a surrogate pair
}

/** Columns and rows for `count` entries of width `itemWidth` (+ `gap` between columns) in `width`. */
export function legendColumns(count: number, itemWidth: number, gap: number, width: number): { columns: number; rows: number } {
  if (count === 0) return { columns: 0, rows: 0 };
  const columns = Math.max(1, Math.min(count, Math.floor((width + gap) / (itemWidth + gap))));
  const rows = Math.ceil(count / columns);
  // as few columns as give the same number of rows (no empty last column)
  return { columns: Math.ceil(count / rows), rows };
}

export function legendSvg(spec: LegendSpec, o: LegendOptions): LegendSvg {
  const st = o.style ?? LIGHT;
  const size = o.fontSize ?? 12 * o.unitsPerPx;
  const x = o.x ?? 0, y = o.y ?? 0;
  const line = size * 1.45;
  const parts = [`<g data-legend="${spec.kind}" transform="translate(${num(x, 3)} ${num(y, 3)})">`];
  let h = 0;
  if (spec.title) {
    parts.push(text(0, line / 2, fitText(spec.title, size, o.width), st, { size, weight: 600 }));
    h += line;
  }
  let used = spec.title ? Math.min(o.width, textWidth(spec.title, size)) : 0;
  let columns = 0;
  if (spec.kind === 'category') {
    const entries = spec.entries.filter((e) => !e.hidden);
    const swatch = size * 0.85, pad = size * 0.45, gap = size * 1.2;
    const widest = Math.max(0, ...entries.map((e) => textWidth(e.label, size)));
    const itemWidth = Math.min(o.width, swatch + pad + widest);
    const layout = legendColumns(entries.length, itemWidth, gap, o.width);
    columns = layout.columns;
    entries.forEach((e, k) => {
      const col = Math.floor(k / layout.rows), row = k % layout.rows;
      const ex = col * (itemWidth + gap), ey = h + row * line + line / 2;
      parts.push(
        `<g data-entry="${esc(e.label)}"><rect x="${num(ex, 3)}" y="${num(ey - swatch / 2, 3)}" width="${num(swatch, 3)}" height="${num(swatch, 3)}" rx="${num(swatch * 0.2, 3)}" fill="${esc(e.colour)}"/>` +
          text(ex + swatch + pad, ey, fitText(e.label, size, itemWidth - swatch - pad), st, { size }) +
          '</g>',
      );
    });
    h += layout.rows * line;
    used = Math.max(used, layout.columns * itemWidth + Math.max(0, layout.columns - 1) * gap);
  } else {
    const scale = numericScale({ min: spec.min, max: spec.max, log: spec.log ?? false });
    const ticks = scaleTicks(scale, Math.max(2, Math.min(6, Math.floor(o.width / (size * 4)))));
    const labels = ticks.map(formatTick);
    const side = Math.min(o.width * 0.2, Math.max(textWidth(labels[0] ?? '', size), textWidth(labels[labels.length - 1] ?? '', size)) / 2);
    const x0 = side, x1 = o.width - side, barH = size * 0.9;
    const steps = 64, w = (x1 - x0) / steps;
    for (let k = 0; k < steps; k++) {
      // each step overlaps the next a little: no hairline seams between them when anti-aliased
      parts.push(`<rect x="${num(x0 + k * w, 3)}" y="${num(h, 3)}" width="${num(k === steps - 1 ? w : w * 1.35, 3)}" height="${num(barH, 3)}" fill="${colormapCss(spec.colormap, (k + 0.5) / steps)}"/>`);
    }
    const tickLen = size * 0.35, tickW = Math.max(size * 0.06, 0.01);
    ticks.forEach((v, k) => {
      const tx = x0 + scale(v) * (x1 - x0);
      parts.push(`<rect x="${num(tx - tickW / 2, 3)}" y="${num(h + barH, 3)}" width="${num(tickW, 3)}" height="${num(tickLen, 3)}" fill="${esc(st.text)}"/>`);
      parts.push(text(tx, h + barH + tickLen + line / 2, labels[k]!, st, { size, anchor: 'middle' }));
    });
    h += barH + tickLen + line;
    used = o.width;
  }
  parts.push('</g>');
  return { svg: parts.join(''), width: used, height: h, columns };
}

/** "0.25", "1,200", "1e-4": short tick labels. */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-3) return v.toExponential(1).replace(/\.0e/, 'e').replace('e+', 'e');
  const s = String(Number(v.toPrecision(4)));
  return a >= 1e4 ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : s;
}
