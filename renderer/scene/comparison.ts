// The comparison of samples (and of the regions within each) by one categorical column, over
// tumour cells: groups, aligned counts, and the charts the Compare panel and figures show —
// composition bars, the Jensen–Shannon heatmap, the mutation map — plus the composition as CSV.

import { alignCounts, jsdMatrix, mutationClasses, tumourCountsByGroup, type AlignedCounts } from '../../shared/analysis/compare.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import { tumourCounts } from '../../shared/analysis/diversity.ts';
import { columnByName, type CategoryColumn } from '../../shared/dataset/cell-table.ts';
import type { Sample } from '../app/store.ts';
import { heatmap } from './charts/heatmap.ts';
import { mutationMap } from './charts/mutation-map.ts';
import { stackedBars, type Bar } from './charts/stacked-bars.ts';
import { hex, type ChartStyle } from './charts/svg.ts';
import { colormapColour } from './colormaps.ts';
import type { ColourBook } from './palette.ts';
import { sampleRegions, type RegionSettings } from './sample-regions.ts';

export interface Group {
  readonly name: string;
  readonly sampleId: string;
  readonly region?: string;
  readonly labels: readonly string[];
  readonly counts: ArrayLike<number>;
}

export interface Comparison {
  readonly by: string;
  /** One group per sample that has the column, then one per region with tumour cells. */
  readonly samples: readonly Group[];
  readonly regions: readonly Group[];
  /** samples then regions, aligned on one label list. */
  readonly aligned: AlignedCounts;
  readonly names: readonly string[];
  /** Index of the reference sample among `samples` (−1: none). */
  readonly reference: number;
}

/** The categorical columns every sample has (the ones a comparison can be made by). */
export function comparableColumns(samples: readonly Sample[]): string[] {
  const sets = samples.map((s) => new Set(s.table.columns.filter((c) => c.kind === 'category' && !c.text).map((c) => c.name)));
  return sets.length ? [...sets[0]!].filter((c) => sets.every((s) => s.has(c))) : [];
}

/** The column compared: the one asked for when every sample has it, else the clone column, else the first common one. */
export function comparisonColumn(samples: readonly Sample[], asked: string | null): string | null {
  const columns = comparableColumns(samples);
  if (asked && columns.includes(asked)) return asked;
  const clone = samples[0]?.table.roles.clone;
  return clone && columns.includes(clone) ? clone : (columns[0] ?? null);
}

/** A sample's name for charts: without a trailing "(…)" note such as "(sample data)". */
export const shortName = (s: Sample) => s.name.replace(/\s*\([^)]*\)\s*$/, '') || s.name;

export function comparisonOf(all: readonly Sample[], asked: string | null, referenceId: string | null, settings: RegionSettings): Comparison | null {
  const by = comparisonColumn(all, asked);
  if (!by) return null;
  const samples: Group[] = [], regions: Group[] = [];
  for (const s of all) {
    const col = columnByName(s.table, by) as CategoryColumn | undefined;
    if (!col || col.kind !== 'category') continue;
    const t = tumourCounts(col);
    samples.push({ name: shortName(s), sampleId: s.id, labels: t.labels, counts: t.counts });
    const r = sampleRegions(s.table, s.shapes, settings);
    if (!r || (r.source === 'column' && s.table.roles.region === by)) continue;
    const g = tumourCountsByGroup(col, { codes: r.codes, labels: r.names });
    g.groups.forEach((name, k) => {
      if (g.counts[k]!.reduce((a, b) => a + b, 0) > 0) regions.push({ name: `${shortName(s)} · ${name}`, sampleId: s.id, region: name, labels: g.labels, counts: g.counts[k]! });
    });
  }
  const groups = [...samples, ...regions];
  const refId = referenceId && all.some((s) => s.id === referenceId) ? referenceId : all[0]?.id;
  return { by, samples, regions, aligned: alignCounts(groups), names: groups.map((g) => g.name), reference: samples.findIndex((g) => g.sampleId === refId) };
}

export function compositionChart(c: Comparison, book: ColourBook, st: ChartStyle, width = 620, title = `Composition by ${c.by} (tumour cells)`): string {
  book.register(c.by, c.aligned.labels);
  const bars: Bar[] = c.names.map((name, k) => {
    const counts = c.aligned.counts[k]!;
    const n = counts.reduce((x, y) => x + y, 0);
    return { label: name, n, fractions: new Map(c.aligned.labels.map((l, j) => [l, n > 0 ? counts[j]! / n : 0])) };
  });
  return stackedBars(bars, { title, keys: c.aligned.labels, colour: (l) => book.colour(c.by, l), width }, st);
}

export function jsdChart(c: Comparison, st: ChartStyle, title = 'Jensen–Shannon divergence (bits; 0 = same composition, 1 = nothing in common)'): string {
  return heatmap(c.names, jsdMatrix(c.aligned.counts), { title, max: 1, colour: (t) => hex(colormapColour('cividis', 1 - t)), reference: c.reference }, st);
}

export function mutationChart(c: Comparison, tree: CloneTree, book: ColourBook, st: ChartStyle, title = 'Mutations across samples and regions'): string {
  return mutationMap(tree, mutationClasses(tree, c.aligned), c.names, (l) => book.colour(c.by, l), st, title);
}

/** Tumour cells per group and label, and each label's share: one row per group. */
export function compositionCsv(c: Comparison): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ['group', 'tumour_cells', ...c.aligned.labels.flatMap((l) => [`${l}_cells`, `${l}_fraction`])];
  const rows = c.names.map((name, k) => {
    const counts = c.aligned.counts[k]!;
    const n = counts.reduce((a, b) => a + b, 0);
    return [q(name), String(n), ...c.aligned.labels.flatMap((_, j) => [String(counts[j]!), n > 0 ? (counts[j]! / n).toFixed(6) : ''])].join(',');
  });
  return [head.map(q).join(','), ...rows].join('\n') + '\n';
}

/** Each clone's share of the tumour cells of every sample together (disc areas of the tree). */
export function pooledShares(c: Comparison, tree: CloneTree): Map<string, number> {
  const totals = new Float64Array(c.aligned.labels.length);
  for (let k = 0; k < c.samples.length; k++) c.aligned.counts[k]!.forEach((v, j) => (totals[j]! += v));
  const sum = totals.reduce((a, b) => a + b, 0) || 1;
  return new Map(tree.clones.map((clone) => [clone, (totals[c.aligned.labels.indexOf(clone)] ?? 0) / sum]));
}
