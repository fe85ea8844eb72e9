// Which colour each cell gets, from the colour-by column: categories through the ColourBook,
// numbers through viridis between robust limits (2nd–98th percentile).

import type { CellTable, Column } from '../../shared/dataset/cell-table.ts';
import { packRgba, type CellColours } from '../render/cell-raster.ts';
import { hexToRgb, NEUTRAL_COLOUR, viridis, type ColourBook } from './palette.ts';

export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly count: number;
}

export type Legend =
  | { readonly kind: 'category'; readonly column: string; readonly entries: readonly LegendEntry[]; readonly missing: number }
  | { readonly kind: 'number'; readonly column: string; readonly min: number; readonly max: number; readonly stops: readonly string[] }
  | { readonly kind: 'none' };

const VIRIDIS_LUT = Uint32Array.from({ length: 256 }, (_, i) => packRgba(...viridis(i / 255)));
const GREY = packRgba(...hexToRgb(NEUTRAL_COLOUR), 255);

/** 2nd and 98th percentiles of the finite values (from a sample of at most 100,000). */
export function robustLimits(values: Float32Array): [number, number] {
  const step = Math.max(1, Math.floor(values.length / 100_000));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += step) if (Number.isFinite(values[i]!)) sample.push(values[i]!);
  if (sample.length === 0) return [0, 1];
  sample.sort((a, b) => a - b);
  const q = (p: number) => sample[Math.min(sample.length - 1, Math.floor(p * (sample.length - 1)))]!;
  const lo = q(0.02), hi = q(0.98);
  return lo < hi ? [lo, hi] : [sample[0]!, sample[sample.length - 1]!];
}

export function coloursFor(column: Column | undefined, book: ColourBook): { colours: CellColours; legend: Legend } {
  if (!column || column.kind === 'id') return { colours: { kind: 'uniform', colour: packRgba(80, 110, 170) }, legend: { kind: 'none' } };
  if (column.kind === 'number') {
    const [min, max] = robustLimits(column.values);
    const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `rgb(${viridis(t).join(',')})`);
    return { colours: { kind: 'number', values: column.values, min, max, lut: VIRIDIS_LUT, missing: GREY }, legend: { kind: 'number', column: column.name, min, max, stops } };
  }
  book.register(column.name, column.labels);
  const counts = new Float64Array(column.labels.length + 1);
  const n = column.codes.length;
  for (let i = 0; i < n; i++) {
    const c = column.codes[i]!;
    counts[c < column.labels.length ? c : column.labels.length]!++;
  }
  const lut = new Uint32Array(column.labels.length + 1);
  column.labels.forEach((label, k) => (lut[k] = packRgba(...hexToRgb(book.colour(column.name, label)))));
  lut[column.labels.length] = GREY;
  const entries = column.labels
    .map((label, k) => ({ label, colour: book.colour(column.name, label), count: counts[k]! }))
    .filter((e) => e.count > 0)
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  return {
    colours: { kind: 'category', codes: column.codes, lut },
    legend: { kind: 'category', column: column.name, entries, missing: counts[column.labels.length]! },
  };
}

/** The column to colour by when the user has not chosen: clone, region, phenotype, then any category. */
export function defaultColourColumn(table: CellTable): string | null {
  const r = table.roles;
  for (const name of [r.clone, r.region, r.phenotype]) if (name) return name;
  const cat = table.columns.find((c) => c.kind === 'category' && !c.text && c.labels.length > 1 && c.labels.length <= 64 && c.name !== r.sample);
  return cat?.name ?? null;
}

/** The colour column for a table: the chosen one when the table has it, else the table's default. */
export function effectiveColourColumn(table: CellTable, chosen: string | null): string | null {
  if (chosen && table.columns.some((c) => c.name === chosen)) return chosen;
  return chosen === '' ? null : defaultColourColumn(table);
}
