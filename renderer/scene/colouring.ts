// Which colour each cell gets: categories through the ColourBook (hidden labels get alpha 0),
// numbers through a perceptual colormap between limits (robust by default), optionally on a log
// scale. Also the legend that goes with it.

import { columnByName, type CellTable, type Column } from '../../shared/dataset/cell-table.ts';
import { packRgba, type CellColours } from '../render/cell-raster.ts';
import { colormapLut, COLORMAPS, numericScale, robustLimits, type ColormapName } from './colormaps.ts';
import { hexToRgb, NEUTRAL_COLOUR, type ColourBook } from './palette.ts';

export type { ColormapName };
export { COLORMAPS };

export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly count: number;
  readonly hidden: boolean;
}

export type Legend =
  | { readonly kind: 'category'; readonly column: string; readonly entries: readonly LegendEntry[]; readonly missing: number }
  | {
      readonly kind: 'number';
      readonly column: string;
      readonly min: number;
      readonly max: number;
      readonly log: boolean;
      readonly colormap: ColormapName;
      /** CSS colours along the bar, low to high. */
      readonly stops: readonly string[];
      /** Default (robust) limits, for "reset". */
      readonly defaults: readonly [number, number];
    }
  | { readonly kind: 'none' };

export interface ColourOptions {
  readonly hidden: readonly string[];
  readonly colormap: ColormapName;
  readonly min: number | null;
  readonly max: number | null;
  readonly log: boolean;
  /** Default limits shared by every open sample (see sharedLimits); else this column's own. */
  readonly shared?: readonly [number, number] | null;
}

export interface Colouring {
  readonly colours: CellColours;
  readonly legend: Legend;
}

const GREY = packRgba(...hexToRgb(NEUTRAL_COLOUR), 255);
export const UNIFORM = packRgba(80, 110, 170);

const cssOf = (packed: number) => `rgb(${packed & 255},${(packed >>> 8) & 255},${(packed >>> 16) & 255})`;

export function colouringFor(column: Column | undefined, book: ColourBook, o: ColourOptions): Colouring {
  if (!column || column.kind === 'id') return { colours: { kind: 'uniform', colour: UNIFORM }, legend: { kind: 'none' } };
  if (column.kind === 'number') {
    const defaults = o.shared ?? robustLimits(column.values, o.log);
    const min = o.min ?? defaults[0], max = o.max ?? defaults[1];
    const lut = colormapLut(o.colormap);
    const t = numericScale({ min, max, log: o.log });
    const stops = [0, 0.25, 0.5, 0.75, 1].map((k) => cssOf(lut[Math.round(k * 255)]!));
    return {
      colours: { kind: 'number', values: column.values, t, lut, missing: GREY },
      legend: { kind: 'number', column: column.name, min, max, log: o.log, colormap: o.colormap, stops, defaults },
    };
  }
  book.register(column.name, column.labels);
  const counts = new Float64Array(column.labels.length + 1);
  for (let i = 0; i < column.codes.length; i++) {
    const c = column.codes[i]!;
    counts[c < column.labels.length ? c : column.labels.length]!++;
  }
  const hidden = new Set(o.hidden);
  const lut = new Uint32Array(column.labels.length + 1);
  column.labels.forEach((label, k) => (lut[k] = hidden.has(label) ? 0 : packRgba(...hexToRgb(book.colour(column.name, label)))));
  lut[column.labels.length] = hidden.has('') ? 0 : GREY;
  const entries = column.labels
    .map((label, k) => ({ label, colour: book.colour(column.name, label), count: counts[k]!, hidden: hidden.has(label) }))
    .filter((e) => e.count > 0)
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  return { colours: { kind: 'category', codes: column.codes, lut }, legend: { kind: 'category', column: column.name, entries, missing: counts[column.labels.length]! } };
}

const limitCache = new WeakMap<Float32Array, { log: boolean; limits: [number, number] }>();

/**
 * Default limits for a numeric column over every open sample that has it — the widest of each
 * sample's robust (2nd–98th percentile) range — so the same marker value gets the same colour in
 * every section. Null when fewer than two samples have the column as numbers.
 */
export function sharedLimits(tables: readonly CellTable[], name: string, log: boolean): [number, number] | null {
  let lo = Infinity, hi = -Infinity, k = 0;
  for (const t of tables) {
    const c = columnByName(t, name);
    if (c?.kind !== 'number') continue;
    let hit = limitCache.get(c.values);
    if (!hit || hit.log !== log) limitCache.set(c.values, (hit = { log, limits: robustLimits(c.values, log) }));
    lo = Math.min(lo, hit.limits[0]);
    hi = Math.max(hi, hit.limits[1]);
    k++;
  }
  return k >= 2 ? [lo, hi] : null;
}
